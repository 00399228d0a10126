from odoo import api, fields, models
from odoo.exceptions import ValidationError

APPROVER_ROLES = [
    ("department_head", "Head of the employee's unit"),
    ("institute_director", "Director of the institute"),
    ("curator", "DIC curator of the record"),
]


class IntlApprovalRouteStep(models.Model):
    _name = "intl.approval.route.step"
    _description = "Approval Route Step"
    _order = "route_id, sequence, id"

    route_id = fields.Many2one("intl.approval.route", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    approver_type = fields.Selection(
        [("group", "Group"), ("user", "Specific user"), ("role", "Role on the record")],
        required=True, default="group",
    )
    group_id = fields.Many2one("res.groups", "Approver Group", ondelete="restrict")
    user_id = fields.Many2one("res.users", "Approver", ondelete="restrict")
    role = fields.Selection(APPROVER_ROLES)
    record_state = fields.Char(
        "Record Stage",
        help="Technical value the record's status takes while this step is pending.",
    )
    require_documents = fields.Boolean(
        "Documents Verified",
        help="The step cannot be approved before every mandatory document is verified.",
    )
    deadline_days = fields.Integer(
        "Days to Decide", default=3, help="Due date of the approver's activity."
    )

    @api.constrains("approver_type", "group_id", "user_id", "role")
    def _check_approver(self):
        for step in self:
            field = {"group": "group_id", "user": "user_id", "role": "role"}[step.approver_type]
            if not step[field]:
                raise ValidationError(
                    self.env._("Step %(step)s needs its approver.", step=step.name)
                )

    @api.constrains("record_state", "route_id")
    def _check_record_state(self):
        for step in self.filtered("record_state"):
            model = self.env[step.route_id.model]
            field = model._fields.get(getattr(model, "_lifecycle_state_field", "state"))
            states = [key for key, _label in field._description_selection(self.env)] if field else []
            if step.record_state not in states:
                raise ValidationError(self.env._(
                    "Step %(step)s: %(state)s is not a status of %(model)s (%(states)s).",
                    step=step.name, state=step.record_state, model=model._description,
                    states=", ".join(states)))

    def _resolve_users(self, record):
        """Users who decide this step for ``record``."""
        self.ensure_one()
        if self.approver_type == "user":
            return self.user_id
        if self.approver_type == "group":
            return self.group_id.users.filtered(lambda u: not u.share and u.active)
        return record._approval_role_users(self.role)
