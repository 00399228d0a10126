from odoo import fields, models


class IntlTripReturn(models.TransientModel):
    """Register the actual return date of a trip."""

    _name = "intl.trip.return"
    _description = "Register Trip Return"

    trip_id = fields.Many2one("intl.trip", required=True)
    date_return = fields.Date("Actual Return", required=True, default=fields.Date.context_today)

    def action_confirm(self):
        self.trip_id._register_return(self.date_return)
        return {"type": "ir.actions.act_window_close"}
