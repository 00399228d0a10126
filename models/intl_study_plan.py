from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

REGISTRAR_GROUP = "intl_cooperation.group_intl_registrar"
COORDINATOR = "intl_cooperation.group_intl_coordinator"
APPROVAL_STATES = ("institute", "registrar")


class IntlStudyPlan(models.Model):
    """The individual study plan of a selected double-degree learner (DP 717 5.6.2).

    The graduating department draws it up with the partner (``draft``), then
    the approval route takes it through the institute directorate
    (``institute``) and the Registrar Office (``registrar``) to ``approved``.
    A plan cannot be approved without the Registrar's step. On the learner's
    return the Registrar records the partner's grades and their conversion
    (``recognised``); the converted grades join the learner's transcript.
    """

    _name = "intl.study.plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin"]
    _description = "Individual Study Plan"
    _order = "id desc"
    _check_company_auto = True
    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "approval": "default", "who": (COORDINATOR,), "guard": "_guard_submit"},
        "institute": {"from": ("draft", "registrar"), "to": "institute", "who": ("approval",)},
        "registrar": {"from": ("draft", "institute"), "to": "registrar", "who": ("approval",)},
        "approve": {"from": APPROVAL_STATES, "to": "approved", "who": ("approval",)},
        "reject": {"from": APPROVAL_STATES, "to": "draft", "who": ("approval",)},
        "recognise": {"from": ("approved",), "to": "recognised", "who": (REGISTRAR_GROUP,),
                      "guard": "_guard_recognise"},
        "cancel": {"from": ("draft", "institute", "registrar", "approved"), "to": "cancel", "who": (COORDINATOR,),
                   "guard": "_guard_manage"},
        "reset": {"from": ("cancel",), "to": "draft", "who": (COORDINATOR,), "guard": "_guard_manage"},
    }
    _lifecycle_workflow_fields = ("date_recognised",)
    # what the institute and the registrar approved: fixed from submission; the grades of
    # the lines are recorded on the approved plan (their own rule)
    _lifecycle_substance = ("application_id", "date_partner_agreed", "partner_contact", "line_ids")

    _approval_submit_states = {"default": ("draft",)}
    _approval_pending_state = {"default": "institute"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel", "recognised")

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    application_id = fields.Many2one("intl.degree.application", "Application", required=True, index=True,
                                     ondelete="restrict", check_company=True)
    learner_id = fields.Many2one(related="application_id.learner_id", store=True, index=True)
    programme_id = fields.Many2one(related="application_id.programme_id", store=True, index=True)
    institute_id = fields.Many2one(related="application_id.institute_id", store=True, index=True)
    department_id = fields.Many2one(related="programme_id.department_id", string="Graduating Department")
    partner_id = fields.Many2one(related="programme_id.partner_id", store=True)
    academic_year = fields.Char(related="application_id.intake_id.academic_year", store=True)
    company_id = fields.Many2one(related="application_id.company_id", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("institute", "Institute Directorate"), ("registrar", "Registrar Office"),
         ("approved", "Approved"), ("recognised", "Results Recognised"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
        group_expand="_lifecycle_group_expand",
    )
    date_partner_agreed = fields.Date("Agreed with the Partner on", tracking=True,
                                      help="Date the graduating department agreed the plan with the partner.")
    partner_contact = fields.Char("Partner's Coordinator")
    line_ids = fields.One2many("intl.study.plan.line", "plan_id", "Disciplines", copy=True)
    home_credits = fields.Float(compute="_compute_totals")
    partner_credits = fields.Float("Partner Credits (ECTS)", compute="_compute_totals")
    date_recognised = fields.Date("Recognised On", readonly=True, copy=False)
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_recognise = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    @api.depends("line_ids.home_credits", "line_ids.partner_credits")
    def _compute_totals(self):
        for plan in self:
            plan.home_credits = sum(plan.line_ids.mapped("home_credits"))
            plan.partner_credits = sum(plan.line_ids.mapped("partner_credits"))

    def _compute_display_name(self):
        for plan in self:
            plan.display_name = f"{plan.name} {plan.learner_id.name}" if plan.learner_id else plan.name

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._lifecycle_next_reference(vals_list, "intl.study.plan"))

    def _check_lines_editable(self):
        """Disciplines change while the plan is a draft; afterwards only through a new round."""
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._(
                    "%(plan)s is submitted: its disciplines change only in draft (cancel and reset it).",
                    plan=plan.display_name))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if self.filtered(lambda plan: plan.state not in ("draft", "cancel")):
            raise UserError(self.env._("Approved study plans are not deleted: cancel them."))

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------

    def _approval_institute(self):
        return self.institute_id

    def _lifecycle_requester_users(self):
        """Who drafted the plan does not approve it."""
        return self.create_uid

    def _approval_role_users(self, role):
        if role == "department_head":
            return self.department_id.manager_id.user_id
        if role == "institute_director":
            return self._institute_directorate_users()
        return super()._approval_role_users(role)

    def _institute_directorate_users(self):
        """The institute's director and its deputies (the institute's own coordinators)."""
        self.ensure_one()
        coordinators = self.env.ref("intl_cooperation.group_intl_coordinator").users.filtered(
            lambda user: not user.share and user.employee_id.department_id == self.institute_id
        )
        return self.institute_id.manager_id.user_id | coordinators

    def _approval_check_can_submit(self, purpose):
        route = self.env["intl.approval.route"]._find_routes(self, purpose)[self]
        registrar = self.env.ref(REGISTRAR_GROUP)
        if not route.step_ids.filtered(lambda step: step.group_id == registrar
                                       or registrar in step.user_id.groups_id):
            raise UserError(self.env._(
                "The approval route %(route)s has no step of the Registrar Office: a study plan cannot be "
                "approved without it.", route=route.name or "-",
            ))

    def _approval_done(self, purpose):
        registrar = self.env.ref(REGISTRAR_GROUP)
        for plan in self:
            # sudo: engine-internal read of the plan's approval lines (the approver reads the plan)
            lines = plan.sudo().approval_line_ids.filtered(lambda line: line.is_current and line.purpose == purpose)
            if not lines.filtered(lambda line: line.state == "approved" and registrar in line.decided_by_id.groups_id):
                raise UserError(self.env._("%(plan)s cannot be approved without the Registrar Office.",
                                           plan=plan.display_name))
        return super()._approval_done(purpose)

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    def _guard_manage(self):
        return self.application_id.intake_id._guard_manage()

    def _guard_submit(self):
        if not self.line_ids:
            return self.env._("%(plan)s has no disciplines.", plan=self.display_name)
        if not self.date_partner_agreed:
            return self.env._("%(plan)s: enter the date the graduating department agreed it with the partner.",
                              plan=self.display_name)
        return self._guard_manage()

    def _guard_recognise(self):
        missing = self.line_ids.filtered(lambda line: not line.partner_grade or not line.converted_grade)
        if missing:
            return self.env._("%(plan)s: record the partner's grade and its conversion for %(disciplines)s.",
                              plan=self.display_name, disciplines=", ".join(missing.mapped("home_discipline")))
        return False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._lifecycle_run("submit")

    def action_recognise(self):
        """On return the Registrar records the converted grades; they join the learner's transcript."""
        self._lifecycle_check("recognise")
        for plan in self:
            plan.learner_id.write({"grade_ids": [Command.create({
                "academic_year": plan.academic_year,
                "term": "1" if line.semester % 2 else "2",
                "discipline": line.home_discipline,
                "discipline_en": line.partner_discipline,
                "credits": line.home_credits,
                "grade": line.converted_grade,
                "source": "recognised",
                "study_plan_line_id": line.id,
            }) for line in plan.line_ids]})
            plan._lifecycle_do("recognise", {"date_recognised": fields.Date.context_today(self)})
            plan._intl_message_post(_lt("Results recognised; disciplines added to the transcript: %(count)s.",
                                        count=len(plan.line_ids)), subtype_xmlid="mail.mt_note")

    def action_cancel(self):
        self._lifecycle_check("cancel")
        self._approval_cancel()
        return self._lifecycle_do("cancel")

    def action_reset_draft(self):
        return self._lifecycle_run("reset")
