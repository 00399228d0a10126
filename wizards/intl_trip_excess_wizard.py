from odoo import fields, models

from ..models.intl_trip_advance_report_line import EXCESS_DECISIONS


class IntlTripExcessWizard(models.TransientModel):
    """Accountant decides an expense above the norm: accept it with a reason, or charge it."""

    _name = "intl.trip.excess.wizard"
    _description = "Excess Over the Norm"

    line_id = fields.Many2one("intl.trip.advance.report.line", required=True)
    currency_id = fields.Many2one(related="line_id.currency_id")
    amount = fields.Monetary(related="line_id.amount")
    norm_amount = fields.Monetary(related="line_id.norm_amount")
    excess_amount = fields.Monetary(related="line_id.excess_amount")
    norm_note = fields.Char(related="line_id.norm_note")
    decision = fields.Selection(EXCESS_DECISIONS, required=True, default="charge")
    reason = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        self.line_id._do_decide_excess(self.decision, self.reason)
        return {"type": "ir.actions.act_window_close"}
