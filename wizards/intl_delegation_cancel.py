from odoo import fields, models
from odoo.exceptions import UserError


class IntlDelegationCancel(models.TransientModel):
    """Asks why a visit is cancelled before cancelling it."""

    _name = "intl.delegation.cancel"
    _description = "Cancel a Delegation Visit"

    reason = fields.Text(required=True)

    def action_cancel(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the cancellation."))
        visits = self.env["intl.delegation"].browse(self.env.context.get("active_ids") or [])
        visits._check_can_cancel()
        visits._do_cancel(self.reason.strip())
        return {"type": "ir.actions.act_window_close"}
