from odoo import api, models

from .intl_budget import TRIP_COMMITTED_MONEY_STATES as COMMITTED_MONEY_STATES
from .intl_budget import TRIP_COMMITTED_STATES


class IntlTrip(models.Model):
    """A trip charged to the budget of its year, funding source and the traveller's institute.

    Committed: the estimate of an approved trip until its advance report is
    posted (then its entries are the spending). Its entries carry the budget's
    analytic account unless funding lines name their own.
    """

    _name = "intl.trip"
    _inherit = ["intl.trip", "intl.budget.mixin"]

    def _lifecycle_protected_fields(self):
        return super()._lifecycle_protected_fields() | self._budget_protected_fields()

    def _budget_key(self):
        self.ensure_one()
        return (self.company_id, self.date_departure.year if self.date_departure else False,
                self.funding_source_id, self.institute_id)

    def _budget_amount(self):
        self.ensure_one()
        return 0.0 if self.no_advance else self.estimate_total

    def _budget_parts(self):
        """Each funding line's part of the estimate on the budget of its own source (the year and
        institute of the trip); without funding lines, the whole estimate on the trip's source."""
        self.ensure_one()
        if not self.funding_line_ids:
            return super()._budget_parts()
        amount = self._budget_amount()
        return [((self.company_id, self._budget_key()[1], line.source_id, self.institute_id),
                 amount * line.budget_share / 100.0, line) for line in self.funding_line_ids]

    def _budget_open(self):
        self.ensure_one()
        return self.state in ("draft", "to_head", "to_dic", "to_management")

    def _budget_is_committed(self):
        self.ensure_one()
        return self.state in TRIP_COMMITTED_STATES and self.money_state in COMMITTED_MONEY_STATES

    @api.model
    def _budget_committed_domain(self):
        return [("state", "in", TRIP_COMMITTED_STATES), ("no_advance", "=", False),
                ("money_state", "in", COMMITTED_MONEY_STATES)]

    @api.model
    def _budget_charged_domain(self, budgets):
        """The trips charged to ``budgets``: whole, or through one of their funding lines."""
        return ["|", "&", ("budget_id", "in", budgets.ids), ("funding_line_ids", "=", False),
                ("funding_line_ids.budget_id", "in", budgets.ids)]

    def _approval_check_can_submit(self, purpose):
        result = super()._approval_check_can_submit(purpose)
        if purpose == "default":
            self._budget_check_submission()
        return result

    def _analytic_distribution(self):
        """The funding lines' own accounts and, in the budgets' plan, each line's budget for its
        share (the spending follows the commitment); without funding lines, the budget's
        account, else the funding source's."""
        self.ensure_one()
        lines = self.funding_line_ids
        if not lines:
            if self.budget_id.analytic_account_id:
                return {str(self.budget_id.analytic_account_id.id): 100.0}
            return super()._analytic_distribution()
        budgeted = lines.filtered("budget_id.analytic_account_id")
        distribution = super()._analytic_distribution()
        if not budgeted:
            return distribution
        plan = self.env["intl.budget"]._analytic_plan()
        # a line's own account in the budgets' plan gives way to the budget matched for it
        accounts = self.env["account.analytic.account"].browse(int(key) for key in distribution)
        distribution = {str(account.id): distribution[str(account.id)]
                        for account in accounts if account.root_plan_id != plan}
        for line in budgeted:
            key = str(line.budget_id.analytic_account_id.id)
            distribution[key] = round(distribution.get(key, 0.0) + line.budget_share, 2)
        return distribution
