from odoo import fields, models


class IntlScholarLateRequest(models.TransientModel):
    """The inviting unit asks the DIC Director to allow a file later than the 40 days."""

    _name = "intl.scholar.late.request"
    _description = "Ask for a Late Scholar File"

    visit_id = fields.Many2one("intl.scholar.visit", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.visit_id._do_request_late(self.reason)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("The DIC Director is asked to allow the late file of %(visit)s.",
                                      visit=self.visit_id.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
