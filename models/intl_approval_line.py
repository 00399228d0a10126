from odoo import fields, models


class IntlApprovalLine(models.Model):
    """A step of an approval round of a record, with its decision.

    Lines are written by the approval engine only (``intl.approval.mixin``):
    nobody has write access to them, the engine checks the approver first and
    writes them through the lifecycle path (every field is a workflow field).
    """

    _name = "intl.approval.line"
    _inherit = ["intl.related.record.mixin", "intl.lifecycle.mixin"]
    _description = "Approval Line"
    _order = "res_model, res_id, round desc, sequence, id"

    purpose = fields.Char(required=True, default="default", readonly=True)
    round = fields.Integer(default=1, readonly=True, help="Submissions of the record for this purpose.")
    is_current = fields.Boolean(default=True, readonly=True, index=True)
    route_id = fields.Many2one("intl.approval.route", readonly=True, ondelete="set null")
    step_id = fields.Many2one("intl.approval.route.step", "Route Step", readonly=True, ondelete="set null")
    sequence = fields.Integer(readonly=True)
    name = fields.Char("Step", required=True, readonly=True)
    record_state = fields.Char(readonly=True)
    require_documents = fields.Boolean(readonly=True)
    deadline_days = fields.Integer(readonly=True)
    user_ids = fields.Many2many(
        "res.users", "intl_approval_line_res_users_rel", "line_id", "user_id",
        string="Approvers", readonly=True,
    )
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("pending", "To Decide"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="waiting", required=True, readonly=True, index=True,
    )
    decided_by_id = fields.Many2one("res.users", "Decided By", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    comment = fields.Text(readonly=True)

    _lifecycle_transitions = {}
    _lifecycle_workflow_fields = (
        "res_model", "res_id", "purpose", "round", "is_current", "route_id", "step_id", "sequence",
        "name", "record_state", "require_documents", "deadline_days", "user_ids", "decided_by_id",
        "decided_on", "comment",
    )
