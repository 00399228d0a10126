from odoo import api, fields, models


class IntlTripAdvanceReport(models.Model):
    """One button per role for taking a submitted report back: the traveller withdraws it (when
    the record rules let them write it), the accountant returns it to the traveller."""

    _inherit = "intl.trip.advance.report"

    can_withdraw = fields.Boolean(compute="_compute_can_withdraw")
    can_return = fields.Boolean(compute="_compute_can_withdraw")

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can_withdraw(self):
        accountant = self.env.user.has_group("intl_cooperation.group_intl_accountant")
        # the engine lets the traveller take back a submitted report, the record rules may not:
        # a button shows only to who may press it
        writable = self._filtered_access("write") if self.ids else self
        for report in self:
            report.can_return = report.can_reset and accountant
            report.can_withdraw = report.can_reset and not accountant and report in writable
