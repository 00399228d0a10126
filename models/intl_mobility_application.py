from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

COORDINATOR = "intl_cooperation.group_intl_coordinator"


class IntlMobilityApplication(models.Model):
    """An application of an outgoing learner or staff member to a mobility call.

    Eligibility is computed, never typed: learners need the call's GPA, a language certificate
    at the required level valid at the deadline and a study level among the condition's EQF
    levels; staff need to be employees of the university. Staff apply themselves; the
    institute's coordinator enters the learners' applications. Ranked and decided by the call
    (the selection engine shared with double degrees).
    """

    _name = "intl.mobility.application"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin", "intl.document.mixin"]
    _description = "Mobility Application"
    _order = "call_id desc, rank, id"
    _lifecycle_folded_states = ("ineligible", "withdrawn")
    _intl_process_code = "mobility"
    _check_company_auto = True
    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "to": "submitted", "who": ("requester", COORDINATOR),
                   "guard": "_guard_submit"},
        # the commission's decision, recorded on the call
        "select": {"from": ("submitted", "reserve"), "to": "selected", "who": ("system",)},
        "reserve": {"from": ("submitted",), "to": "reserve", "who": ("system",)},
        "reject": {"from": ("submitted",), "to": "ineligible", "who": ("system",)},
        "withdraw": {"from": ("draft", "submitted", "selected", "reserve"), "to": "withdrawn",
                     "who": ("requester", COORDINATOR, "system"), "guard": "_guard_withdraw"},
    }
    _lifecycle_workflow_fields = ("rank",)

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    call_id = fields.Many2one(
        "intl.mobility.call", "Call", required=True, index=True, ondelete="restrict", check_company=True,
        domain=[("state", "=", "open")],
    )
    company_id = fields.Many2one(related="call_id.company_id", store=True)
    institute_id = fields.Many2one(related="call_id.institute_id", store=True, index=True)
    partner_id = fields.Many2one(related="call_id.partner_id", store=True, string="Partner Institution")
    is_staff = fields.Boolean(related="call_id.is_staff", store=True)
    learner_id = fields.Many2one("intl.learner", "Learner", index=True, ondelete="restrict", check_company=True,
                                 tracking=True)
    employee_id = fields.Many2one("hr.employee", "Staff Member", index=True, ondelete="restrict",
                                  check_company=True, tracking=True)
    participant_name = fields.Char("Applicant", compute="_compute_participant_name", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("selected", "Selected"), ("reserve", "Reserve"),
         ("ineligible", "Not Eligible"), ("withdrawn", "Withdrawn")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
        group_expand="_lifecycle_group_expand",
    )
    motivation = fields.Text()
    gpa = fields.Float("GPA", related="learner_id.gpa", store=True, digits=(4, 2))
    language_score = fields.Float(compute="_compute_eligibility", store=True, digits=(6, 1))
    language_ok = fields.Boolean("Language Certificate", compute="_compute_eligibility", store=True)
    gpa_ok = fields.Boolean("GPA Reached", compute="_compute_eligibility", store=True)
    level_ok = fields.Boolean("Study Level Allowed", compute="_compute_eligibility", store=True)
    eligible = fields.Boolean(compute="_compute_eligibility", store=True, index=True)
    eligibility_note = fields.Text("Eligibility", compute="_compute_eligibility", store=True)
    rank = fields.Integer(readonly=True, copy=False,
                          help="Position among the eligible candidates (GPA, then language score).")
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_withdraw = fields.Boolean(compute="_compute_lifecycle_can")

    _sql_constraints = [
        ("learner_call_uniq", "unique(call_id, learner_id)", "The learner already applied to this call."),
        ("employee_call_uniq", "unique(call_id, employee_id)", "The staff member already applied to this call."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("learner_id.name", "employee_id.name")
    def _compute_participant_name(self):
        for application in self:
            application.participant_name = application.learner_id.name or application.employee_id.name

    @api.depends(
        "is_staff", "learner_id.gpa", "learner_id.level", "learner_id.language_ids.cefr_level",
        "learner_id.language_ids.score", "learner_id.language_ids.language_id",
        "learner_id.language_ids.date_expiry", "employee_id", "call_id.date_deadline", "call_id.min_gpa",
        "call_id.required_lang_id", "call_id.required_cefr", "call_id.condition_id.eqf_level_ids",
    )
    def _compute_eligibility(self):
        for application in self:
            call = application.call_id
            reasons = []
            if application.is_staff:
                application.gpa_ok = application.level_ok = application.language_ok = bool(application.employee_id)
                application.language_score = 0.0
                if not application.employee_id:
                    reasons.append(self.env._("Staff mobility: the applicant is an employee of the university."))
            else:
                learner = application.learner_id
                certificates = learner.language_ids._meets(
                    call.required_lang_id, call.required_cefr, call.date_deadline,
                ) if call.required_lang_id else learner.language_ids
                levels = call.condition_id.eqf_level_ids.mapped("level")
                application.gpa_ok = bool(learner) and learner.gpa >= call.min_gpa
                application.level_ok = bool(learner) and (
                    not levels or ((learner.eqf_level or "").isdigit() and int(learner.eqf_level) in levels))
                application.language_ok = bool(learner) and (not call.required_lang_id or bool(certificates))
                application.language_score = max(certificates.mapped("score"), default=0.0)
                if not application.gpa_ok:
                    reasons.append(self.env._("GPA %(gpa)s is below %(minimum)s.", gpa=learner.gpa,
                                              minimum=call.min_gpa))
                if not application.level_ok:
                    reasons.append(self.env._("The study level is not among the agreement's EQF levels %(levels)s.",
                                              levels=", ".join(map(str, levels))))
                if not application.language_ok:
                    reasons.append(self.env._(
                        "No valid certificate in %(language)s at level %(level)s or above.",
                        language=call.required_lang_id.name, level=call.required_cefr or "-",
                    ))
            application.eligible = application.gpa_ok and application.level_ok and application.language_ok
            application.eligibility_note = "\n".join(reasons)

    def _document_is_required(self, doc_type):
        """Staff bring no transcript."""
        if self.is_staff and doc_type == self.env.ref("intl_cooperation.intl_document_type_transcript"):
            return False
        return super()._document_is_required(doc_type)

    def _compute_display_name(self):
        for application in self:
            application.display_name = " ".join(filter(None, (application.name, application.participant_name)))

    # ------------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------------

    @api.constrains("learner_id", "employee_id", "call_id")
    def _check_applicant(self):
        for application in self:
            if application.is_staff and (application.learner_id or not application.employee_id):
                raise ValidationError(self.env._("%(call)s is for staff: name the staff member.",
                                                 call=application.call_id.display_name))
            if not application.is_staff and (application.employee_id or not application.learner_id):
                raise ValidationError(self.env._("%(call)s is for learners: name the learner.",
                                                 call=application.call_id.display_name))

    @api.model_create_multi
    def create(self, vals_list):
        calls = self.env["intl.mobility.call"].browse({vals.get("call_id") for vals in vals_list} - {None, False})
        if calls.filtered(lambda call: call.state != "open"):
            raise UserError(self.env._("Applications are accepted only while the call is open."))
        return super().create(self._lifecycle_next_reference(vals_list, "intl.mobility.application"))

    def write(self, vals):
        if {"call_id", "learner_id", "employee_id", "motivation"} & set(vals) and any(
                a.state != "draft" for a in self) and not self._lifecycle_trusted():
            raise UserError(self.env._(
                "The call, the applicant and the motivation of a submitted application do not change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(self.env._("Submitted applications are not deleted: withdraw them."))

    # ------------------------------------------------------------------
    # Guards and actions
    # ------------------------------------------------------------------

    def _lifecycle_requester_users(self):
        """The staff member applying acts on it; it is about them."""
        return self.employee_id.user_id

    def _guard_own_or_manager(self):
        if self.employee_id.user_id == self.env.user:
            return False
        return self.call_id._guard_manage()

    def _guard_submit(self):
        reason = self._guard_own_or_manager()
        if reason:
            return reason
        if self.call_id.state != "open":
            return self.env._("Applications to %(call)s are closed.", call=self.call_id.display_name)
        missing = [
            line.type_id.display_name
            for line in self.document_line_ids
            if line.required and (not line.has_files or line.state == "rejected")
        ]
        if missing:
            return self.env._("Complete the dossier of %(application)s: %(documents)s.",
                              application=self.display_name, documents=", ".join(missing))
        return False

    def _guard_withdraw(self):
        if self.env.su:
            return False
        return self._guard_own_or_manager()

    def action_submit(self):
        return self._lifecycle_run("submit")

    def action_withdraw(self):
        return self._lifecycle_run("withdraw", {"rank": 0})
