from odoo import api, fields, models
from odoo.exceptions import UserError

PLAN_STATES = [
    ("draft", "Draft"),
    ("to_agree", "Being Agreed"),
    ("to_approve", "Awaiting Approval"),
    ("approved", "Approved"),
    ("cancel", "Cancelled"),
]
COORDINATOR = "intl_cooperation.group_intl_coordinator"
SEMESTERS = [("fall", "Fall"), ("spring", "Spring"), ("summer", "Summer")]


class IntlScholarPlan(models.Model):
    """The plan of inviting foreign scholars of one institute for a semester (DP 717 §5.5.1).

    Agreed by the institute director and the DIC Director, approved by the
    rector or the vice-rector for science and international cooperation
    (an editable approval route). Coordinators draft their institute's plan.
    """

    _name = "intl.scholar.plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin"]
    _description = "Plan of Invited Foreign Scholars"
    _order = "academic_year desc, semester, institute_id"
    _check_company_auto = True
    _mail_post_access = "read"

    _approval_submit_states = {"default": ("draft",)}
    _approval_pending_state = {"default": "to_agree"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel",)
    _lifecycle_substance = ("company_id", "academic_year", "semester", "institute_id", "line_ids")
    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "approval": "default", "who": (COORDINATOR,),
                   "guard": "_guard_submit"},
        "agree": {"from": ("draft", "to_agree"), "to": "to_agree", "who": ("approval",)},
        "to_approve": {"from": ("draft", "to_agree"), "to": "to_approve", "who": ("approval",)},
        "approve_plan": {"from": ("to_agree", "to_approve"), "to": "approved", "who": ("approval",)},
        "reject_plan": {"from": ("to_agree", "to_approve"), "to": "draft", "who": ("approval",)},
        "cancel": {"from": ("draft", "to_agree", "to_approve"), "to": "cancel", "who": (COORDINATOR,)},
        "reset": {"from": ("cancel",), "to": "draft", "who": (COORDINATOR,)},
    }

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(PLAN_STATES, default="draft", required=True, tracking=True, copy=False,
                             index=True)
    academic_year = fields.Char(
        required=True, tracking=True, default=lambda self: self._default_academic_year(),
        help="E.g. 2026/2027.")
    semester = fields.Selection(SEMESTERS, required=True, default="spring", tracking=True)
    institute_id = fields.Many2one(
        "hr.department", "Institute", required=True, tracking=True, index=True,
        domain="[('intl_kind', '=', 'institute')]",
        default=lambda self: self.env.user.employee_id.intl_institute_id)
    line_ids = fields.One2many("intl.scholar.plan.line", "plan_id", "Invitations", copy=True)
    planned_cost = fields.Monetary(compute="_compute_totals", store=True)
    actual_cost = fields.Monetary(compute="_compute_actual_cost")
    line_count = fields.Integer(compute="_compute_totals", store=True)
    visit_count = fields.Integer(compute="_compute_visit_count")
    note = fields.Html()
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    _sql_constraints = [
        ("plan_uniq", "unique(company_id, institute_id, academic_year, semester)",
         "An institute has one plan per academic year and semester."),
    ]

    @api.model
    def _default_academic_year(self):
        today = fields.Date.context_today(self)
        start = today.year if today.month >= 8 else today.year - 1
        return f"{start}/{start + 1}"

    @api.depends("academic_year", "semester", "institute_id")
    def _compute_name(self):
        labels = dict(SEMESTERS)
        for plan in self:
            plan.name = " ".join(filter(None, [
                plan.institute_id.name, plan.academic_year,
                labels.get(plan.semester) and self.env._(labels[plan.semester])]))

    @api.depends("line_ids.planned_cost")
    def _compute_totals(self):
        for plan in self:
            plan.planned_cost = sum(plan.line_ids.mapped("planned_cost"))
            plan.line_count = len(plan.line_ids)

    def _compute_actual_cost(self):
        for plan in self:
            plan.actual_cost = sum(plan.line_ids.mapped("actual_cost"))

    def _compute_visit_count(self):
        counts = dict(self.env["intl.scholar.visit"]._read_group(
            [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]))
        for plan in self:
            plan.visit_count = counts.get(plan, 0)

    def write(self, vals):
        frozen = {"line_ids", "academic_year", "semester", "institute_id", "company_id"}
        if frozen & set(vals) and not self._lifecycle_trusted() and any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("A plan can only be changed as a draft."))
        return super().write(vals)

    def _check_is_draft(self):
        if not self._lifecycle_trusted() and any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("A plan can only be changed as a draft."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft plans can be deleted; cancel the others."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._lifecycle_run("submit")

    def action_approval_submit(self):
        return self.action_submit()

    def _guard_submit(self):
        if not self.line_ids:
            return self.env._("Add the planned invitations of %(plan)s first.", plan=self.display_name)
        return False

    def action_cancel(self):
        self._lifecycle_check("cancel")
        self._approval_cancel()
        self._lifecycle_do("cancel")

    def action_draft(self):
        return self._lifecycle_run("reset")

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("intl_cooperation.intl_scholar_visit_action")
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_institute_id": self.institute_id.id}
        return action

    # ------------------------------------------------------------------
    # Approval engine
    # ------------------------------------------------------------------

    def _approval_institute(self):
        return self.institute_id

    def _lifecycle_requester_users(self):
        return self.create_uid
