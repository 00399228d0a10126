from odoo import fields, models
from odoo.exceptions import UserError


class IntlTripLateRequest(models.TransientModel):
    """The traveller asks Management to allow an application later than the 15-day deadline."""

    _name = "intl.trip.late.request"
    _description = "Ask for a Late Trip Application"

    trip_id = fields.Many2one("intl.trip", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why the application comes late."))
        self.trip_id._do_request_late_submission(reason)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Management is asked to allow the late submission of %(trip)s.",
                                      trip=self.trip_id.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
