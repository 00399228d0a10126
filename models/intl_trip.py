from datetime import datetime

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from ..tools.numbers import CALENDAR_DAYS, DAYS, NIGHTS, WORKING_HOURS, count_text

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

TRIP_STATES = [
    ("draft", "Draft"),
    ("to_head", "Unit Head"),
    ("to_dic", "DIC"),
    ("to_management", "Management"),
    ("approved", "Approved"),
    ("returned", "Returned"),
    ("done", "Closed"),
    ("cancel", "Cancelled"),
]
DATE_FIELDS = ("date_departure", "date_return")
# What a traveller may still write once the trip is submitted.
FIELDS_AFTER_SUBMIT = {"results", "message_main_attachment_id"}
REQUESTER = "requester"
OFFICER = "intl_cooperation.group_intl_officer"
HR = "intl_cooperation.group_intl_hr"
APPROVAL_STATES = ("to_head", "to_dic", "to_management")


class IntlTrip(models.Model):
    """A business trip abroad (DP 717 section 5.3).

    Rights: the traveller drafts and submits their own trip and may only edit
    it as a draft; the unit head, DIC and Management decide it through the
    approval engine (Management's approval records the order and the approved
    period); coordinators read their institute's trips; accountants handle the
    money (advances, advance reports, settlement) and are the only ones who
    post entries; HR reads trips for the disciplinary cases. After the order
    the dates change only through an approved extension.
    """

    _name = "intl.trip"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin", "intl.document.mixin"]
    _description = "Business Trip Abroad"
    _order = "date_departure desc, id desc"
    _check_company_auto = True
    _intl_process_code = "trip"
    _document_after_states = ("returned", "done")

    _approval_submit_states = {"default": ("draft",), "extension": ("approved",)}
    _approval_pending_state = {"default": "to_head"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel",)
    _approval_summary_fields = {"what": "purpose", "who": "employee_id", "amount": "estimate_total",
                                "date_from": "date_departure", "date_to": "date_return",
                                "where": "destination"}

    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "approval": "default", "who": (REQUESTER, OFFICER)},
        "to_head": {"from": ("draft",), "to": "to_head", "who": ("approval",)},
        "to_dic": {"from": ("draft", "to_head"), "to": "to_dic", "who": ("approval",)},
        "to_management": {"from": ("draft", "to_head", "to_dic"), "to": "to_management",
                          "who": ("approval",)},
        "approve": {"from": APPROVAL_STATES, "to": "approved", "who": ("approval",)},
        "reject": {"from": APPROVAL_STATES, "to": "draft", "who": ("approval",)},
        # the traveller proposes the return; the unit head (as "system" after its own check)
        # or HR confirms it: only the confirmed return counts
        "register_return": {"from": ("approved",), "to": "returned", "who": (HR, "system")},
        "close": {"from": ("returned",), "to": "done", "who": ("system",),
                  "guard": "_guard_close"},
        "cancel": {"from": ("draft", *APPROVAL_STATES, "approved"), "to": "cancel",
                   "who": (REQUESTER, OFFICER), "guard": "_guard_cancel"},
        "reset": {"from": ("cancel",), "to": "draft", "who": (REQUESTER, OFFICER),
                  "guard": "_guard_reset"},
    }
    # what the head, DIC and Management approved: fixed from submission (an extension moves
    # the end date; a rejection brings the trip back to draft)
    _lifecycle_substance = (
        "company_id", "employee_id", "country_id", "city", "host_partner_id", "purpose",
        "purpose_category_id", "assignment", "agreement_id", "plan_line_id", "date_departure", "date_return",
        "funding_source_id", "estimate_date", "estimate_line_ids", "funding_line_ids",
        "host_category_ids")
    _lifecycle_workflow_fields = (
        "order_number", "order_date", "approved_date_from", "approved_date_to",
        "late_submission_reason", "late_submission_user_id", "date_return_actual",
        "report_deadline", "settled_date", "assignment_report_date", "return_at",
        "return_confirmed_by_id", "return_proposed_at", "return_proposed_by_id",
        "absence_suspected_on", "departure_suspected_on",
    )

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Company Currency")
    state = fields.Selection(TRIP_STATES, default="draft", required=True, tracking=True,
                             copy=False, index=True,
                             group_expand="_lifecycle_group_expand")
    employee_id = fields.Many2one(
        "hr.employee", "Traveller", required=True, tracking=True, index=True, check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="Traveller User")
    department_id = fields.Many2one(related="employee_id.department_id", store=True,
                                    string="Department")
    institute_id = fields.Many2one(related="employee_id.intl_institute_id", store=True,
                                   string="Institute", index=True)
    job_id = fields.Many2one(related="employee_id.job_id", string="Job Position")
    country_id = fields.Many2one("res.country", "Destination Country", required=True, tracking=True)
    city = fields.Char(required=True)
    host_partner_id = fields.Many2one(
        "res.partner", "Host Organisation", tracking=True,
        help="A partner institution or any other contact.")
    purpose = fields.Char(required=True, tracking=True)
    purpose_category_id = fields.Many2one(
        "intl.trip.purpose.category", "Purpose Category", tracking=True, index=True,
        help="The kind of purpose the annual report counts the trips by; the purpose itself is "
             "the traveller's own words.")
    assignment = fields.Text(help="What the traveller has to do (the service task).")
    agreement_id = fields.Many2one("intl.agreement", "Agreement", tracking=True, check_company=True)
    plan_line_id = fields.Many2one(
        "intl.agreement.plan.line", "Plan Activity", domain="[('agreement_id', '=', agreement_id)]",
        check_company=True)
    date_departure = fields.Date("Departure", required=True, tracking=True, index=True)
    date_return = fields.Date("Return", required=True, tracking=True)
    duration_days = fields.Integer("Days", compute="_compute_duration_days", store=True,
                                   help="Calendar days including the travel days.")
    funding_source_id = fields.Many2one(
        "intl.funding.source", "Funding Source", required=True, tracking=True,
        default=lambda self: self.env.ref("intl_cooperation.intl_funding_source_budget",
                                          raise_if_not_found=False))
    host_pays_all = fields.Boolean(related="funding_source_id.host_pays_all")
    invitation_ref = fields.Char("Invitation")
    invitation_date = fields.Date()
    # 15-day rule override
    late_submission_reason = fields.Text(readonly=True, copy=False)
    late_submission_user_id = fields.Many2one("res.users", "Late Submission Allowed By",
                                              readonly=True, copy=False)
    # estimate
    estimate_date = fields.Date(default=fields.Date.context_today, tracking=True,
                                help="The currency rates of this date convert the estimate.")
    estimate_line_ids = fields.One2many("intl.trip.estimate.line", "trip_id", "Cost Estimate",
                                        copy=True)
    estimate_total = fields.Monetary(compute="_compute_estimate_total",
                                     store=True, currency_field="currency_id")
    estimate_total_words = fields.Char("Total in Words", compute="_compute_estimate_total_words")
    # order
    order_number = fields.Char(copy=False, tracking=True)
    order_date = fields.Date(copy=False, tracking=True)
    approved_date_from = fields.Date("Approved From", copy=False, tracking=True)
    approved_date_to = fields.Date("Approved Until", copy=False, tracking=True)
    extension_ids = fields.One2many("intl.trip.extension", "trip_id", "Extensions", copy=False)
    # return and reports
    date_return_actual = fields.Date("Actual Return", copy=False, tracking=True)
    return_at = fields.Datetime("Back At Work", copy=False, tracking=True,
                                help="The confirmed return: only this one counts.")
    return_confirmed_by_id = fields.Many2one("res.users", "Return Confirmed By", copy=False,
                                             readonly=True)
    return_proposed_at = fields.Datetime("Proposed Return", copy=False, tracking=True,
                                         help="The return the traveller reports, with evidence.")
    return_proposed_by_id = fields.Many2one("res.users", "Return Proposed By", copy=False,
                                            readonly=True)
    absence_suspected_on = fields.Date(copy=False, readonly=True,
                                       help="When the unit head and HR were asked to confirm presence.")
    departure_suspected_on = fields.Date(copy=False, readonly=True)
    missed_hours = fields.Float("Missed Working Hours", compute="_compute_missed_time",
                                digits=(16, 2))
    missed_days = fields.Integer("Days of Absence", compute="_compute_missed_time",
                                 help="Working days after the approved period with at least 3 "
                                      "consecutive working hours missed.")
    report_deadline = fields.Date("Reports Due", copy=False, tracking=True)
    results = fields.Html("Results of the Assignment", copy=False)
    assignment_report_date = fields.Date("Assignment Report Submitted", copy=False, tracking=True)
    report_overdue = fields.Boolean(compute="_compute_report_overdue", search="_search_report_overdue")
    case_ids = fields.One2many("intl.disciplinary.case", "trip_id", "Disciplinary Cases")
    case_count = fields.Integer(compute="_compute_case_count")
    can_edit_dates = fields.Boolean(compute="_compute_can_edit_dates")
    # guidance on the form, before any submission
    submission_late = fields.Boolean(
        compute="_compute_submission_issues",
        help="The departure is closer than the application deadline of the 15-day rule.")
    submission_late_message = fields.Char(compute="_compute_submission_issues")
    submission_issues = fields.Text(
        "Missing for Submission", compute="_compute_submission_issues",
        help="Everything to complete before the application can be submitted.")
    late_request_pending = fields.Boolean(compute="_compute_late_request_pending")
    calendar_title = fields.Char(compute="_compute_calendar_title")
    destination = fields.Char(compute="_compute_calendar_title", help="City and country of the trip.")
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_register_return = fields.Boolean(compute="_compute_return_can")
    can_propose_return = fields.Boolean(compute="_compute_return_can")
    can_act_absence = fields.Boolean(compute="_compute_return_can")
    can_act_departure = fields.Boolean(compute="_compute_return_can")
    is_traveller = fields.Boolean(
        compute="_compute_return_can",
        help="The current user is the traveller or filed the trip: the traveller's actions are theirs.")
    can_money_report = fields.Boolean(
        "Can Open the Advance Report", compute="_compute_return_can",
        help="The traveller writes the advance report, the accountant checks it.")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    @api.depends("date_departure", "date_return")
    def _compute_duration_days(self):
        for trip in self:
            if trip.date_departure and trip.date_return:
                trip.duration_days = (trip.date_return - trip.date_departure).days + 1
            else:
                trip.duration_days = 0

    @api.depends("estimate_line_ids.amount_company")
    def _compute_estimate_total(self):
        for trip in self:
            trip.estimate_total = sum(trip.estimate_line_ids.mapped("amount_company"))

    @api.depends("estimate_total", "currency_id")
    @api.depends_context("lang")
    def _compute_estimate_total_words(self):
        for trip in self:
            trip.estimate_total_words = trip.currency_id.intl_amount_to_words(trip.estimate_total)

    @api.depends("date_departure", "date_return", "estimate_line_ids", "host_pays_all", "state",
                 "late_submission_reason", "country_id", "city", "purpose", "company_id",
                 "document_line_ids.state", "document_line_ids.required")
    @api.depends_context("lang")
    def _compute_submission_issues(self):
        today = fields.Date.context_today(self)
        for trip in self:
            late_message = trip._submission_late_message(today)
            trip.submission_late = bool(late_message)
            trip.submission_late_message = late_message
            issues = trip._submission_issues(today) if trip.state == "draft" else []
            trip.submission_issues = "\n".join(f"• {issue}" for issue in issues) or False

    def _submission_late_message(self, today):
        """Why the 15-day rule stops this draft's submission, or nothing."""
        self.ensure_one()
        days = self.company_id.intl_trip_submit_days
        if self.state != "draft" or not self.date_departure or self.late_submission_reason:
            return False
        if (self.date_departure - today).days >= days:
            return False
        return self.env._(
            "The trip departs on %(date)s: an application is submitted at least %(days)s "
            "before departure (by %(deadline)s). Ask Management for a late submission, with "
            "the reason.",
            date=format_date(self.env, self.date_departure), days=count_text(self.env, days, CALENDAR_DAYS),
            deadline=format_date(self.env, self.date_departure - relativedelta(days=days)))

    def _submission_issues(self, today):
        """Everything missing for the submission of this draft, all at once."""
        self.ensure_one()
        issues = []
        if not self.purpose:
            issues.append(self.env._("the purpose of the trip"))
        if not (self.country_id and self.city):
            issues.append(self.env._("the destination country and city"))
        if not (self.date_departure and self.date_return):
            issues.append(self.env._("the departure and return dates"))
        else:
            late = self._submission_late_message(today)
            if late:
                issues.append(late)
        if not self.host_pays_all and not self.estimate_line_ids:
            issues.append(self.env._("the cost estimate (at least one line; Propose Per Diem fills "
                                     "the daily allowance)"))
        # §5.3: the 15-day rule applies to the file: its documents are attached before submission
        unattached = self.id and self._document_unattached_names()
        if unattached:
            issues.append(self.env._("the documents of the file, attached: %(documents)s",
                                     documents=", ".join(unattached)))
        if self.id and self.country_id:
            route = self.env["intl.approval.route"]._find_routes(self, "default")[self]
            if not route.step_ids:
                issues.append(self.env._("an approval route: ask the DIC Director to define one"))
        return issues

    def _compute_late_request_pending(self):
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_late_submission",
                                     raise_if_not_found=False)
        for trip in self:
            trip.late_request_pending = bool(activity_type and trip.id and trip.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t))

    @api.depends("employee_id", "city", "country_id")
    @api.depends_context("lang")
    def _compute_calendar_title(self):
        for trip in self:
            place = ", ".join(filter(None, [trip.city, trip.country_id.name]))
            trip.destination = place or False
            trip.calendar_title = " — ".join(filter(None, [trip.employee_id.name, place])) or trip.name

    @api.depends("return_at", "approved_date_to", "employee_id")
    def _compute_missed_time(self):
        Case = self.env["intl.disciplinary.case"]
        for trip in self:
            if trip.return_at and trip.approved_date_to:
                start = Case._day_start(trip.employee_id, trip.approved_date_to + relativedelta(days=1))
                hours, days = Case._missed_working_time(trip.employee_id, start, trip.return_at)
                trip.missed_hours, trip.missed_days = hours, len(days)
            else:
                trip.missed_hours, trip.missed_days = 0.0, 0

    @api.depends_context("uid")
    @api.depends("state", "return_at", "absence_suspected_on", "date_departure")
    def _compute_return_can(self):
        user = self.env.user
        hr = user.has_group(HR)
        accountant = user.has_group("intl_cooperation.group_intl_accountant")
        today = fields.Date.context_today(self)
        for trip in self:
            traveller = user in trip._lifecycle_requester_users() or user.employee_id == trip.employee_id
            head = user in trip._unit_head_users()
            judge = (hr or head) and not traveller
            trip.is_traveller = traveller
            trip.can_money_report = traveller or accountant
            trip.can_propose_return = trip.state == "approved" and traveller
            trip.can_register_return = trip.state == "approved" and judge
            trip.can_act_absence = bool(
                (user.has_group(HR) or head) and not traveller and trip.state in ("approved", "returned")
                and trip.approved_date_to and trip.approved_date_to < today
                and (trip.state == "approved" or trip.absence_suspected_on))
            trip.can_act_departure = bool(
                trip._may_confirm_departure() and not traveller and trip.state in APPROVAL_STATES
                and trip.date_departure and trip.date_departure <= today)

    def _compute_report_overdue(self):
        today = fields.Date.context_today(self)
        for trip in self:
            trip.report_overdue = bool(
                trip.state == "returned" and trip.report_deadline and trip.report_deadline < today
                and (not trip.assignment_report_date or trip._advance_report_missing())
            )

    def _search_report_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        today = fields.Date.context_today(self)
        domain = [
            ("state", "=", "returned"), ("report_deadline", "<", today),
            "|", ("assignment_report_date", "=", False),
            "&", ("no_advance", "=", False), ("money_state", "in", ("to_pay", "advanced")),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", *domain]

    def _compute_case_count(self):
        counts = dict(self.env["intl.disciplinary.case"]._read_group(
            [("trip_id", "in", self.ids)], ["trip_id"], ["__count"]))
        for trip in self:
            trip.case_count = counts.get(trip, 0)

    @api.depends_context("uid")
    @api.depends("state", "approved_date_to")
    def _compute_can_edit_dates(self):
        officer = self.env.user.has_group("intl_cooperation.group_intl_officer")
        for trip in self:
            trip.can_edit_dates = not trip.order_date and (trip.state == "draft" or officer)

    @api.constrains("date_departure", "date_return")
    def _check_dates(self):
        for trip in self:
            if trip.date_return < trip.date_departure:
                raise ValidationError(self.env._("The return cannot be before the departure."))

    @api.constrains("plan_line_id", "agreement_id")
    def _check_plan_line(self):
        for trip in self:
            if trip.plan_line_id and trip.plan_line_id.agreement_id != trip.agreement_id:
                raise ValidationError(
                    self.env._("The plan activity must belong to the trip's agreement."))

    @api.onchange("agreement_id")
    def _onchange_agreement_id(self):
        if self.plan_line_id.agreement_id != self.agreement_id:
            self.plan_line_id = False
        if self.agreement_id and not self.host_partner_id:
            self.host_partner_id = self.agreement_id.partner_id

    @api.onchange("host_partner_id")
    def _onchange_host_partner_id(self):
        if self.host_partner_id.country_id and not self.country_id:
            self.country_id = self.host_partner_id.country_id
        if self.host_partner_id.city and not self.city:
            self.city = self.host_partner_id.city

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._lifecycle_next_reference(vals_list, "intl.trip")
        return super().create(vals_list)

    def write(self, vals):
        if self._lifecycle_trusted():
            return super().write(vals)
        if any(field in vals for field in DATE_FIELDS):
            self._check_can_change_dates()
        if set(vals) - FIELDS_AFTER_SUBMIT and not self._is_trip_manager():
            if any(trip.state != "draft" for trip in self):
                raise UserError(self.env._("A submitted trip can no longer be edited by its traveller."))
        result = super().write(vals)
        if "funding_source_id" in vals:
            self._document_sync_checklist()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(trip.state != "draft" or trip.payment_ids for trip in self):
            raise UserError(self.env._("Only draft trips can be deleted; cancel the others."))

    def _is_trip_manager(self):
        user = self.env.user
        return self.env.su or any(user.has_group(f"intl_cooperation.group_intl_{group}") for group in
                                  ("officer", "management", "accountant"))

    def _check_can_change_dates(self):
        officer = self.env.user.has_group("intl_cooperation.group_intl_officer")
        for trip in self:
            if trip.order_date:
                raise UserError(self.env._(
                    "The order of %(trip)s fixed its period: request an extension instead.",
                    trip=trip.name))
            if trip.state != "draft" and not officer:
                raise UserError(self.env._(
                    "The dates of %(trip)s cannot change after its submission.", trip=trip.name))

    def _document_is_required(self, doc_type):
        if doc_type == self.env.ref("intl_cooperation.intl_document_type_cost_estimate",
                                    raise_if_not_found=False) and self.host_pays_all:
            return False
        return super()._document_is_required(doc_type)

    # ------------------------------------------------------------------
    # Approval engine
    # ------------------------------------------------------------------

    def _approval_employee(self):
        return self.employee_id

    def _lifecycle_requester_users(self):
        return self.user_id | self.create_uid

    def _lifecycle_subject_users(self):
        """The traveller, and whoever asked for the extension being decided."""
        pending = self.sudo().extension_ids.filtered(lambda ext: ext.state == "pending")
        return super()._lifecycle_subject_users() | pending.requested_by_id.with_env(self.env)

    def _approval_check_can_submit(self, purpose):
        if purpose != "default":
            return
        today = fields.Date.context_today(self)
        for trip in self:
            issues = trip._submission_issues(today)
            if issues:
                raise UserError(self.env._(
                    "%(trip)s cannot be submitted yet. Missing:\n%(issues)s", trip=trip.name,
                    issues="\n".join(f"• {issue}" for issue in issues)))

    def _approval_done(self, purpose):
        if purpose == "extension":
            self._apply_extension()
            return
        super()._approval_done(purpose)
        if purpose == "default":
            self._record_order()

    def _approval_rejected(self, purpose, reason):
        if purpose == "extension":
            self.extension_ids.filtered(lambda e: e.state == "pending")._lifecycle_run(
                "reject", {"decision_note": reason}, by="approval")
            # a return confirmed after the period while the extension was decided: now suspected
            late = self.filtered(lambda t: t.state == "returned" and t.missed_days > 0
                                 and not t.absence_suspected_on)
            # sudo: the system asks the unit head and HR, whoever rejected the extension
            late.sudo()._suspect_absence()
            return
        super()._approval_rejected(purpose, reason)

    def _record_order(self):
        """Management's approval issues the order: number, date and approved period."""
        today = fields.Date.context_today(self)
        for trip in self:
            vals = {"order_date": today, "approved_date_from": trip.date_departure,
                    "approved_date_to": trip.date_return}
            if not trip.order_number:
                vals["order_number"] = self.env["ir.sequence"].next_by_code("intl.trip.order")
            trip._lifecycle_write(vals)
            if trip.user_id:
                trip._intl_activity_schedule(
                    "mail.mail_activity_data_todo", user_id=trip.user_id.id,
                    summary=_lt("Trip approved: order %(number)s", number=trip.order_number),
                )

    def _apply_extension(self):
        for trip in self:
            extension = trip.extension_ids.filtered(lambda e: e.state == "pending")[:1]
            if not extension:
                continue
            extension._lifecycle_run("approve", {"previous_date_to": trip.approved_date_to},
                                     by="approval")
            trip._lifecycle_write({
                "approved_date_to": extension.date_to, "date_return": extension.date_to})
            trip._intl_message_post(
                _lt("Extension approved: the trip now ends on %(date)s.", date=extension.date_to),
                subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        self._lifecycle_check("submit")
        self._document_sync_checklist()
        self._lifecycle_do("submit")

    def action_approval_submit(self):
        return self.action_submit()

    def action_allow_late_submission(self):
        self._check_is_management()
        return self._lifecycle_open_wizard("intl.trip.override", self.env._("Allow Late Submission"),
                                           {"default_trip_id": self.id})

    def action_request_late_submission(self):
        """The traveller asks Management to allow a submission later than the deadline."""
        self.ensure_one()
        if self.state != "draft" or self.late_submission_reason:
            raise UserError(self.env._("Only a draft trip without an allowed late submission needs this."))
        return self._lifecycle_open_wizard(
            "intl.trip.late.request", self.env._("Ask Management for a Late Submission"),
            {"default_trip_id": self.id})

    def _do_request_late_submission(self, reason):
        """One activity per Management member (but the traveller), with the reason."""
        self.ensure_one()
        if self.state != "draft" or self.late_submission_reason:
            raise UserError(self.env._("Only a draft trip without an allowed late submission needs this."))
        if self.env.user not in self._lifecycle_requester_users() and not self._is_trip_manager():
            raise UserError(self.env._("Only the traveller asks for a late submission."))
        managers = self.env.ref("intl_cooperation.group_intl_management").users.filtered(
            lambda user: user.active and not user.share) - self._approval_excluded_users()
        if not managers:
            raise UserError(self.env._("No member of Management can allow it: ask DIC."))
        for user in managers:
            in_lang = self.with_context(lang=user.lang or self.env.lang)
            in_lang._intl_activity_schedule(
                "intl_cooperation.mail_activity_type_late_submission", user_id=user.id,
                date_deadline=fields.Date.context_today(self),
                summary=_lt("Allow a late submission of %(trip)s", trip=self.name),
                note=reason)
        self._intl_message_post(
            [_lt("Late submission asked of Management."), _lt("Reason: %(reason)s", reason=reason)],
            subtype_xmlid="mail.mt_note")

    def _check_is_management(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_management"):
            raise UserError(self.env._("Only Management can allow a late submission."))
        # nobody allows the late submission of a trip that concerns them (nor that they asked)
        self._lifecycle_check_may_act()
        requested = self.filtered(lambda trip: self.env.user in trip._lifecycle_requester_users())
        if requested:
            raise UserError(self.env._(
                "%(trip)s was requested by you: another member of Management allows it.",
                trip=requested[0].display_name))

    def _do_allow_late_submission(self, reason):
        self._check_is_management()
        for trip in self:
            if trip.state != "draft":
                raise UserError(self.env._("Only a draft trip can be allowed a late submission."))
            trip._lifecycle_write({"late_submission_reason": reason,
                        "late_submission_user_id": self.env.uid})
            trip._intl_message_post(
                [_lt("Management allowed a submission later than the deadline."),
                 _lt("Reason: %(reason)s", reason=reason)],
                subtype_xmlid="mail.mt_note")
        # sudo: the request's activities of the other Management members close with this decision
        self.sudo().activity_unlink(["intl_cooperation.mail_activity_type_late_submission"])

    def action_propose_per_diem(self):
        for trip in self:
            trip._propose_per_diem()

    def _propose_per_diem(self):
        """Propose from the norms: per diem = norm x calendar days including travel days;
        accommodation = limit x nights, unless an accommodation line is already there.
        Categories the host pays are left out."""
        self.ensure_one()
        Category = self.env["intl.trip.expense.category"]
        commands = []
        for kind, field, count in (("per_diem", "is_per_diem", self.duration_days),
                                   ("accommodation", "is_accommodation", max(self.duration_days - 1, 0))):
            category = Category.search([(field, "=", True)], limit=1)
            if not category or category in self.host_category_ids:
                continue
            rate = self._find_norm(kind)
            if not rate:
                if kind == "per_diem":
                    raise UserError(self.env._("No per-diem rate applies to %(country)s on %(date)s.",
                                               country=self.country_id.name,
                                               date=format_date(self.env, self.date_departure)))
                continue
            line = self.estimate_line_ids.filtered(lambda line, c=category: line.category_id == c)[:1]
            if kind == "accommodation" and (line or not count):
                continue
            if kind == "per_diem":
                name = self.env._("Per diem, %(country)s (%(days)s)",
                                  country=self.country_id.name, days=count_text(self.env, count, DAYS))
            else:
                name = self.env._("Accommodation, %(city)s (%(nights)s)",
                                  city=self.city, nights=count_text(self.env, count, NIGHTS))
            vals = {"category_id": category.id, "quantity": count, "unit_amount": rate.amount,
                    "currency_id": rate.currency_id.id, "name": name}
            commands.append(fields.Command.update(line.id, vals) if line else fields.Command.create(vals))
        if commands:
            self.write({"estimate_line_ids": commands})

    def action_request_extension(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request an Extension"),
            "res_model": "intl.trip.extension",
            "view_mode": "form",
            "views": [(self.env.ref("intl_cooperation.intl_trip_extension_view_form_request").id,
                       "form")],
            "target": "new",
            "context": {"default_trip_id": self.id},
        }

    def action_register_return(self):
        """The unit head or HR confirms the return (proposed by the traveller or not)."""
        self.ensure_one()
        self._check_can_confirm_return()
        return self._lifecycle_open_wizard("intl.trip.return", self.env._("Confirm Return"),
                                           {"default_trip_id": self.id, "default_mode": "confirm"})

    def action_propose_return(self):
        """The traveller reports the return date with the evidence (boarding pass, stamp)."""
        self.ensure_one()
        self._check_can_propose_return()
        return self._lifecycle_open_wizard("intl.trip.return", self.env._("Report Return"),
                                           {"default_trip_id": self.id, "default_mode": "propose"})

    def action_act_absence(self):
        self.ensure_one()
        self._check_can_draw_act("absence")
        return self._lifecycle_open_wizard(
            "intl.disciplinary.act", self.env._("Act of Absence"),
            {"default_trip_id": self.id,
             "default_kind": "late_return" if self.state == "returned" else "no_return"})

    def action_act_departure(self):
        self.ensure_one()
        self._check_can_draw_act("departure")
        return self._lifecycle_open_wizard(
            "intl.disciplinary.act", self.env._("Act of Departure Without Approval"),
            {"default_trip_id": self.id, "default_kind": "unapproved_departure"})

    def action_submit_assignment_report(self):
        for trip in self:
            if trip.state != "returned":
                raise UserError(self.env._("Register the return of %(trip)s first.", trip=trip.name))
            if not trip.results:
                raise UserError(self.env._("Describe the results of %(trip)s first.", trip=trip.name))
        if any(trip.user_id != self.env.user for trip in self) and not self.env.user.has_group(OFFICER):
            raise UserError(self.env._("Only the traveller submits the assignment report."))
        self._lifecycle_write({"assignment_report_date": fields.Date.context_today(self)})
        self.activity_feedback(["intl_cooperation.mail_activity_type_trip_report"],
                               feedback=self.env._("Assignment report submitted"))
        self._close_if_complete()

    def action_cancel(self):
        for trip in self:
            if trip.state in ("returned", "done"):
                raise UserError(self.env._("%(trip)s already took place.", trip=trip.name))
        self._lifecycle_check("cancel")
        self._approval_cancel()
        self._lifecycle_do("cancel")

    def _guard_cancel(self):
        if self.payment_ids.filtered(lambda p: p.state == "posted" and p.kind == "advance") \
                and self.amount_balance:
            return self.env._("An advance was paid for %(trip)s: register its return (or salary deduction) first.",
                              trip=self.name)
        return False

    def action_draft(self):
        self._lifecycle_run("reset")

    def _guard_reset(self):
        if self.order_date:
            return self.env._("%(trip)s already has an order.", trip=self.name)
        return False

    def _guard_close(self):
        if not self.assignment_report_date or not (self.no_advance or self.settled_date):
            return self.env._("%(trip)s still waits for its reports or its settlement.", trip=self.name)
        return False

    def action_print(self):
        self.ensure_one()
        return self._lifecycle_open_wizard("intl.trip.print", self.env._("Print"),
                                           {"default_trip_id": self.id})

    def action_view_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "intl_cooperation.intl_disciplinary_case_action")
        action["domain"] = [("trip_id", "=", self.id)]
        action["context"] = {"default_trip_id": self.id, "default_employee_id": self.employee_id.id}
        return action

    def _close_if_complete(self):
        complete = self.filtered(lambda trip: trip.state == "returned" and not trip._guard_close())
        # sudo: closing is the system's consequence of the last report or the settlement,
        # whoever (traveller or accountant) completed it
        complete.sudo()._lifecycle_run("close", by="system")

    # ------------------------------------------------------------------
    # Return, reminders and cases
    # ------------------------------------------------------------------

    def _unit_head_users(self):
        """The users heading the traveller's unit (the manager and the department head)."""
        # sudo: the hierarchy is read to know who confirms presence, whatever the reader sees
        employees = self.sudo().mapped(lambda t: t.employee_id.parent_id | t.department_id.manager_id)
        return employees.user_id.filtered(lambda u: u not in self.user_id)

    def _may_confirm_departure(self):
        """The unit head confirms a departure without approval (HR, for a unit without a head)."""
        self.ensure_one()
        heads = self._unit_head_users()
        return self.env.user in heads or (not heads and self.env.user.has_group(HR))

    def _is_traveller(self):
        user = self.env.user
        return any(user in trip._lifecycle_requester_users() or user.employee_id == trip.employee_id
                   for trip in self)

    def _check_can_propose_return(self):
        for trip in self:
            if trip.state != "approved":
                raise UserError(self.env._("%(trip)s is not an approved trip under way.",
                                           trip=trip.name))
            if not trip._is_traveller():
                raise UserError(self.env._("Only the traveller reports their return."))

    def _check_can_confirm_return(self):
        user = self.env.user
        for trip in self:
            if trip._is_traveller() and not self.env.su:
                raise UserError(self.env._(
                    "The traveller proposes the return; the unit head or HR confirms it."))
            if not (self.env.su or user.has_group(HR) or user in trip._unit_head_users()):
                raise UserError(self.env._(
                    "Only the unit head of the traveller or HR confirm a return."))

    def _check_can_draw_act(self, kind):
        user = self.env.user
        for trip in self:
            if trip._is_traveller() or not (user.has_group(HR) or user in trip._unit_head_users()):
                raise UserError(self.env._(
                    "Only the unit head of the traveller or HR draw up an act."))
            if kind == "departure" and trip.state not in APPROVAL_STATES:
                raise UserError(self.env._("%(trip)s is not waiting for its approval.",
                                           trip=trip.name))
            if kind == "departure" and not trip._may_confirm_departure():
                raise UserError(self.env._(
                    "Only the unit head of the traveller confirms that they left without an "
                    "approved trip."))
            if kind == "absence" and trip.state not in ("approved", "returned"):
                raise UserError(self.env._("%(trip)s is not an approved trip.", trip=trip.name))
            # sudo: a pending extension refuses the act, whether or not the unit head may read it
            if kind == "absence" and trip.sudo().extension_ids.filtered(
                    lambda e: e.state == "pending"):
                raise UserError(self.env._(
                    "An extension of %(trip)s is being decided: no act of absence before the decision.",
                    trip=trip.name))
            # sudo: the traveller's calendar and time off are read to measure the absence
            if kind == "absence" and not self.env["intl.disciplinary.case"]._absence_vals(
                    trip.sudo())["missed_days"]:
                raise UserError(self.env._(
                    "%(employee)s has not missed a working day after %(trip)s (at least "
                    "%(hours)s in a row): there is no absence to record.",
                    # sudo: the traveller's name, which the unit head reads on the trip anyway
                    employee=trip.sudo().employee_id.name, trip=trip.name,
                    hours=count_text(self.env, trip.company_id.intl_case_absence_hours or 3, WORKING_HOURS)))

    def _propose_return(self, return_at, evidence, filename, note=None):
        """The traveller's report of the return, with the evidence in the checklist."""
        self._check_can_propose_return()
        if not return_at:
            raise UserError(self.env._("Enter the date and time of the return."))
        if return_at > fields.Datetime.now():
            raise UserError(self.env._("The return cannot be in the future."))
        if not evidence:
            raise UserError(self.env._(
                "Attach the evidence of the return: the boarding pass or the passport stamp."))
        doc_type = self.env.ref("intl_cooperation.intl_document_type_return_evidence")
        for trip in self:
            trip._document_sync_checklist()
            line = trip.document_line_ids.filtered(lambda line: line.type_id == doc_type)[:1]
            attachment = self.env["ir.attachment"].create({
                "name": filename or self.env._("Return evidence"), "datas": evidence,
                "res_model": trip._name, "res_id": trip.id})
            if line:
                line.write({"attachment_ids": [Command.link(attachment.id)]})
            trip._lifecycle_write({"return_proposed_at": return_at,
                                   "return_proposed_by_id": self.env.uid})
            body = [_lt("Return reported for %(date)s with its evidence; the unit head or "
                        "HR confirms it.", date=return_at)]
            if note:
                body.append(_lt("Note: %(note)s", note=note))
            trip._intl_message_post(body, subtype_xmlid="mail.mt_note")
            trip._schedule_for_judges(self.env._("Confirm the return of %(employee)s",
                                                 employee=trip.employee_id.name))

    def _schedule_for_judges(self, summary, heads_first=False):
        """A to-do for the unit head and an HR officer (once per summary); with ``heads_first``,
        for the unit head only (HR when the unit has no head)."""
        hr_user = self.env.ref("intl_cooperation.group_intl_hr").users.filtered(
            lambda u: not u.share)[:1]
        model_id = self.env["ir.model"]._get_id(self._name)
        todo = self.env.ref("mail.mail_activity_data_todo")
        # sudo: the to-dos already given to HR and the unit head are not visible to the caller (a cron
        # or the confirming user); only their existence is read, to give each one once
        done = {(res_id, user) for res_id, user in self.env["mail.activity"].sudo()._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("summary", "=", summary)],
            ["res_id", "user_id"])}
        vals_list = []
        for trip in self:
            heads = trip._unit_head_users()[:1]
            for user in ((heads or hr_user) if heads_first else (heads | hr_user)):
                if (trip.id, user) in done:
                    continue
                vals_list.append({"res_model_id": model_id, "res_id": trip.id, "user_id": user.id,
                                  "activity_type_id": todo.id, "summary": summary,
                                  "date_deadline": fields.Date.context_today(self)})
        if vals_list:
            # sudo: the system asks the unit head and HR, who may not be followers of the trip
            self.env["mail.activity"].sudo().create(vals_list)

    def _register_return(self, date_return):
        """Confirm the return (a date = back at work at its start; a datetime = that moment).

        Asks for the reports; a return after the approved period measures the
        missed working time: an absence case of the trip is updated, else the
        unit head and HR are asked to confirm the absence (an act opens the case).
        """
        if not date_return:
            raise UserError(self.env._("Enter the actual return date."))
        self._check_can_confirm_return()
        now = fields.Datetime.now()
        Case = self.env["intl.disciplinary.case"]
        for trip in self:
            if trip.state != "approved":
                raise UserError(self.env._("%(trip)s is not an approved trip under way.",
                                           trip=trip.name))
            if isinstance(date_return, datetime):
                return_at = date_return
            else:
                return_at = Case._day_start(trip.employee_id, date_return)
            local_day = pytz.utc.localize(return_at).astimezone(
                Case._employee_tz(trip.employee_id)).date()
            if local_day < trip.approved_date_from:
                raise UserError(self.env._("The return cannot be before the departure."))
            if return_at > now:
                raise UserError(self.env._("The return cannot be in the future."))
            deadline = local_day + relativedelta(days=trip.company_id.intl_trip_report_days)
            vals = {"date_return_actual": local_day, "report_deadline": deadline,
                    "return_at": return_at, "return_confirmed_by_id": self.env.uid}
            # sudo: the unit head and HR (checked above) confirm returns without editing trips
            trip = trip.sudo()
            trip._lifecycle_run("register_return", vals, by="system")
            summaries = (self.env._("Confirm the return of %(employee)s",
                                    employee=trip.employee_id.name),
                         self.env._("Confirm presence at work after the trip"))
            # sudo: the confirmation closes the to-dos of the other judge (unit head or HR) too
            trip.sudo().activity_ids.filtered(
                lambda a, summaries=summaries: a.summary in summaries).action_feedback(
                feedback=self.env._("Return confirmed"))
            if trip.user_id:
                trip._intl_activity_schedule(
                    "intl_cooperation.mail_activity_type_trip_report", date_deadline=deadline,
                    user_id=trip.user_id.id,
                    summary=_lt("Assignment report (form 717-02)"))
                if not trip.no_advance:
                    trip._intl_activity_schedule(
                        "intl_cooperation.mail_activity_type_trip_report", date_deadline=deadline,
                        user_id=trip.user_id.id, summary=_lt("Advance report"))
        late = self.filtered(lambda t: t.missed_days > 0)
        updated = Case._update_for_return(late).trip_id
        # no suspicion while an extension is being decided: its rejection asks (_approval_rejected)
        # sudo: the suspicion schedules to-dos for HR and the unit head, which the confirming user may not do
        (late - updated).sudo()._without_pending_extension()._suspect_absence()

    def _order_sentence(self):
        """The order's operative sentence, whole, in the print's language: one source with the
        traveller, destination, dates and the count of days inserted (a sentence printed from
        fragments cannot follow each language's word order, nor a count agree with its noun)."""
        self.ensure_one()
        trip = self.sudo()  # the printed facts of the trip, which its readers print anyway
        date_from, date_to = trip.approved_date_from, trip.approved_date_to
        days = (date_to - date_from).days + 1 if date_from and date_to else 0
        host = trip.host_display
        # the source and its translations are the module's own text; the values are escaped here
        values = {key: Markup("%s") % (value or "") for key, value in {
            "employee": trip.employee_id.name,
            "job": self.env["intl.disciplinary.case"]._paper_job(trip.employee_id),
            "department": trip.department_id.name,
            "country": trip.country_id.name, "city": trip.city,
            "host": f" ({host})" if host else "",
            "date_from": format_date(self.env, date_from), "date_to": format_date(self.env, date_to),
            "days": count_text(self.env, days, CALENDAR_DAYS), "purpose": trip.purpose,
        }.items()}
        return Markup(self.env._(
            "To send on a business trip: %(employee)s (%(job)s, %(department)s); destination: "
            "%(country)s, %(city)s%(host)s; dates: %(date_from)s to %(date_to)s (%(days)s including "
            "travel days); purpose: %(purpose)s.", **values))

    def _without_pending_extension(self):
        return self.filtered(lambda trip: not trip.extension_ids.filtered(lambda e: e.state == "pending"))

    def _suspect_absence(self):
        """Ask the unit head and HR to confirm presence (no case before an act)."""
        if not self:
            return
        self._schedule_for_judges(self.env._("Confirm presence at work after the trip"))
        # sudo: the system records when it asked, whoever confirmed the return or runs the cron
        self.sudo()._lifecycle_write({"absence_suspected_on": fields.Date.context_today(self)})

    # batches of 100: the ORM inserts and updates by 100 rows, so a run costs the
    # same queries whatever the number of records waiting (the next batch follows at once)
    @api.model
    def _cron_check_trips(self, batch_size=100):
        """Daily: ask to confirm presence after the period or a departure without approval;
        remind overdue reports; warn of the cases' deadlines."""
        today = fields.Date.context_today(self)
        # the to-dos are the reminders of their users (activities menu): no mail per activity
        self = self.with_context(mail_activity_quick_update=True)
        # one bounded batch per step; the cron triggers itself again while work remains
        no_return = self.search([
            ("state", "=", "approved"), ("approved_date_to", "<", today),
            ("absence_suspected_on", "=", False),
            ("extension_ids", "not any", [("state", "=", "pending")])], limit=batch_size)
        no_return._suspect_absence()
        unapproved = self.search([("state", "in", APPROVAL_STATES), ("date_departure", "<=", today),
                                  ("departure_suspected_on", "=", False)], limit=batch_size)
        if unapproved:
            unapproved._schedule_for_judges(self.env._("Confirm whether the traveller left without an "
                                                       "approved trip"), heads_first=True)
            unapproved._lifecycle_write({"departure_suspected_on": today})
        overdue = self.search([("report_overdue", "=", True)])
        overdue._remind_overdue_reports()
        self.env["intl.disciplinary.case"]._cron_warn_deadlines()
        # the cron runner calls again at once (up to ten batches a run) while work remains
        full = len(no_return) == batch_size or len(unapproved) == batch_size
        self.env["ir.cron"]._notify_progress(done=len(no_return) + len(unapproved),
                                             remaining=batch_size if full else 0)

    def _remind_overdue_reports(self):
        """One reminder activity per overdue trip (idempotent)."""
        if not self:
            return
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_trip_reminder")
        reminded = {trip_id for [trip_id] in self.env["mail.activity"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids),
             ("activity_type_id", "=", activity_type.id)], ["res_id"])}
        model_id = self.env["ir.model"]._get_id(self._name)
        summary = intl_message.summary_vals(self.env, _lt("Overdue trip reports"))
        vals_list = [{
            "res_model_id": model_id, "res_id": trip.id, "activity_type_id": activity_type.id,
            "user_id": trip.user_id.id, "date_deadline": fields.Date.context_today(self), **summary,
        } for trip in self if trip.id not in reminded and trip.user_id]
        if vals_list:
            # sudo: the cron reminds travellers
            intl_message.trusting(self.env["mail.activity"].sudo()).create(vals_list)
