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

    def _budget_open(self):
        self.ensure_one()
        return self.state in ("draft", "to_dic", "refused")

    def _budget_is_committed(self):
        self.ensure_one()
        return self.state in COMMITTED_STATES

    @api.model
    def _budget_committed(self, budget_domain):
        """Contracts of the accepted visits less their billed acts, converted into tenge today."""
        # sudo: the budget's figure counts every visit charged to it, whoever reads the budget
        Visit = self.sudo()
        # the day of the conversion, without reading the user's time zone (the same queries always)
        today = fields.Date.today()
        committed = defaultdict(float)
        domain = [("budget_id", "any", budget_domain), ("state", "in", COMMITTED_STATES)]
        for budget, currency, amount in Visit._read_group(
                domain, ["budget_id", "contract_currency_id"], ["contract_amount:sum"]):
            committed[budget.id] += self._budget_to_company(budget, currency, amount, today)
        billed = self.env["intl.scholar.act"].sudo()._read_group(
            [("budget_id", "any", budget_domain), ("visit_id.state", "in", COMMITTED_STATES),
             ("state", "in", ("billed", "paid"))], ["budget_id", "currency_id"], ["amount:sum"])
        for budget, currency, amount in billed:
            committed[budget.id] -= self._budget_to_company(budget, currency, amount, today)
        return committed

    @api.model
    def _budget_to_company(self, budget, currency, amount, day):
        company_currency = budget.company_id.currency_id
        if not currency or currency == company_currency:
            return amount
        return currency._convert(amount, company_currency, budget.company_id, day)

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
