from collections import defaultdict

from odoo import api, fields, models

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

    def _budget_is_committed(self):
        self.ensure_one()
        return self.state in COMMITTED_STATES

    @api.model
    def _budget_committed(self, budgets):
        """Contracts of the accepted visits less their billed acts, converted into tenge today."""
        # sudo: the budget's figure counts every visit charged to it, whoever reads the budget
        Visit = self.sudo()
        today = fields.Date.context_today(self)
        committed = defaultdict(float)
        domain = [("budget_id", "in", budgets.ids), ("state", "in", COMMITTED_STATES)]
        for budget, currency, amount in Visit._read_group(
                domain, ["budget_id", "contract_currency_id"], ["contract_amount:sum"]):
            committed[budget.id] += self._budget_to_company(budget, currency, amount, today)
        billed = self.env["intl.scholar.act"].sudo()._read_group(
            [("visit_id.budget_id", "in", budgets.ids), ("visit_id.state", "in", COMMITTED_STATES),
             ("state", "in", ("billed", "paid"))], ["visit_id", "currency_id"], ["amount:sum"])
        for visit, currency, amount in billed:
            committed[visit.budget_id.id] -= self._budget_to_company(visit.budget_id, currency, amount, today)
        return committed

    @api.model
    def _budget_to_company(self, budget, currency, amount, day):
        company_currency = budget.company_id.currency_id
        if not currency or currency == company_currency:
            return amount
        return currency._convert(amount, company_currency, budget.company_id, day)

    def _approval_check_can_submit(self, purpose):
        super()._approval_check_can_submit(purpose)
        if purpose == "default":
            self._budget_check_submission()

    def _analytic_distribution(self):
        """The budget's account (found now when the visit was submitted before any budget)."""
        self.ensure_one()
        budget = self.budget_id or self.env["intl.budget"]._match([self._budget_key()]).get(self._budget_key())
        account = budget.analytic_account_id or self.funding_source_id.analytic_account_id
        return {str(account.id): 100.0} if account else {}
