from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from ..tools.numbers import DAYS, count_text

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"
VISIT_STATES = [
    ("draft", "Draft"),
    ("to_dic", "DIC Decision"),
    ("accepted", "Invitation and Visa"),
    ("on_site", "On Site"),
    ("ended", "Stay Ended"),
    ("done", "Paid"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]
PHASES = {
    "scholar": ("draft", "to_dic", "accepted", "on_site", "ended", "done", "refused"),
    "scholar_visa": ("accepted", "on_site", "ended", "done"),
    "scholar_arrival": ("on_site", "ended", "done"),
}
CONTRACT_FIELDS = {"contract_number", "contract_date", "contract_amount", "contract_currency_id",
                   "contract_date_from", "contract_date_to", "contract_hours"}
OFFICER_FIELDS = {"registration_number", "registration_expiry", "visa_required",
                  "message_main_attachment_id"}


class IntlScholarVisit(models.Model):
    """The visit of an invited foreign scholar (DP 717 §5.5).

    Rights: the inviting institute's coordinators file the visit and its
    lecture schedule 717-03 at least 40 days before arrival (the DIC Director
    alone may allow a later file, with a reason); the DIC Director accepts or
    refuses the file within 3 days through the approval engine; DIC officers
    do the visa and migration formalities and register the arrival; the
    coordinators mark the lectures given and draw the act of services
    rendered; accountants bill and pay it. Passport data is read by DIC only.
    """

    _name = "intl.scholar.visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin", "intl.document.mixin"]
    _description = "Invited Foreign Scholar Visit"
    _order = "date_arrival desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"
    _intl_process_code = "scholar"

    _approval_submit_states = {"default": ("draft", "refused")}
    _approval_pending_state = {"default": "to_dic"}
    _approval_approved_state = {"default": "accepted"}
    _approval_rejected_state = {"default": "refused"}
    _approval_cancel_states = ("cancel",)
    _lifecycle_workflow_fields = (
        "submit_date", "decision_deadline", "accepted_date", "late_override_reason",
        "late_override_user_id", "date_arrival_actual", "date_departure_actual")
    # what the coordinator submitted and DIC accepted: fixed from submission
    _lifecycle_substance = (
        "company_id", "scholar_id", "home_institution_id", "institute_id", "host_department_id",
        "date_arrival", "date_departure", "purpose", "plan_line_id", "agreement_id",
        "funding_source_id")
    _lifecycle_substance_open = ("draft", "refused")
    _lifecycle_transitions = {
        "submit": {"from": ("draft", "refused"), "approval": "default", "who": (COORDINATOR,)},
        "to_dic": {"from": ("draft", "refused"), "to": "to_dic", "who": ("approval",)},
        "accept": {"from": ("to_dic",), "to": "accepted", "who": ("approval",)},
        "refuse": {"from": ("to_dic",), "to": "refused", "who": ("approval",)},
        "register_arrival": {"from": ("accepted",), "to": "on_site", "who": (OFFICER,),
                             "guard": "_guard_register_arrival"},
        "end_stay": {"from": ("on_site",), "to": "ended", "who": (COORDINATOR,),
                     "guard": "_guard_end_stay"},
        "close": {"from": ("ended",), "to": "done", "who": ("system",)},
        "cancel": {"from": ("draft", "to_dic", "accepted", "refused"), "to": "cancel",
                   "who": (COORDINATOR,)},
        "reset": {"from": ("cancel",), "to": "draft", "who": (COORDINATOR,)},
    }

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Company Currency")
    state = fields.Selection(VISIT_STATES, default="draft", required=True, tracking=True,
                             copy=False, index=True, group_expand="_lifecycle_group_expand")
    # the scholar
    scholar_id = fields.Many2one("res.partner", "Scholar", required=True, tracking=True, index=True,
                                 domain="[('is_company', '=', False)]")
    scholar_name_cyrillic = fields.Char(related="scholar_id.intl_name_cyrillic", readonly=False)
    citizenship_id = fields.Many2one(related="scholar_id.intl_citizenship_id", readonly=False)
    degree = fields.Char(related="scholar_id.intl_degree", readonly=False)
    profile = fields.Text(related="scholar_id.intl_profile", readonly=False)
    passport_number = fields.Char(related="scholar_id.intl_passport_number", readonly=False,
                                  groups="intl_cooperation.group_intl_officer")
    passport_expiry = fields.Date(related="scholar_id.intl_passport_expiry", readonly=False,
                                  groups="intl_cooperation.group_intl_officer")
    home_institution_id = fields.Many2one(
        "res.partner", "Home Institution", tracking=True,
        domain="[('is_intl_institution', '=', True)]")
    # the invitation
    institute_id = fields.Many2one(
        "hr.department", "Inviting Institute", required=True, tracking=True, index=True,
        domain="[('intl_kind', '=', 'institute')]",
        default=lambda self: self.env.user.employee_id.intl_institute_id)
    host_department_id = fields.Many2one(
        "hr.department", "Host Department", tracking=True,
        domain="[('intl_institute_id', '=', institute_id)]")
    coordinator_id = fields.Many2one("res.users", "Coordinator", default=lambda self: self.env.user,
                                     tracking=True)
    curator_id = fields.Many2one("res.users", "DIC Officer", tracking=True,
                                 domain=lambda self: [("groups_id", "in", self.env.ref(
                                     "intl_cooperation.group_intl_officer").id)])
    date_arrival = fields.Date("Arrival", required=True, tracking=True)
    date_departure = fields.Date("Departure", required=True, tracking=True)
    duration_days = fields.Integer("Days", compute="_compute_duration_days", store=True)
    purpose = fields.Text(required=True, tracking=True)
    plan_line_id = fields.Many2one(
        "intl.scholar.plan.line", "Plan Line", tracking=True, index=True,
        domain="[('institute_id', '=', institute_id), ('plan_state', '=', 'approved')]")
    plan_id = fields.Many2one(related="plan_line_id.plan_id", store=True, string="Plan")
    agreement_id = fields.Many2one("intl.agreement", "Agreement", tracking=True)
    funding_source_id = fields.Many2one(
        "intl.funding.source", "Funding", required=True, tracking=True,
        default=lambda self: self.env.ref("intl_cooperation.intl_funding_source_scholar_programme",
                                          raise_if_not_found=False))
    # the 40-day rule and DIC's decision
    days_before_arrival = fields.Integer(
        compute="_compute_days_before_arrival",
        help="Days between the submission (today for a draft) and the arrival.")
    submit_late = fields.Boolean(compute="_compute_days_before_arrival")
    submit_date = fields.Date("Submitted On", readonly=True, copy=False, tracking=True)
    late_override_reason = fields.Text("Late File Allowed Because", readonly=True, copy=False)
    late_override_user_id = fields.Many2one("res.users", "Late File Allowed By", readonly=True,
                                            copy=False)
    decision_deadline = fields.Date("DIC Decides By", readonly=True, copy=False, tracking=True)
    accepted_date = fields.Date("Accepted On", readonly=True, copy=False, tracking=True)
    processing_date_from = fields.Date("Invitation Expected From", compute="_compute_processing")
    processing_date_to = fields.Date("Invitation Expected By", compute="_compute_processing")
    # checklists
    programme_document_ids = fields.One2many(
        "intl.document.line", "res_id", string="Programme Documents",
        domain=lambda self: [("res_model", "=", self._name),
                             ("type_id.process_ids.code", "=", "scholar")])
    visa_document_ids = fields.One2many(
        "intl.document.line", "res_id", string="Visa Documents",
        domain=lambda self: [("res_model", "=", self._name),
                             ("type_id.process_ids.code", "=", "scholar_visa")])
    arrival_document_ids = fields.One2many(
        "intl.document.line", "res_id", string="Arrival Documents",
        domain=lambda self: [("res_model", "=", self._name),
                             ("type_id.process_ids.code", "=", "scholar_arrival")])
    # lectures
    lecture_ids = fields.One2many("intl.scholar.lecture", "visit_id", "Lecture Schedule (717-03)",
                                  copy=True)
    hours_planned = fields.Float(compute="_compute_hours", store=True)
    hours_given = fields.Float(compute="_compute_hours", store=True)
    # visa and migration
    visa_required = fields.Boolean(default=True, tracking=True)
    visa_ids = fields.One2many("intl.scholar.visa", "visit_id", "Visas")
    visa_id = fields.Many2one("intl.scholar.visa", "Current Visa", compute="_compute_visa_id")
    visa_expiry = fields.Date("Visa Valid Until", compute="_compute_visa_id")
    registration_number = fields.Char("Migration Registration", tracking=True)
    registration_expiry = fields.Date("Registration Valid Until", tracking=True)
    date_arrival_actual = fields.Date("Actual Arrival", readonly=True, copy=False, tracking=True)
    date_departure_actual = fields.Date("Actual Departure", readonly=True, copy=False, tracking=True)
    fee_ids = fields.One2many("intl.scholar.fee", "visit_id", "State Fees")
    fee_total = fields.Monetary("State Fees Total", compute="_compute_fee_total")
    # service contract, act, payment
    contract_number = fields.Char(tracking=True, copy=False)
    contract_date = fields.Date(tracking=True, copy=False)
    contract_amount = fields.Monetary(currency_field="contract_currency_id", tracking=True)
    contract_currency_id = fields.Many2one("res.currency", "Contract Currency",
                                           default=lambda self: self.env.company.currency_id)
    contract_date_from = fields.Date("Contract From")
    contract_date_to = fields.Date("Contract Until")
    contract_hours = fields.Float()
    act_ids = fields.One2many("intl.scholar.act", "visit_id", "Acts of Services Rendered")
    amount_paid = fields.Monetary(compute="_compute_amount_paid", currency_field="contract_currency_id")
    # permissions
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")
    can_allow_late = fields.Boolean(compute="_compute_can")
    can_draw_act = fields.Boolean(compute="_compute_can")
    is_officer = fields.Boolean(compute="_compute_can")
    is_coordinator = fields.Boolean(compute="_compute_can")

    @api.depends("date_arrival", "date_departure")
    def _compute_duration_days(self):
        for visit in self:
            if visit.date_arrival and visit.date_departure:
                visit.duration_days = (visit.date_departure - visit.date_arrival).days + 1
            else:
                visit.duration_days = 0

    @api.depends("date_arrival", "submit_date", "company_id.intl_scholar_submit_days")
    def _compute_days_before_arrival(self):
        today = fields.Date.context_today(self)
        for visit in self:
            if visit.date_arrival:
                visit.days_before_arrival = (visit.date_arrival - (visit.submit_date or today)).days
            else:
                visit.days_before_arrival = 0
            visit.submit_late = bool(visit.date_arrival) and (
                visit.days_before_arrival < visit.company_id.intl_scholar_submit_days)

    @api.depends("accepted_date", "decision_deadline", "submit_date")
    def _compute_processing(self):
        for visit in self:
            start = visit.accepted_date or visit.decision_deadline
            company = visit.company_id
            visit.processing_date_from = start and start + timedelta(
                days=company.intl_scholar_processing_min_days)
            visit.processing_date_to = start and start + timedelta(
                days=company.intl_scholar_processing_max_days)

    @api.depends("lecture_ids.hours_planned", "lecture_ids.hours_given", "lecture_ids.state")
    def _compute_hours(self):
        for visit in self:
            lectures = visit.lecture_ids.filtered(lambda lecture: lecture.state != "cancel")
            visit.hours_planned = sum(lectures.mapped("hours_planned"))
            visit.hours_given = sum(lectures.filtered(
                lambda lecture: lecture.state == "given").mapped("hours_given"))

    @api.depends("visa_ids.state", "visa_ids.date_expiry")
    def _compute_visa_id(self):
        for visit in self:
            visa = visit.visa_ids.filtered(lambda v: v.state == "issued").sorted(
                "date_expiry", reverse=True)[:1]
            visit.visa_id = visa
            visit.visa_expiry = visa.date_expiry

    @api.depends("fee_ids.amount", "fee_ids.state")
    def _compute_fee_total(self):
        for visit in self:
            visit.fee_total = sum(visit.fee_ids.filtered(lambda f: f.state != "cancel").mapped("amount"))

    @api.depends("act_ids.state", "act_ids.amount")
    def _compute_amount_paid(self):
        for visit in self:
            visit.amount_paid = sum(visit.act_ids.filtered(lambda a: a.state == "paid").mapped("amount"))

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can(self):
        user = self.env.user
        director = user.has_group("intl_cooperation.group_intl_director")
        officer = user.has_group("intl_cooperation.group_intl_officer")
        coordinator = user.has_group("intl_cooperation.group_intl_coordinator")
        for visit in self:
            visit.is_officer = officer
            visit.is_coordinator = coordinator
            visit.can_allow_late = director and visit.state in ("draft", "refused") and (
                user not in visit._lifecycle_requester_users())
            visit.can_draw_act = coordinator and visit.state == "ended" and not visit.act_ids.filtered(
                lambda a: a.state != "cancel")

    @api.constrains("date_arrival", "date_departure")
    def _check_dates(self):
        for visit in self:
            if visit.date_departure < visit.date_arrival:
                raise ValidationError(self.env._("The departure cannot be before the arrival."))

    @api.constrains("plan_line_id", "institute_id")
    def _check_plan_line(self):
        for visit in self:
            if visit.plan_line_id and visit.plan_line_id.institute_id != visit.institute_id:
                raise ValidationError(self.env._("The plan line must belong to the inviting institute."))

    @api.constrains("contract_amount", "contract_hours")
    def _check_contract(self):
        for visit in self:
            if visit.contract_amount < 0 or visit.contract_hours < 0:
                raise ValidationError(self.env._("Contract amount and hours cannot be negative."))
            if visit.contract_amount > 1e12:
                raise ValidationError(self.env._("The contract amount is not plausible."))

    @api.onchange("plan_line_id")
    def _onchange_plan_line_id(self):
        line = self.plan_line_id
        if line:
            self.scholar_id = self.scholar_id or line.scholar_id
            self.home_institution_id = self.home_institution_id or line.home_institution_id
            self.date_arrival = self.date_arrival or line.date_from
            self.date_departure = self.date_departure or line.date_to
            self.funding_source_id = line.funding_source_id
            self.contract_hours = self.contract_hours or line.planned_hours

    @api.onchange("scholar_id")
    def _onchange_scholar_id(self):
        if self.scholar_id.parent_id.is_intl_institution and not self.home_institution_id:
            self.home_institution_id = self.scholar_id.parent_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._lifecycle_trusted() and not self.env.user.has_group(OFFICER):
            if any(vals.get("registration_number") or vals.get("registration_expiry")
                   or vals.get("visa_required", True) is False for vals in vals_list):
                raise UserError(self.env._("Only DIC records the visa and migration formalities."))
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("intl.scholar.visit") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self._lifecycle_trusted() and not self.env.user.has_group(OFFICER):
            if set(vals) & OFFICER_FIELDS:
                raise UserError(self.env._("Only DIC records the visa and migration formalities."))
            # the lecture lines keep their own rules (closed once the stay has ended)
            late = set(vals) - CONTRACT_FIELDS - {"lecture_ids"} - self._lifecycle_protected_fields()
            if late and any(visit.state not in ("draft", "refused") for visit in self):
                raise UserError(self.env._("A submitted visit can only be changed by DIC."))
        if not self._lifecycle_trusted() and any(
                visit.act_ids.filtered(lambda a: a.state != "cancel")
                and visit._lifecycle_changes(name, vals[name])
                for visit in self for name in CONTRACT_FIELDS.intersection(vals)):
            # whoever writes: the act was drawn on this contract
            raise UserError(self.env._("The act of services rendered is drawn: the contract is fixed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(visit.state != "draft" or visit.submit_date for visit in self):
            raise UserError(self.env._("Only draft visits never submitted can be deleted; cancel the others."))

    # ------------------------------------------------------------------
    # Document checklists: programme, visa, arrival
    # ------------------------------------------------------------------

    def _document_types(self):
        return self.env["intl.document.type"].search([("process_ids.code", "in", list(PHASES))])

    def _document_is_required(self, doc_type):
        if not doc_type.required:
            return False
        codes = set(doc_type.process_ids.mapped("code")) & set(PHASES)
        return any(self.state in PHASES[code] for code in codes)

    def _document_phase_missing(self, code):
        self.ensure_one()
        return [line.type_id.display_name for line in self.document_line_ids
                if code in line.type_id.process_ids.mapped("code")
                and line.required and line.state != "verified"]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_allow_late(self):
        self.ensure_one()
        self._check_can_allow_late()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Allow a Late File"),
            "res_model": "intl.scholar.override",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    def _check_can_allow_late(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_director"):
            raise UserError(self.env._("Only the DIC Director can allow a file later than 40 days "
                                       "before arrival."))
        for visit in self:
            if visit.state not in ("draft", "refused"):
                raise UserError(self.env._("%(visit)s is already submitted.", visit=visit.name))
            if self.env.user in visit._lifecycle_requester_users():
                raise UserError(self.env._("You filed %(visit)s: another DIC Director allows its late file.",
                                           visit=visit.name))

    def _do_allow_late(self, reason):
        self._check_can_allow_late()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the late file."))
        self._lifecycle_write({"late_override_reason": reason, "late_override_user_id": self.env.uid})
        for visit in self:
            visit._intl_message_post(
                [_lt("The DIC Director allowed a file later than the deadline."),
                 _lt("Reason: %(reason)s", reason=reason)],
                subtype_xmlid="mail.mt_note")

    def action_submit(self):
        self._lifecycle_check("submit")
        self._document_sync_checklist()
        return self._lifecycle_do("submit")

    def action_approval_submit(self):
        return self.action_submit()

    def action_register_arrival(self):
        self._lifecycle_run("register_arrival", {"date_arrival_actual": fields.Date.context_today(self)})
        self._document_sync_checklist()

    def _guard_register_arrival(self):
        missing = self._document_phase_missing("scholar_visa")
        if missing:
            return self.env._("Verify the visa documents of %(visit)s first: %(documents)s",
                              visit=self.name, documents=", ".join(missing))
        if self.visa_required and not self.visa_id:
            return self.env._("Record the visa issued to %(scholar)s first.", scholar=self.scholar_id.name)
        return False

    def action_end_stay(self):
        self._lifecycle_run("end_stay", {"date_departure_actual": fields.Date.context_today(self)})

    def _guard_end_stay(self):
        missing = self._document_phase_missing("scholar_arrival")
        if missing:
            return self.env._("Verify the arrival documents of %(visit)s first: %(documents)s",
                              visit=self.name, documents=", ".join(missing))
        return False

    def action_cancel(self):
        self._lifecycle_check("cancel")
        self._approval_cancel()
        self._lifecycle_do("cancel")

    def action_draft(self):
        return self._lifecycle_run("reset")

    def action_draw_act(self):
        self.ensure_one()
        act = self.env["intl.scholar.act"]._draw(self)
        return {"type": "ir.actions.act_window", "res_model": "intl.scholar.act", "res_id": act.id,
                "view_mode": "form"}

    def action_print(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print"),
            "res_model": "intl.scholar.print",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    # ------------------------------------------------------------------
    # Approval engine: DIC's acceptance of the file
    # ------------------------------------------------------------------

    def _approval_institute(self):
        return self.institute_id

    def _approval_curator(self):
        return self.curator_id

    def _lifecycle_requester_users(self):
        return self.coordinator_id | self.create_uid

    def _approval_check_can_submit(self, purpose):
        today = fields.Date.context_today(self)
        for visit in self:
            days = visit.company_id.intl_scholar_submit_days
            if (visit.date_arrival - today).days < days and not visit.late_override_reason:
                raise UserError(self.env._(
                    "%(visit)s: the scholar arrives on %(date)s. The inviting unit gives DIC every "
                    "document at least %(days)s before arrival; only the DIC Director can "
                    "allow a later file, with a reason.", visit=visit.name,
                    date=format_date(self.env, visit.date_arrival),
                    days=count_text(self.env, days, DAYS)))
            if not visit.lecture_ids:
                raise UserError(self.env._("Fill in the lecture schedule (717-03) of %(visit)s first.",
                                           visit=visit.name))
        deadline_days = self.company_id[:1].intl_scholar_decision_days or 3
        self._lifecycle_write({"submit_date": today,
                               "decision_deadline": today + timedelta(days=deadline_days)})

    def _approval_done(self, purpose):
        result = super()._approval_done(purpose)
        self._lifecycle_write({"accepted_date": fields.Date.context_today(self)})
        self._document_sync_checklist()
        for visit in self:
            if visit.curator_id:
                visit._intl_activity_schedule(
                    "mail.mail_activity_data_todo", user_id=visit.curator_id.id,
                    date_deadline=visit.processing_date_to,
                    summary=_lt("Process the invitation of %(scholar)s", scholar=visit.scholar_id.name))
        return result

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------

    # batches of 100: the ORM inserts and updates by 100 rows, so a run costs the
    # same queries whatever the number of records waiting (the next batch follows at once)
    @api.model
    def _cron_remind_expiries(self, batch_size=100):
        """Daily: remind DIC before a visa or a migration registration expires (idempotent)."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_scholar_expiry")
        # only the visits with an expiry within the longest lead time that were not reminded
        # yet, one bounded batch per run (the cron triggers itself again while work remains)
        horizon = today + timedelta(days=max(
            self.env["res.company"].search([]).mapped("intl_scholar_reminder_days") or [0]))
        visits = self.search([
            ("state", "in", ("accepted", "on_site")),
            "|", ("registration_expiry", "<=", horizon),
            ("visa_ids", "any", [("state", "=", "issued"), ("date_expiry", "<=", horizon)]),
            ("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)]),
        ], limit=batch_size)
        vals_list = []
        model_id = self.env["ir.model"]._get_id(self._name)
        # the DIC Director follows the visits without a curator (looked up once)
        fallback = self.env.ref("intl_cooperation.group_intl_director").users.filtered(lambda u: not u.share)[:1]
        for visit in visits:
            limit = today + timedelta(days=visit.company_id.intl_scholar_reminder_days)
            expiries = [(date, label) for date, label in (
                (visit.visa_expiry, _lt("Visa")),
                (visit.registration_expiry, _lt("Migration registration"))) if date]
            due = [(date, label) for date, label in expiries if date <= limit]
            if not due:
                continue
            date, label = min(due, key=lambda item: item[0])
            user = visit.curator_id or fallback
            if not user:
                continue
            vals_list.append({
                "res_model_id": model_id, "res_id": visit.id,
                "activity_type_id": activity_type.id, "user_id": user.id,
                "date_deadline": min(date, limit),
                **intl_message.summary_vals(self.env, _lt(
                    "%(what)s of %(scholar)s expires on %(date)s",
                    what=label, scholar=visit.scholar_id.name, date=date)),
            })
        if vals_list:
            # sudo: the cron reminds DIC officers on records they follow (the activity
            # is the reminder: no mail per activity, the run costs the same at any size)
            intl_message.trusting(self.env["mail.activity"].sudo()).with_context(
                mail_activity_quick_update=True).create(vals_list)
        # the cron runner calls again at once (up to ten batches a run) while work remains
        self.env["ir.cron"]._notify_progress(
            done=len(visits), remaining=batch_size if len(visits) == batch_size and vals_list else 0)
