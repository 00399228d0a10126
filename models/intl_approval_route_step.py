from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

APPROVER_ROLES = [
    ("department_head", "Head of the employee's unit"),
    ("institute_director", "Director of the institute"),
    ("curator", "DIC curator of the record"),
    ("rector", "Rector"),
    ("rector_or_vr_science", "Rector or Vice-Rector for Science and International Cooperation"),
    ("rector_or_vr_academic", "Rector or Vice-Rector for Academic Affairs"),
    ("programmes_head", "Head of the International Programmes Office"),
]
# the positions of the company (Settings) each role names; a role whose positions are all
# vacant falls back to the Management group (the rector and the vice-rectors' group)
POSITION_ROLES = {
    "rector": ("intl_rector_id",),
    "rector_or_vr_science": ("intl_rector_id", "intl_vice_rector_science_id"),
    "rector_or_vr_academic": ("intl_rector_id", "intl_vice_rector_academic_id"),
    "programmes_head": ("intl_programmes_head_id",),
}
MANAGEMENT = "intl_cooperation.group_intl_management"
# the steps of the data that named the Management group before the positions existed,
# and the role DP 717 names for each (_intl_migrate_dp717_deciders)
DP717_STEP_ROLES = {
    "intl_approval_route_step_trip_management": "rector_or_vr_science",  # 5.3 the order
    "intl_approval_route_step_trip_extension_management": "rector_or_vr_science",  # 5.3 its amendment
    "intl_approval_route_step_delegation_decision": "rector",  # 5.4.1
    "intl_approval_route_step_delegation_programme": "rector_or_vr_academic",  # 5.4.3
    "intl_approval_route_step_delegation_protocol": "rector_or_vr_academic",  # 5.4.3, 403-02
    "intl_approval_route_step_scholar_plan_rector": "rector_or_vr_science",  # 5.5
    "intl_approval_route_step_annual_report_rector": "rector",  # 7.1
}
# the documents each step of the data decides on (DP 717 5.4.1, 5.4.3): a step of the data
# whose documents the DIC Director left empty gets them at the module's update
STEP_DOCUMENTS = {
    "intl_approval_route_step_delegation_decision": ["intl_document_type_service_memo"],
    "intl_approval_route_step_delegation_programme": ["intl_document_type_cost_estimate"],
}


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
    document_type_ids = fields.Many2many(
        "intl.document.type", "intl_approval_route_step_document_type_rel", "step_id", "type_id",
        "Documents at This Step",
        help="Documents of the record's checklist this step decides on: the record goes to the route "
             "only with them attached, and the step is not approved while one is missing or rejected "
             "(e.g. the service memo 403-03 at the rector's decision on a delegation).")
    decision = fields.Selection(
        [("agree", "Agree"), ("approve", "Approve")], "Kind of Decision",
        compute="_compute_decision", store=True, readonly=False, required=True, precompute=True,
        help="A unit agrees before the decision (Agree); the rector, a vice-rector or Management "
             "approves (Approve). The approver's to-do, the decision's note and the button say the "
             "step's verb.")

    @api.depends("approver_type", "role", "group_id")
    def _compute_decision(self):
        management = self.env.ref(MANAGEMENT, raise_if_not_found=False)
        for step in self:
            approves = (step.approver_type == "role" and step.role in POSITION_ROLES
                        and step.role != "programmes_head") \
                or (step.approver_type == "group" and management and step.group_id == management)
            step.decision = "approve" if approves else "agree"

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
        if self.role in POSITION_ROLES:
            return self._resolve_position_users(record)
        return record._approval_role_users(self.role)

    @api.model
    @tools.ormcache("company_id", "role")
    def _position_employee_ids(self, company_id, role):
        """The employees holding the positions of ``role`` in the company (cached: the
        approval click reads them; a change of the positions clears the cache)."""
        # sudo: the positions are read by the engine, whoever decides
        company = self.env["res.company"].sudo().browse(company_id)
        return tuple(company[field].id for field in POSITION_ROLES[role] if company[field])

    def _resolve_position_users(self, record):
        """The holders of the company positions the step's role names (Settings).

        The rector's and the vice-rectors' roles fall back to the Management group
        while their positions are vacant; the head of the international programmes
        office has no fallback: the step then goes to the route's next level.
        """
        company = record.company_id if "company_id" in record._fields and record.company_id \
            else self.env.company
        employees = self.env["hr.employee"].browse(self._position_employee_ids(company.id, self.role))
        users = employees.user_id.filtered(lambda u: not u.share and u.active)
        if not employees and self.role != "programmes_head":
            # the id alone: no query to check that the group still exists (the approval click)
            management = self.env["res.groups"].browse(self.env["ir.model.data"]._xmlid_to_res_id(MANAGEMENT))
            users = management.users.filtered(lambda u: not u.share and u.active)
        return users

    @api.model
    def _intl_link_step_documents(self):
        """Give the data's route steps the documents DP 717 names for them (at each update, only
        on a step where the DIC Director has not chosen any). Returns the steps linked."""
        linked = self.browse()
        for step_xmlid, type_xmlids in STEP_DOCUMENTS.items():
            step = self.env.ref(f"intl_cooperation.{step_xmlid}", raise_if_not_found=False)
            if not step or step.document_type_ids:
                continue
            types = [self.env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False) for xmlid in type_xmlids]
            step.document_type_ids = [fields.Command.link(doc_type.id) for doc_type in types if doc_type]
            linked |= step
        return linked

    @api.model
    def _intl_migrate_dp717_deciders(self):
        """Give the data's route steps the deciders DP 717 names, on a database installed
        before (the steps are ``noupdate`` data, so an update keeps their old approver).

        Only a step the admin left as it was shipped (the Management group) changes: a step
        whose approver the DIC Director edited is kept. Returns the steps changed. Called by
        ``migrations/18.0.1.1.0/post-migrate.py``.
        """
        management = self.env.ref(MANAGEMENT, raise_if_not_found=False)
        changed = self.browse()
        for xmlid, role in DP717_STEP_ROLES.items():
            step = self.env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)
            if step and management and step.approver_type == "group" and step.group_id == management:
                step.write({"approver_type": "role", "role": role, "group_id": False})
                changed |= step
        return changed
