from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

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

    _approval_submit_states = {"default": ("draft",), "extension": ("approved",)}
    _approval_pending_state = {"default": "to_head"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel",)

    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "approval": "default", "who": (REQUESTER, OFFICER)},
        "to_head": {"from": ("draft",), "to": "to_head", "who": ("approval",)},
        "to_dic": {"from": ("draft", "to_head"), "to": "to_dic", "who": ("approval",)},
        "to_management": {"from": ("draft", "to_head", "to_dic"), "to": "to_management",
                          "who": ("approval",)},
        "approve": {"from": APPROVAL_STATES, "to": "approved", "who": ("approval",)},
        "reject": {"from": APPROVAL_STATES, "to": "draft", "who": ("approval",)},
        "register_return": {"from": ("approved",), "to": "returned", "who": (REQUESTER, OFFICER)},
        "close": {"from": ("returned",), "to": "done", "who": ("system",),
                  "guard": "_guard_close"},
        "cancel": {"from": ("draft", *APPROVAL_STATES, "approved"), "to": "cancel",
                   "who": (REQUESTER, OFFICER), "guard": "_guard_cancel"},
        "reset": {"from": ("cancel",), "to": "draft", "who": (REQUESTER, OFFICER),
                  "guard": "_guard_reset"},
    }
    _lifecycle_workflow_fields = (
        "order_number", "order_date", "approved_date_from", "approved_date_to",
        "late_submission_reason", "late_submission_user_id", "date_return_actual",
        "report_deadline", "settled_date", "assignment_report_date",
    )

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Company Currency")
    state = fields.Selection(TRIP_STATES, default="draft", required=True, tracking=True,
                             copy=False, index=True)
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
    assignment = fields.Text(help="What the traveller has to do (the service task).")
    agreement_id = fields.Many2one("intl.agreement", "Agreement", tracking=True, check_company=True)
    plan_line_id = fields.Many2one(
        "intl.agreement.plan.line", "Plan Activity", domain="[('agreement_id', '=', agreement_id)]",
        check_company=True)
    date_departure = fields.Date("Departure", required=True, tracking=True)
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
    days_late = fields.Integer(compute="_compute_days_late", store=True)
    report_deadline = fields.Date("Reports Due", copy=False, tracking=True)
    results = fields.Html("Results of the Assignment", copy=False)
    assignment_report_date = fields.Date("Assignment Report Submitted", copy=False, tracking=True)
    report_overdue = fields.Boolean(compute="_compute_report_overdue", search="_search_report_overdue")
    case_ids = fields.One2many("intl.disciplinary.case", "trip_id", "Disciplinary Cases")
    case_count = fields.Integer(compute="_compute_case_count")
    can_edit_dates = fields.Boolean(compute="_compute_can_edit_dates")
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_register_return = fields.Boolean(compute="_compute_lifecycle_can")
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

    @api.depends("date_return_actual", "approved_date_to")
    def _compute_days_late(self):
        for trip in self:
            if trip.date_return_actual and trip.approved_date_to:
                trip.days_late = max((trip.date_return_actual - trip.approved_date_to).days, 0)
            else:
                trip.days_late = 0

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
            "&", ("host_pays_all", "=", False), ("money_state", "in", ("to_pay", "advanced")),
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

    def _approval_check_can_submit(self, purpose):
        if purpose != "default":
            return
        today = fields.Date.context_today(self)
        for trip in self:
            days = trip.company_id.intl_trip_submit_days
            if (trip.date_departure - today).days < days and not trip.late_submission_reason:
                raise UserError(self.env._(
                    "%(trip)s departs on %(date)s: an application must be submitted at least "
                    "%(days)s calendar days before departure. Management can allow a late "
                    "submission with a reason.", trip=trip.name, date=trip.date_departure, days=days))
            if not trip.host_pays_all and not trip.estimate_line_ids:
                raise UserError(self.env._(
                    "Fill in the cost estimate of %(trip)s before submitting it.", trip=trip.name))

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
                trip.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=trip.user_id.id,
                    summary=self.env._("Trip approved: order %(number)s", number=trip.order_number),
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
            trip.message_post(
                body=self.env._("Extension approved: the trip now ends on %(date)s.",
                                date=extension.date_to),
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

    def _check_is_management(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_management"):
            raise UserError(self.env._("Only Management can allow a late submission."))

    def _do_allow_late_submission(self, reason):
        self._check_is_management()
        for trip in self:
            if trip.state != "draft":
                raise UserError(self.env._("Only a draft trip can be allowed a late submission."))
            trip._lifecycle_write({"late_submission_reason": reason,
                        "late_submission_user_id": self.env.uid})
            trip.message_post(
                body=Markup("%s<br/>%s") % (
                    self.env._("Management allowed a submission later than the deadline."),
                    self.env._("Reason: %(reason)s", reason=reason)),
                subtype_xmlid="mail.mt_note")

    def action_propose_per_diem(self):
        for trip in self:
            trip._propose_per_diem()

    def _propose_per_diem(self):
        """Per diem line = the destination's rate x calendar days including travel days."""
        self.ensure_one()
        category = self.env["intl.trip.expense.category"].search([("is_per_diem", "=", True)], limit=1)
        rate = self.env["intl.per.diem.rate"]._find_rate(
            self.country_id, self.date_departure, self.job_id, self.company_id)
        if not category or not rate:
            raise UserError(self.env._("No per-diem rate applies to %(country)s on %(date)s.",
                                       country=self.country_id.name, date=self.date_departure))
        vals = {"category_id": category.id, "quantity": self.duration_days,
                "unit_amount": rate.amount, "currency_id": rate.currency_id.id,
                "name": self.env._("Per diem, %(country)s (%(days)s days)",
                                   country=self.country_id.name, days=self.duration_days)}
        line = self.estimate_line_ids.filtered(lambda line: line.category_id == category)[:1]
        if line:
            line.write(vals)
        else:
            self.write({"estimate_line_ids": [fields.Command.create(vals)]})

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
        self.ensure_one()
        self._lifecycle_check("register_return")
        return self._lifecycle_open_wizard("intl.trip.return", self.env._("Register Return"),
                                           {"default_trip_id": self.id})

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
            return self.env._("An advance was paid for %(trip)s: the traveller returns it first.",
                              trip=self.name)
        return False

    def action_draft(self):
        self._lifecycle_run("reset")

    def _guard_reset(self):
        if self.order_date:
            return self.env._("%(trip)s already has an order.", trip=self.name)
        return False

    def _guard_close(self):
        if not self.assignment_report_date or not (self.host_pays_all or self.settled_date):
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

    def _register_return(self, date_return):
        """Record the actual return, ask for the reports, open a case when late."""
        today = fields.Date.context_today(self)
        if not date_return:
            raise UserError(self.env._("Enter the actual return date."))
        for trip in self:
            if trip.state != "approved":
                raise UserError(self.env._("%(trip)s is not an approved trip under way.",
                                           trip=trip.name))
            trip._lifecycle_check("register_return")
            if date_return < trip.approved_date_from:
                raise UserError(self.env._("The return cannot be before the departure."))
            if date_return > today:
                raise UserError(self.env._("The return cannot be in the future."))
            deadline = date_return + relativedelta(days=trip.company_id.intl_trip_report_days)
            trip._lifecycle_do("register_return", {"date_return_actual": date_return,
                                                   "report_deadline": deadline})
            if trip.user_id:
                trip.activity_schedule(
                    "intl_cooperation.mail_activity_type_trip_report", date_deadline=deadline,
                    user_id=trip.user_id.id,
                    summary=self.env._("Assignment report (form 717-02)"))
                if not trip.host_pays_all:
                    trip.activity_schedule(
                        "intl_cooperation.mail_activity_type_trip_report", date_deadline=deadline,
                        user_id=trip.user_id.id, summary=self.env._("Advance report"))
        late = self.filtered(lambda t: t.days_late > 0)
        late._open_cases("late_return")

    def _open_cases(self, kind):
        """Open the disciplinary cases of ``kind`` for these trips (see the case model)."""
        return self.env["intl.disciplinary.case"]._open_for_trips(self, kind)

    @api.model
    def _cron_check_trips(self, batch_size=500):
        """Daily: cases for trips overdue or departed without approval, report reminders."""
        today = fields.Date.context_today(self)
        no_return = self.search([("state", "=", "approved"), ("approved_date_to", "<", today)])
        for start in range(0, len(no_return), batch_size):
            no_return[start:start + batch_size]._open_cases("no_return")
        unapproved = self.search([("state", "in", ("to_head", "to_dic", "to_management")),
                                  ("date_departure", "<=", today)])
        for start in range(0, len(unapproved), batch_size):
            unapproved[start:start + batch_size]._open_cases("unapproved_departure")
        overdue = self.search([("report_overdue", "=", True)])
        overdue._remind_overdue_reports()
        self.env["intl.disciplinary.case"]._cron_warn_deadlines()

    def _remind_overdue_reports(self):
        """One reminder activity per overdue trip (idempotent)."""
        if not self:
            return
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_trip_reminder")
        reminded = {trip_id for [trip_id] in self.env["mail.activity"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids),
             ("activity_type_id", "=", activity_type.id)], ["res_id"])}
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [{
            "res_model_id": model_id, "res_id": trip.id, "activity_type_id": activity_type.id,
            "user_id": trip.user_id.id, "date_deadline": fields.Date.context_today(self),
            "summary": self.env._("Overdue trip reports"),
        } for trip in self if trip.id not in reminded and trip.user_id]
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)  # sudo: the cron reminds travellers
