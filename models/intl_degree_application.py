import base64

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .intl_learner_grade import DOUBLE_DEGREE_GRADES


class IntlDegreeApplication(models.Model):
    """A learner's application to a double-degree intake, with the candidate dossier (DP 717 5.6.2).

    Eligibility is computed from the learner's record, never typed: at least
    one academic period completed at the home university, every grade among
    A, A-, B+, B, B- and a language certificate at the programme's level.
    """

    _name = "intl.degree.application"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin", "intl.document.mixin"]
    _description = "Double-Degree Application"
    _order = "intake_id desc, rank, id"
    _lifecycle_folded_states = ("ineligible", "withdrawn")
    _intl_process_code = "double_degree_candidate"
    _check_company_auto = True
    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "to": "submitted", "who": ("intl_cooperation.group_intl_coordinator",),
                   "guard": "_guard_submit"},
        # the commission's decision, recorded on the intake
        "select": {"from": ("submitted", "reserve"), "to": "selected", "who": ("system",)},
        "reserve": {"from": ("submitted",), "to": "reserve", "who": ("system",)},
        "reject": {"from": ("submitted",), "to": "ineligible", "who": ("system",)},
        "withdraw": {"from": ("draft", "submitted", "selected", "reserve"), "to": "withdrawn",
                     "who": ("intl_cooperation.group_intl_coordinator", "system"), "guard": "_guard_withdraw"},
    }
    _lifecycle_workflow_fields = ("rank",)
    # who applies and where: fixed once submitted (the commission ranks what it saw)
    _lifecycle_substance = ("intake_id", "learner_id")
    _lifecycle_parent_field = "intake_id"

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    intake_id = fields.Many2one(
        "intl.degree.intake", "Intake", required=True, index=True, ondelete="restrict", check_company=True,
        domain=[("state", "=", "open")],
    )
    programme_id = fields.Many2one(related="intake_id.programme_id", store=True, index=True)
    institute_id = fields.Many2one(related="intake_id.institute_id", store=True, index=True)
    company_id = fields.Many2one(related="intake_id.company_id", store=True)
    learner_id = fields.Many2one("intl.learner", "Learner", required=True, index=True, ondelete="restrict",
                                 check_company=True, tracking=True)
    student_code = fields.Char(related="learner_id.student_code")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("selected", "Selected"), ("reserve", "Reserve"),
         ("ineligible", "Not Eligible"), ("withdrawn", "Withdrawn")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
        group_expand="_lifecycle_group_expand",
    )
    motivation = fields.Text()
    funding = fields.Selection(
        [("own", "Own expense"), ("university", "University funds"), ("other", "Other funds")],
        default="own", required=True,
    )
    gpa = fields.Float("GPA", related="learner_id.gpa", store=True, digits=(4, 2))
    period_count = fields.Integer(related="learner_id.period_count", string="Completed Periods")
    language_score = fields.Float(compute="_compute_eligibility", store=True, digits=(6, 1))
    language_ok = fields.Boolean("Language Certificate", compute="_compute_eligibility", store=True)
    grades_ok = fields.Boolean("Grades A to B-", compute="_compute_eligibility", store=True)
    period_ok = fields.Boolean("Period Completed", compute="_compute_eligibility", store=True)
    eligible = fields.Boolean(compute="_compute_eligibility", store=True, index=True)
    eligibility_note = fields.Text("Eligibility", compute="_compute_eligibility", store=True)
    rank = fields.Integer(readonly=True, copy=False,
                          help="Position among the eligible candidates (GPA, then language score).")
    study_plan_ids = fields.One2many("intl.study.plan", "application_id", "Study Plans")
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_withdraw = fields.Boolean(compute="_compute_lifecycle_can")

    _sql_constraints = [
        ("learner_intake_uniq", "unique(intake_id, learner_id)", "The learner already applied to this intake."),
    ]

    @api.depends(
        "learner_id.period_count", "learner_id.grade_ids.grade", "learner_id.language_ids.cefr_level",
        "learner_id.language_ids.score", "learner_id.language_ids.language_id",
        "learner_id.language_ids.date_expiry", "intake_id.date_deadline",
        "intake_id.programme_id.required_language_id", "intake_id.programme_id.required_cefr",
        "intake_id.programme_id.language_ids",
    )
    def _compute_eligibility(self):
        for application in self:
            learner = application.learner_id
            programme = application.intake_id.programme_id
            languages = programme.required_language_id or programme.language_ids
            certificates = learner.language_ids._meets(languages, programme.required_cefr,
                                                       application.intake_id.date_deadline)
            bad_grades = learner.grade_ids.filtered(lambda g: g.grade not in DOUBLE_DEGREE_GRADES)
            application.period_ok = learner.period_count >= 1
            application.grades_ok = bool(learner.grade_ids) and not bad_grades
            application.language_ok = bool(certificates)
            application.language_score = max(certificates.mapped("score"), default=0.0)
            application.eligible = application.period_ok and application.grades_ok and application.language_ok
            application.eligibility_note = "\n".join(application._eligibility_reasons(bad_grades, languages))

    def _eligibility_reasons(self, bad_grades, languages):
        self.ensure_one()
        reasons = []
        if not self.period_ok:
            reasons.append(self.env._("No academic period completed at the home university yet."))
        if bad_grades:
            reasons.append(self.env._(
                "Grades below B-: %(grades)s.",
                grades=", ".join(f"{g.discipline} ({g.grade})" for g in bad_grades),
            ))
        elif not self.learner_id.grade_ids:
            reasons.append(self.env._("No grades in the transcript."))
        if not self.language_ok:
            reasons.append(self.env._(
                "No valid certificate in %(languages)s at level %(level)s or above.",
                languages=", ".join(languages.mapped("name")) or "-",
                level=self.intake_id.programme_id.required_cefr or "-",
            ))
        return reasons

    def _compute_display_name(self):
        for application in self:
            application.display_name = (
                f"{application.name} {application.learner_id.name}" if application.learner_id
                else application.name
            )

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._lifecycle_next_reference(vals_list, "intl.degree.application"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(self.env._("Submitted applications are not deleted: withdraw them."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _guard_submit(self):
        reason = self.intake_id._guard_manage()
        if reason:
            return reason
        if self.intake_id.state != "open":
            return self.env._("Applications to %(intake)s are closed.", intake=self.intake_id.display_name)
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
        if self.study_plan_ids.filtered(lambda plan: plan.state != "cancel"):
            return self.env._("Cancel the study plan of %(application)s first.", application=self.display_name)
        if self.env.su or self.env.user.has_group("intl_cooperation.group_intl_officer"):
            return False
        return self.intake_id._guard_manage()

    def action_submit(self):
        return self._lifecycle_run("submit")

    def action_withdraw(self):
        return self._lifecycle_run("withdraw", {"rank": 0})

    def action_attach_transcripts(self):
        """Print the learner's transcript in Russian and English into the dossier."""
        self.intake_id._check_can_manage()
        transcript = self.env.ref("intl_cooperation.intl_document_type_transcript")
        report = self.env.ref("intl_cooperation.intl_learner_report_transcript")
        for application in self:
            line = application.document_line_ids.filtered(lambda doc: doc.type_id == transcript)[:1]
            if not line:
                continue
            attachments = self.env["ir.attachment"]
            for lang, label in (("ru_RU", "ru"), ("en_US", "en")):
                pdf, _fmt = report.with_context(lang=lang)._render_qweb_pdf(report.report_name,
                                                                            application.learner_id.ids)
                attachments |= self.env["ir.attachment"].create({
                    "name": f"Transcript {application.learner_id.student_code} {label}.pdf",
                    "datas": base64.b64encode(pdf),
                    "res_model": application._name,
                    "res_id": application.id,
                    "mimetype": "application/pdf",
                })
            line.attachment_ids = [Command.set(attachments.ids)]

    def action_create_study_plan(self):
        self.ensure_one()
        if self.state != "selected":
            raise UserError(self.env._("Only selected candidates get an individual study plan."))
        plan = self.study_plan_ids.filtered(lambda p: p.state != "cancel")[:1]
        if not plan:
            plan = self.env["intl.study.plan"].create(self._prepare_study_plan_vals())
        return {
            "type": "ir.actions.act_window",
            "res_model": "intl.study.plan",
            "res_id": plan.id,
            "view_mode": "form",
        }

    def _prepare_study_plan_vals(self):
        """The plan starts from the programme's matched disciplines."""
        self.ensure_one()
        return {
            "application_id": self.id,
            "line_ids": [Command.create({
                "discipline_id": line.id,
                "home_discipline": line.home_discipline,
                "home_credits": line.home_credits,
                "partner_discipline": line.partner_discipline,
                "partner_credits": line.partner_credits,
                "semester": line.semester,
            }) for line in self.programme_id.discipline_ids],
        }
