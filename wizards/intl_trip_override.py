from odoo import fields, models


class IntlTripOverride(models.TransientModel):
    """Management allows an application later than the 15-day deadline, with a reason."""

    _name = "intl.trip.override"
    _description = "Allow a Late Trip Application"

    trip_id = fields.Many2one("intl.trip", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.trip_id._do_allow_late_submission(self.reason)
        return {"type": "ir.actions.act_window_close"}
