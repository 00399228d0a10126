
from odoo import fields, models

COMMITTED_STATES = ("accepted", "on_site", "ended")


class IntlScholarVisit(models.Model):
    """An invited scholar's visit charged to the budget of its year, funding and institute.

    Committed: the contract of an accepted visit, less the acts already billed
    (their bills and the state fees carry the budget's analytic account).
    """

    _name = "intl.scholar.visit"
    _inherit = ["intl.scholar.visit", "intl.budget.mixin"]

    def _lifecycle_protected_fields(self):
        return super()._lifecycle_protected_fields() | self._budget_protected_fields()

    def _budget_key(self):
        self.ensure_one()
        return (self.company_id, self.date_arrival.year if self.date_arrival else False,
                self.funding_source_id, self.institute_id)

    def _budget_amount(self):
        self.ensure_one()
        if not self.contract_amount:
            return 0.0
        currency = self.contract_currency_id or self.currency_id
        return currency._convert(self.contract_amount, self.currency_id, self.company_id,
                                 fields.Date.context_today(self))

    def _budget_open(self):
        self.ensure_one()
        return self.state in ("draft", "to_dic", "refused")

    def _budget_is_committed(self):
        self.ensure_one()
        return self.state in COMMITTED_STATES

    def _approval_check_can_submit(self, purpose):
        result = super()._approval_check_can_submit(purpose)
        if purpose == "default":
            self._budget_check_submission()
        return result

    def _analytic_distribution(self):
        """The budget's account (found now when the visit was submitted before any budget)."""
        self.ensure_one()
        Budget = self.env["intl.budget"]
        budget = self.budget_id or Budget._match([self._budget_key()]).get(self._budget_key(), Budget)
        account = budget.analytic_account_id or self.funding_source_id.analytic_account_id
        return {str(account.id): 100.0} if account else {}


class IntlScholarAct(models.Model):
    _inherit = "intl.scholar.act"

    budget_id = fields.Many2one(related="visit_id.budget_id", store=True, index="btree_not_null")
