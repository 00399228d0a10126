from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from .intl_letter_mixin import partner_recipients

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"
# what the coordinator types from the partner's answer, before recording the decision
DECISION_FIELDS = ("date_partner_decision", "decline_reason")


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
        "withdraw": {"from": ("draft", "submitted", "selected", "reserve", "nominated"), "to": "withdrawn",
                     "who": ("requester", COORDINATOR, "system"), "guard": "_guard_withdraw"},
        # nomination to the partner and the partner's answer (DIC or the call's institute)
        "nominate": {"from": ("selected",), "to": "nominated", "who": (COORDINATOR,), "guard": "_guard_nominate"},
        "accept": {"from": ("nominated",), "to": "accepted", "who": (COORDINATOR,), "guard": "_guard_accept"},
        "decline": {"from": ("nominated",), "to": "declined", "who": (COORDINATOR,), "guard": "_guard_decline"},
    }
    _lifecycle_workflow_fields = ("rank", "date_nominated", "nominated_by_id", "mobility_id")

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
         ("nominated", "Nominated"), ("accepted", "Accepted by the Partner"),
         ("declined", "Declined by the Partner"), ("ineligible", "Not Eligible"), ("withdrawn", "Withdrawn")],
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
    date_nominated = fields.Date("Nominated On", readonly=True, copy=False, tracking=True)
    nominated_by_id = fields.Many2one("res.users", "Nominated By", readonly=True, copy=False)
    date_partner_decision = fields.Date(
        "Partner's Decision On", copy=False, tracking=True,
        help="Date of the partner institution's answer to the nomination (its letter, e-mail or portal).")
    decline_reason = fields.Text("Partner's Reason for Declining", copy=False, tracking=True)
    mobility_id = fields.Many2one("intl.mobility", "Mobility", readonly=True, copy=False, index=True,
                                  check_company=True, help="The outgoing mobility planned when the partner accepted.")
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_withdraw = fields.Boolean(compute="_compute_lifecycle_can")
    can_nominate = fields.Boolean(compute="_compute_lifecycle_can")
    can_accept = fields.Boolean(compute="_compute_lifecycle_can")
    can_decline = fields.Boolean(compute="_compute_lifecycle_can")

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
        if set(DECISION_FIELDS) & set(vals) and any(a.state != "nominated" for a in self) \
                and not self._lifecycle_trusted():
            raise UserError(self.env._(
                "The partner's decision is entered on a nominated application, before it is recorded."))
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

    def _lifecycle_subject_users(self):
        """Whom the application is about never nominates nor records the partner's answer."""
        # sudo: the learner's contact and its logins are read to know whom it concerns
        learner_users = self.sudo().learner_id.partner_id.user_ids
        return super()._lifecycle_subject_users() | self.employee_id.user_id | learner_users.with_env(self.env)

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

    def _guard_nominate(self):
        if self.call_id.state != "decided":
            return self.env._("%(call)s has no decision of the commission yet.", call=self.call_id.display_name)
        if not self._intl_partner_recipients().filtered("email"):
            return self.env._("%(partner)s has no e-mail address (nor a coordinator with one).",
                              partner=self.partner_id.display_name)
        return self.call_id._guard_manage()

    def _guard_decision(self):
        if not self.date_partner_decision:
            return self.env._("%(application)s: enter the date of the partner's decision.",
                              application=self.display_name)
        if self.date_nominated and self.date_partner_decision < self.date_nominated:
            return self.env._("%(application)s: the partner cannot decide before the nomination (%(date)s).",
                              application=self.display_name, date=self.date_nominated)
        if self.date_partner_decision > fields.Date.context_today(self):
            return self.env._("%(application)s: the partner's decision cannot be dated in the future.",
                              application=self.display_name)
        return self.call_id._guard_manage()

    def _guard_accept(self):
        reason = self._guard_decision()
        if reason:
            return reason
        call = self.call_id
        accepted = self.search([("call_id", "=", call.id), ("state", "=", "accepted"), ("id", "!=", self.id)])
        if len(accepted) >= call.seats:
            return self.env._("%(call)s has %(seats)s seats and %(accepted)s nominees already accepted.",
                              call=call.display_name, seats=call.seats, accepted=len(accepted))
        if not (call.quota_reason or "").strip():
            # the condition's quota of the year, over all its calls (those with a recorded reason included)
            year_accepted = self.search_count([
                ("call_id.condition_id", "=", call.condition_id.id),
                ("call_id.academic_year", "=", call.academic_year),
                ("state", "=", "accepted"), ("id", "!=", self.id)])
            if year_accepted >= call.condition_id.mobilities_per_year:
                return self.env._(
                    "The agreement's quota for %(year)s (%(quota)s mobilities) is reached: %(call)s accepts "
                    "nobody more without a recorded reason for exceeding it.",
                    year=call.academic_year, quota=call.condition_id.mobilities_per_year, call=call.display_name)
        return False

    def _guard_decline(self):
        if not (self.decline_reason or "").strip():
            return self.env._("%(application)s: enter the partner's reason for declining.",
                              application=self.display_name)
        return self._guard_decision()

    def _intl_partner_recipients(self):
        """The partner institution's portal coordinators (with an e-mail), else the institution."""
        self.ensure_one()
        return partner_recipients(self.partner_id)

    def _mobility_dates(self):
        """The mobility's planned dates from the call's semester (staff: the condition's days per mobility)."""
        self.ensure_one()
        call = self.call_id
        first, last = (int(year) for year in call.academic_year.split("/"))
        start, end = {
            "autumn": (date(first, 9, 1), date(last, 1, 31)),
            "spring": (date(last, 2, 1), date(last, 6, 30)),
            "year": (date(first, 9, 1), date(last, 6, 30)),
        }[call.semester]
        condition = call.condition_id
        if self.is_staff and condition.total_days_per_year and condition.mobilities_per_year:
            days = max(int(condition.total_days_per_year // condition.mobilities_per_year), 1)
            end = min(start + timedelta(days=days - 1), end)
        return start, end

    def _prepare_mobility_vals(self):
        """The outgoing mobility the partner accepted: planned, under the call's agreement and condition."""
        self.ensure_one()
        call = self.call_id
        condition = call.condition_id
        start, end = self._mobility_dates()
        skill = condition.language_ids.filtered("cefr_level")[:1]
        learner = self.learner_id
        return {
            "company_id": self.company_id.id,
            "direction": "outgoing",
            "participant_type": "staff" if self.is_staff else "learner",
            "learner_id": learner.id,
            "employee_id": self.employee_id.id,
            "institute_id": self.institute_id.id,
            "mobility_type": call.mobility_type,
            # a partner with an Erasmus code exchanges under Erasmus+, others under the bilateral agreement
            "programme_type": "erasmus" if self.partner_id.intl_erasmus_code else "bilateral",
            "partner_id": self.partner_id.id,
            "agreement_id": call.agreement_id.id,
            "academic_year": call.academic_year,
            "date_start": start,
            "date_end": end,
            "eqf_level": learner.eqf_level if learner.eqf_level in ("5", "6", "7", "8") else False,
            "isced_code": condition.area_ids[:1].isced_code or False,
            "language_id": skill.lang_id.id,
            "cefr_level": skill.cefr_level or False,
            "blended": condition.blended,
        }

    def action_submit(self):
        return self._lifecycle_run("submit")

    def action_nominate(self):
        """Nominate the selected to the partner: the nomination letter opens in the composer, to send."""
        self._lifecycle_check("nominate")
        self._lifecycle_do("nominate", {"date_nominated": fields.Date.context_today(self),
                                        "nominated_by_id": self.env.uid})
        if len(self) == 1:
            return self.action_send_nomination_mail()
        return True

    def action_send_nomination_mail(self):
        """The nomination letter (kk/ru/en, the partner's language) by e-mail to the host institution."""
        self.ensure_one()
        user = self.env.user
        if not user.has_group(COORDINATOR) or self.call_id._guard_manage() or self._lifecycle_act_reasons():
            raise AccessError(self.env._("Only DIC and the institute's coordinators send a nomination letter."))
        self.check_access("write")
        if self.state != "nominated":
            raise UserError(self.env._("%(application)s: the nomination letter goes with the nomination.",
                                       application=self.display_name))
        if not self._intl_partner_recipients().filtered("email"):
            raise UserError(self.env._("%(partner)s has no e-mail address (nor a coordinator with one).",
                                       partner=self.partner_id.display_name))
        template = self.env.ref("intl_cooperation.mail_template_intl_mobility_application_nomination")
        return {
            "type": "ir.actions.act_window", "res_model": "mail.compose.message", "view_mode": "form",
            "views": [(False, "form")], "target": "new",
            "context": {
                "default_model": self._name, "default_res_ids": self.ids, "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_layout", "force_email": True,
            },
        }

    def action_accept(self):
        """The partner accepted the nominee: the outgoing mobility is planned and linked."""
        self._lifecycle_check("accept")
        for application in self:
            # checked again one by one: two nominees accepted at once still count against the seats
            application._lifecycle_check("accept")
            # the accepting coordinator or DIC records the mobility (their rights on intl.mobility)
            mobility = self.env["intl.mobility"].create(application._prepare_mobility_vals())
            application._lifecycle_do("accept", {"mobility_id": mobility.id})
            mobility._intl_message_post(_lt("Planned from %(application)s, accepted by the partner on %(date)s.",
                                            application=application, date=application.date_partner_decision),
                                        subtype_xmlid="mail.mt_note")
        return True

    def action_decline(self):
        return self._lifecycle_run("decline")

    def action_withdraw(self):
        return self._lifecycle_run("withdraw", {"rank": 0})
