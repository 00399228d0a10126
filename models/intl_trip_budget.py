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

    def _approval_check_can_submit(self, purpose):
        result = super()._approval_check_can_submit(purpose)
        if purpose == "default":
            self._budget_check_submission()
        return result

    def _analytic_distribution(self):
        """The funding lines' accounts, else the budget's, else the funding source's."""
        self.ensure_one()
        if self.budget_id.analytic_account_id and not self.funding_line_ids.filtered("analytic_account_id"):
            return {str(self.budget_id.analytic_account_id.id): 100.0}
        return super()._analytic_distribution()
