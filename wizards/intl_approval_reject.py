from odoo import fields, models
from odoo.exceptions import UserError


class IntlApprovalReject(models.TransientModel):
    """Asks the reason of a rejection before the engine records it."""

    _name = "intl.approval.reject"
    _description = "Approval Rejection"

    reason = fields.Text(required=True)

    def _get_records(self):
        model = self.env.context.get("active_model")
        ids = self.env.context.get("active_ids") or []
        if not model or "approval_line_ids" not in self.env[model]._fields:
            raise UserError(self.env._("Open the rejection from the record to reject."))
        return self.env[model].browse(ids)

    def action_reject(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the rejection."))
        records = self._get_records()
        records._approval_check_can_approve()
        # said before deciding: once decided, the approver may no longer read the record
        messages = [
            self.env._("%(record)s, step %(step)s: rejected.", record=record.display_name,
                       step=record._approval_current_lines()[:1].step_name)
            for record in records]
        records._approval_do_reject(self.reason.strip())
        return self.env["intl.approval.line"]._notify_decision(messages)
