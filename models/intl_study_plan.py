from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

REGISTRAR_GROUP = "intl_cooperation.group_intl_registrar"
COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"
APPROVAL_STATES = ("institute", "registrar")
# the agreement's signatures are recorded once its content is frozen (from submission)
SIGNING_STATES = ("institute", "registrar", "approved")


class IntlStudyPlan(models.Model):
    """Matched components: the individual study plan of a selected double-degree learner
    (DP 717 5.6.2), or the learning agreement (learner) / mobility agreement (staff) of an
    outgoing academic mobility. One model, two consumers: a plan belongs to a double-degree
    application (``application_id``) or to a mobility (``mobility_id``).

    The graduating department draws it up with the partner (``draft``), then
    the approval route takes it through the institute directorate
    (``institute``) and the Registrar Office (``registrar``) to ``approved``.
    A plan cannot be approved without the Registrar's step. On the learner's
    return the Registrar records the partner's grades and their conversion
    (``recognised``); the converted grades join the learner's transcript.

    A mobility's agreement has three stages, each signed by the three parties
    (``intl.study.plan.signature``): *before* the mobility (version 1) and each *change*
    during it (a new version: components added or removed with a reason; the approved
    version stays readable, then ``superseded``), the sending institution signing through
    the approval route, the student and the receiving institution once the content is
    frozen; and *after* it, the transcript: the partner's grades converted on the lines,
    signed by the receiving institution and the student, then recognised by the Registrar
    (the sending side), which completes the mobility with its recognised credits.
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
        "reset": {"from": ("cancel",), "to": "draft", "who": (COORDINATOR,), "guard": "_guard_reset"},
        # a change of a mobility's agreement, signed by the three parties, replaces the approved version
        "supersede": {"from": ("approved",), "to": "superseded", "who": ("system",)},
    }
    _lifecycle_workflow_fields = ("date_recognised", "version", "previous_id")
    # what the institute and the registrar approved: fixed from submission; the grades of
    # the lines are recorded on the approved plan (their own rule)
    _lifecycle_substance = ("application_id", "mobility_id", "date_partner_agreed", "partner_contact", "line_ids")

    _approval_submit_states = {"default": ("draft",)}
    _approval_pending_state = {"default": "institute"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel", "recognised", "superseded")
    _lifecycle_folded_states = ("cancel", "superseded")

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    application_id = fields.Many2one("intl.degree.application", "Application", index=True,
                                     ondelete="restrict", check_company=True)
    mobility_id = fields.Many2one("intl.mobility", "Mobility", index=True, ondelete="restrict", check_company=True,
                                  help="The outgoing mobility whose learning (or mobility) agreement this is.")
    plan_type = fields.Selection(
        [("double_degree", "Double-Degree Study Plan"), ("learning", "Learning Agreement"),
         ("staff", "Mobility Agreement")], "Kind", compute="_compute_parties", store=True, index=True)
    learner_id = fields.Many2one("intl.learner", "Learner", compute="_compute_parties", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", "Staff Member", compute="_compute_parties", store=True)
    programme_id = fields.Many2one(related="application_id.programme_id", store=True, index=True)
    institute_id = fields.Many2one("hr.department", "Institute", compute="_compute_parties", store=True, index=True)
    department_id = fields.Many2one(related="programme_id.department_id", string="Graduating Department")
    partner_id = fields.Many2one("res.partner", "Partner Institution", compute="_compute_parties", store=True)
    academic_year = fields.Char(compute="_compute_parties", store=True)
    company_id = fields.Many2one("res.company", "Company", compute="_compute_parties", store=True)
    version = fields.Integer(default=1, readonly=True, copy=False,
                             help="1: the agreement before the mobility; each change during it is a new version.")
    previous_id = fields.Many2one("intl.study.plan", "Previous Version", readonly=True, copy=False, index=True)
    stage = fields.Selection(
        [("before", "Before the Mobility"), ("during", "Changes during the Mobility"),
         ("after", "After the Mobility (Transcript)")], compute="_compute_stage")
    signature_ids = fields.One2many("intl.study.plan.signature", "plan_id", "Signatures")
    signatures_complete = fields.Boolean(
        "Signed by the Three Parties", compute="_compute_stage",
        help="The student, the sending and the receiving institution signed this version.")
    state = fields.Selection(
        [("draft", "Draft"), ("institute", "Institute Directorate"), ("registrar", "Registrar Office"),
         ("approved", "Approved"), ("recognised", "Results Recognised"), ("superseded", "Superseded by a Change"),
         ("cancel", "Cancelled")],
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

    @api.depends("application_id.learner_id", "application_id.institute_id", "application_id.company_id",
                 "application_id.intake_id.academic_year", "programme_id.partner_id",
                 "mobility_id.learner_id", "mobility_id.employee_id", "mobility_id.institute_id",
                 "mobility_id.partner_id", "mobility_id.academic_year", "mobility_id.company_id",
                 "mobility_id.participant_type")
    def _compute_parties(self):
        for plan in self:
            if plan.mobility_id:
                mobility = plan.mobility_id
                plan.plan_type = "staff" if mobility.participant_type == "staff" else "learning"
                plan.learner_id = mobility.learner_id
                plan.employee_id = mobility.employee_id
                plan.institute_id = mobility.institute_id
                plan.partner_id = mobility.partner_id
                plan.academic_year = mobility.academic_year
                plan.company_id = mobility.company_id
            else:
                application = plan.application_id
                plan.plan_type = "double_degree" if application else False
                plan.learner_id = application.learner_id
                plan.employee_id = False
                plan.institute_id = application.institute_id
                plan.partner_id = plan.programme_id.partner_id
                plan.academic_year = application.intake_id.academic_year
                plan.company_id = application.company_id

    @api.depends("line_ids.home_credits", "line_ids.partner_credits", "line_ids.change")
    def _compute_totals(self):
        for plan in self:
            lines = plan.line_ids.filtered(lambda line: line.change != "removed")
            plan.home_credits = sum(lines.mapped("home_credits"))
            plan.partner_credits = sum(lines.mapped("partner_credits"))

    @api.depends("mobility_id", "version", "state", "signature_ids.stage", "signature_ids.party",
                 "line_ids.partner_grade")
    def _compute_stage(self):
        for plan in self:
            agreement_stage = "before" if plan.version <= 1 else "during"
            plan.signatures_complete = plan._signed_parties(agreement_stage) == {"student", "sending", "receiving"}
            if not plan.mobility_id:
                plan.stage = False
            elif plan.state == "recognised" or plan._signed_parties("after") or (
                    plan.signatures_complete and any(plan.line_ids.mapped("partner_grade"))):
                plan.stage = "after"
            else:
                plan.stage = agreement_stage

    def _signed_parties(self, stage):
        return set(self.signature_ids.filtered(lambda sign: sign.stage == stage).mapped("party"))

    def _active_lines(self):
        """The components of this version (those a change removed are kept for the record only)."""
        return self.line_ids.filtered(lambda line: line.change != "removed")

    def _compute_display_name(self):
        for plan in self:
            name = f"{plan.name} {plan.learner_id.name or plan.employee_id.name or ''}".strip()
            plan.display_name = f"{name} (v{plan.version})" if plan.version > 1 else name

    @api.constrains("application_id", "mobility_id")
    def _check_owner(self):
        for plan in self:
            if bool(plan.application_id) == bool(plan.mobility_id):
                raise ValidationError(self.env._(
                    "A study plan belongs either to a double-degree application or to a mobility."))
            if plan.mobility_id.direction == "incoming":
                raise ValidationError(self.env._(
                    "%(mobility)s is incoming: its learning agreement is the sending institution's.",
                    mobility=plan.mobility_id.display_name))

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(self._lifecycle_next_reference(vals_list, "intl.study.plan"))
        plans._check_owner()  # also when neither owner is given (constraints check the given fields only)
        return plans

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

    def _approval_employee(self):
        """A staff member's mobility agreement is about them: they do not approve it."""
        return self.mobility_id.employee_id

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
        result = super()._approval_done(purpose)
        # the approval route is the sending institution's signature of a mobility's agreement
        mobility_plans = self.filtered("mobility_id")
        if mobility_plans:
            self.env["intl.study.plan.signature"]._lifecycle_create([{
                "plan_id": plan.id, "stage": plan._agreement_stage(), "party": "sending",
                "signatory": self.env.user.name, "date_signed": fields.Date.context_today(self),
                "user_id": self.env.uid,
            } for plan in mobility_plans])
            mobility_plans._supersede_previous()
        return result

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    def _guard_manage(self):
        if self.mobility_id:
            return self.mobility_id._guard_manage()
        return self.application_id.intake_id._guard_manage()

    def _guard_reset(self):
        if self.previous_id.state == "superseded" or self.search_count([
                ("previous_id", "=", self.id), ("state", "not in", ("cancel",))]):
            return self.env._("%(plan)s was replaced by a change: it is not reopened.", plan=self.display_name)
        return self._guard_manage()

    def _guard_submit(self):
        if not self.line_ids:
            return self.env._("%(plan)s has no disciplines.", plan=self.display_name)
        if not self.mobility_id and not self.date_partner_agreed:
            return self.env._("%(plan)s: enter the date the graduating department agreed it with the partner.",
                              plan=self.display_name)
        if self.previous_id:
            changes = self.line_ids.filtered("change")
            if not changes:
                return self.env._("%(plan)s changes nothing of the approved version: add or remove components.",
                                  plan=self.display_name)
            unexplained = changes.filtered(lambda line: not (line.change_reason or "").strip())
            if unexplained:
                return self.env._("%(plan)s: give the reason for the change of %(components)s.",
                                  plan=self.display_name,
                                  components=", ".join(unexplained.mapped("partner_discipline")))
        return self._guard_manage()

    def _guard_recognise(self):
        lines = self._active_lines()
        missing = lines.filtered(lambda line: not line.partner_grade or not line.converted_grade)
        if missing:
            return self.env._("%(plan)s: record the partner's grade and its conversion for %(disciplines)s.",
                              plan=self.display_name, disciplines=", ".join(missing.mapped("home_discipline")))
        if self.mobility_id:
            if self.plan_type != "learning":
                return self.env._("%(plan)s is a staff member's mobility agreement: no results to recognise.",
                                  plan=self.display_name)
            unsigned = {"student", "receiving"} - self._signed_parties("after")
            if unsigned:
                return self.env._(
                    "%(plan)s: the transcript is signed by the student and the receiving institution before "
                    "the Registrar recognises it.", plan=self.display_name)
            mobility = self.mobility_id
            if mobility.state != "planned" or mobility.date_end > fields.Date.context_today(self):
                return self.env._("%(mobility)s has not ended yet: its results are recognised afterwards.",
                                  mobility=mobility.display_name)
        return False

    # ------------------------------------------------------------------
    # Versions and signatures of a mobility's agreement
    # ------------------------------------------------------------------

    def _agreement_stage(self):
        self.ensure_one()
        return "before" if self.version <= 1 else "during"

    def _student_users(self):
        """The learner's logins (their contact's), or the staff member's user."""
        self.ensure_one()
        # sudo: whose logins sign for the student is read on their contact
        return (self.sudo().learner_id.partner_id.user_ids | self.sudo().employee_id.user_id).with_env(self.env)

    def _supersede_previous(self):
        """A change signed by the three parties replaces the version it changes."""
        for plan in self:
            previous = plan.previous_id
            if plan.signatures_complete and previous.state == "approved":
                # sudo: the checked signature that completes a change replaces the version it changes,
                # which the signer (a student among them) may only read
                previous = previous.sudo()
                previous._lifecycle_run("supersede", by="system")
                previous._intl_message_post(_lt("Replaced by the signed change %(plan)s.", plan=plan),
                                            subtype_xmlid="mail.mt_note")

    def _signature_refusal(self, party, date_signed, signatory):
        """Why the current user may not record ``party``'s signature now (an exception), or None."""
        self.ensure_one()
        user = self.env.user
        if not self.mobility_id:
            raise UserError(self.env._("%(plan)s is a double-degree study plan: it is approved, not signed.",
                                       plan=self.display_name))
        if party == "sending":
            raise UserError(self.env._(
                "The sending institution signs through the approval route (and, after the mobility, the "
                "Registrar's recognition)."))
        if party not in ("student", "receiving"):
            raise UserError(self.env._("Unknown signing party %(party)s.", party=party))
        if not date_signed:
            raise UserError(self.env._("Enter the date of the signature."))
        if date_signed > fields.Date.context_today(self):
            raise UserError(self.env._("A signature cannot be dated in the future."))
        stage = self._signing_stage()
        if not stage:
            raise UserError(self.env._("%(plan)s is %(state)s: nothing to sign now.", plan=self.display_name,
                                       state=self._lifecycle_state_label(self.state)))
        if party in self._signed_parties(stage):
            raise UserError(self.env._("%(plan)s is already signed by this party at this stage.",
                                       plan=self.display_name))
        if stage == "after":
            missing = self._active_lines().filtered(lambda line: not line.partner_grade or not line.converted_grade)
            if missing:
                raise UserError(self.env._(
                    "%(plan)s: the transcript is signed once every component has its partner's and converted "
                    "grade.", plan=self.display_name))
        if party == "student":
            if user in self._student_users():
                return
            if not user.has_group(COORDINATOR) or self._guard_manage() or self._lifecycle_act_reasons():
                raise AccessError(self.env._(
                    "The student signs their own agreement; the institute's coordinator or DIC records their "
                    "signature."))
            return
        # the receiving institution: DIC records the partner's signature (letter, e-mail, portal)
        if not user.has_group(OFFICER) or self._lifecycle_act_reasons():
            raise AccessError(self.env._("DIC records the receiving institution's signature."))
        if not (signatory or "").strip():
            raise UserError(self.env._("Enter who signed for the receiving institution."))

    def _signing_stage(self):
        """The stage whose signatures are open now: the agreement's once frozen, then the transcript's."""
        self.ensure_one()
        if self.state not in SIGNING_STATES:
            return False
        stage = self._agreement_stage()
        if self.state == "approved" and self.signatures_complete:
            if self.plan_type != "learning":
                return False
            return "after"
        return stage

    def action_record_signature(self, party, date_signed=False, signatory=False):
        """Record the signature of ``party`` ('student' or 'receiving') at the stage open now."""
        self.ensure_one()
        date_signed = fields.Date.to_date(date_signed) if date_signed else False
        if party == "student" and not date_signed and self.env.user in self._student_users():
            date_signed = fields.Date.context_today(self)
        self._signature_refusal(party, date_signed, signatory)
        stage = self._signing_stage()
        student = self.learner_id.name or self.employee_id.name
        self.env["intl.study.plan.signature"]._lifecycle_create([{
            "plan_id": self.id, "stage": stage, "party": party, "date_signed": date_signed,
            "signatory": (signatory or "").strip() or (student if party == "student" else False),
            "user_id": self.env.uid,
        }])
        Signature = self.env["intl.study.plan.signature"]
        # sudo: the checked signature is noted on the plan, which a student may only read (author: the user)
        self.sudo()._intl_message_post(_lt(
            "Signed by %(party)s (%(stage)s) on %(date)s.", party=intl_message.selection(Signature, "party", party),
            stage=intl_message.selection(Signature, "stage", stage), date=date_signed), subtype_xmlid="mail.mt_note")
        self._supersede_previous()
        return True

    def action_open_signature_wizard(self):
        self.ensure_one()
        return self._lifecycle_open_wizard(
            "intl.study.plan.sign.wizard", self.env._("Record a Signature"),
            {"default_plan_id": self.id, "default_party": self.env.context.get("sign_party", "student")})

    def action_new_version(self):
        """A change during the mobility: a new version of the signed agreement, to change and sign again."""
        self.ensure_one()
        if not self.env.user.has_group(COORDINATOR):
            raise AccessError(self.env._("The institute's coordinators and DIC change a learning agreement."))
        reason = self._guard_manage()
        if reason:
            raise AccessError(reason)
        self.check_access("write")
        if not self.mobility_id or self.state != "approved" or not self.signatures_complete:
            raise UserError(self.env._(
                "%(plan)s: a change is made to an approved agreement signed by the three parties.",
                plan=self.display_name))
        if self.stage == "after":
            raise UserError(self.env._("%(plan)s: the transcript is being recorded, the components no longer change.",
                                       plan=self.display_name))
        if self.search_count([("previous_id", "=", self.id), ("state", "!=", "cancel")]):
            raise UserError(self.env._("%(plan)s already has a change in progress.", plan=self.display_name))
        if self.mobility_id.state != "planned":
            raise UserError(self.env._("%(mobility)s is over: its agreement no longer changes.",
                                       mobility=self.mobility_id.display_name))
        new = self._lifecycle_create([{
            "mobility_id": self.mobility_id.id, "version": self.version + 1, "previous_id": self.id,
            "partner_contact": self.partner_contact,
        }])
        self.env["intl.study.plan.line"]._lifecycle_create([{
            "plan_id": new.id, "origin_line_id": line.id, "sequence": line.sequence, "semester": line.semester,
            "home_discipline": line.home_discipline, "home_credits": line.home_credits,
            "partner_discipline": line.partner_discipline, "partner_credits": line.partner_credits,
        } for line in self._active_lines()])
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": new.id, "view_mode": "form"}

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._lifecycle_run("submit")

    def action_recognise(self):
        """On return the Registrar records the converted grades; they join the learner's transcript."""
        self._lifecycle_check("recognise")
        for plan in self:
            lines = plan._active_lines()
            plan.learner_id.write({"grade_ids": [Command.create({
                "academic_year": plan.academic_year,
                "term": "1" if line.semester % 2 else "2",
                "discipline": line.home_discipline,
                "discipline_en": line.partner_discipline,
                "credits": line.home_credits,
                "grade": line.converted_grade,
                "source": "recognised",
                "study_plan_line_id": line.id,
            }) for line in lines]})
            plan._lifecycle_do("recognise", {"date_recognised": fields.Date.context_today(self)})
            plan._intl_message_post(_lt("Results recognised; disciplines added to the transcript: %(count)s.",
                                         count=len(lines)), subtype_xmlid="mail.mt_note")
            if plan.mobility_id:
                plan._recognise_mobility(lines)

    def _recognise_mobility(self, lines):
        """The Registrar's recognition is the sending institution's signature of the transcript; the
        mobility closes with the credits recognised."""
        self.ensure_one()
        self.env["intl.study.plan.signature"]._lifecycle_create([{
            "plan_id": self.id, "stage": "after", "party": "sending", "signatory": self.env.user.name,
            "date_signed": fields.Date.context_today(self), "user_id": self.env.uid,
        }])
        # sudo: the recognition (checked above) closes the mobility, which the Registrar only reads
        mobility = self.mobility_id.sudo()
        mobility._lifecycle_write({"credits_recognised": sum(lines.mapped("home_credits"))})
        mobility._lifecycle_run("complete", by="system")

    def action_cancel(self):
        self._lifecycle_check("cancel")
        self._approval_cancel()
        return self._lifecycle_do("cancel")

    def action_reset_draft(self):
        return self._lifecycle_run("reset")
