from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

HR = "intl_cooperation.group_intl_hr"

CASE_KINDS = [
    ("late_return", "Late return"),
    ("no_return", "No return registered"),
    ("unapproved_departure", "Departure without an approved trip"),
]
DECISIONS = [
    ("none", "No sanction (good reason)"),
    ("remark", "Remark"),
    ("reprimand", "Reprimand"),
    ("severe_reprimand", "Severe reprimand"),
    ("dismissal", "Dismissal"),
]


class IntlDisciplinaryCase(models.Model):
    """Absence from work linked to a business trip (DP 717 section 5.3; Labour Code art. 64-65).

    HR officers own the cases and move them through their lifecycle; the
    employee concerned reads their own. Cases are opened by the system (the
    trip return and the daily trip check) through ``_open_for_trips``.
    """

    _name = "intl.disciplinary.case"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin"]
    _description = "Disciplinary Case"
    _order = "date_discovered desc, id desc"
    _check_company_auto = True

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    employee_id = fields.Many2one("hr.employee", required=True, tracking=True, check_company=True,
                                  index=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="Employee User")
    trip_id = fields.Many2one("intl.trip", "Trip", ondelete="restrict", index=True)
    kind = fields.Selection(CASE_KINDS, required=True, tracking=True)
    facts = fields.Text()
    days_late = fields.Integer("Days of Absence")
    date_discovered = fields.Date("Discovered On", required=True, default=fields.Date.context_today)
    state = fields.Selection(
        [("open", "Open"), ("explanation_requested", "Explanation Requested"),
         ("explanation_received", "Explanation Received"), ("refusal", "Refusal Act"),
         ("decided", "Decided"), ("closed", "Closed")],
        default="open", required=True, tracking=True, index=True)
    explanation_requested_on = fields.Date(readonly=True)
    explanation_deadline = fields.Date(readonly=True, tracking=True)
    explanation = fields.Text()
    explanation_date = fields.Date(readonly=True)
    refusal_act_date = fields.Date("Act of Refusal", readonly=True)
    decision = fields.Selection(DECISIONS, tracking=True)
    decision_date = fields.Date(readonly=True, tracking=True)
    sanction_valid_until = fields.Date(readonly=True)
    decision_deadline = fields.Date(compute="_compute_decision_deadline", store=True,
                                    help="One month from the discovery of the misconduct.")
    deadline_near = fields.Boolean(compute="_compute_deadline_near")
    explanation_overdue = fields.Boolean(compute="_compute_deadline_near")
    can_request_explanation = fields.Boolean(compute="_compute_lifecycle_can")
    can_record_explanation = fields.Boolean(compute="_compute_lifecycle_can")
    can_refusal_act = fields.Boolean(compute="_compute_lifecycle_can")
    can_decide = fields.Boolean(compute="_compute_lifecycle_can")
    can_close = fields.Boolean(compute="_compute_lifecycle_can")

    _lifecycle_transitions = {
        "request_explanation": {"from": ("open",), "to": "explanation_requested", "who": (HR,)},
        "record_explanation": {"from": ("explanation_requested",), "to": "explanation_received",
                               "who": (HR,), "guard": "_guard_record_explanation"},
        "refusal_act": {"from": ("explanation_requested",), "to": "refusal", "who": (HR,),
                        "guard": "_guard_refusal_act"},
        "decide": {"from": ("explanation_received", "refusal"), "to": "decided", "who": (HR,),
                   "guard": "_guard_decide"},
        "close": {"from": ("decided",), "to": "closed", "who": (HR,)},
    }
    _lifecycle_workflow_fields = (
        "explanation_requested_on", "explanation_deadline", "explanation_date", "refusal_act_date",
        "decision_date", "sanction_valid_until",
    )

    @api.depends("date_discovered", "company_id.intl_case_decision_months")
    def _compute_decision_deadline(self):
        for case in self:
            case.decision_deadline = case.date_discovered and case.date_discovered + relativedelta(
                months=case.company_id.intl_case_decision_months or 1)

    def _compute_deadline_near(self):
        today = fields.Date.context_today(self)
        for case in self:
            open_case = case.state not in ("decided", "closed")
            case.deadline_near = bool(open_case and case.decision_deadline
                                      and case.decision_deadline - today <= timedelta(days=7))
            case.explanation_overdue = bool(case.state == "explanation_requested"
                                            and case.explanation_deadline
                                            and case.explanation_deadline < today)

    @api.model_create_multi
    def create(self, vals_list):
        self._lifecycle_next_reference(vals_list, "intl.disciplinary.case")
        cases = super().create(vals_list)
        cases._notify_hr()
        return cases

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(case.state != "open" for case in self):
            raise UserError(self.env._("A disciplinary case under way is closed, never deleted."))

    def _notify_hr(self):
        group = self.env.ref("intl_cooperation.group_intl_hr")
        hr_user = group.users.filtered(lambda u: not u.share)[:1]
        if not hr_user:
            return
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create([{  # sudo: the system assigns HR's work
            "res_model_id": model_id, "res_id": case.id, "user_id": hr_user.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "date_deadline": case.date_discovered,
            "summary": self.env._("Request an explanation"),
        } for case in self])

    def _check_hr(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_hr"):
            raise UserError(self.env._("Only HR officers handle disciplinary cases."))

    def _explanation_deadline(self, start):
        """Two working days (configurable) after ``start``, on the employee's calendar."""
        self.ensure_one()
        days = self.company_id.intl_case_explanation_days or 2
        calendar = self.employee_id.resource_calendar_id or self.company_id.resource_calendar_id
        if calendar:
            begin = datetime.combine(start + timedelta(days=1), time.min)
            planned = calendar.plan_days(days, begin, compute_leaves=True)
            if planned:
                return planned.date()
        result, added = start, 0
        while added < days:
            result += timedelta(days=1)
            if result.weekday() < 5:
                added += 1
        return result

    def action_request_explanation(self):
        self._check_hr()
        today = fields.Date.context_today(self)
        for case in self:
            if case.state != "open":
                raise UserError(self.env._("An explanation was already requested."))
            deadline = case._explanation_deadline(today)
            case._lifecycle_run("request_explanation", {"explanation_requested_on": today,
                                                        "explanation_deadline": deadline})
            if case.user_id:
                case.activity_schedule("mail.mail_activity_data_todo", date_deadline=deadline,
                                       user_id=case.user_id.id,
                                       summary=self.env._("Written explanation"))

    def action_record_explanation(self):
        self._check_hr()
        for case in self:
            if case.state != "explanation_requested":
                raise UserError(self.env._("No explanation is awaited."))
        self._lifecycle_run("record_explanation",
                            {"explanation_date": fields.Date.context_today(self)})

    def _guard_record_explanation(self):
        if not self.explanation:
            return self.env._("Write the employee's explanation first.")
        return False

    def _guard_refusal_act(self):
        if self.explanation_deadline and fields.Date.context_today(self) <= self.explanation_deadline:
            return self.env._("The employee has until %(date)s to explain.",
                              date=self.explanation_deadline)
        return False

    def _guard_decide(self):
        if not self.decision:
            return self.env._("Choose the decision.")
        return False

    def action_refusal_act(self):
        self._check_hr()
        today = fields.Date.context_today(self)
        for case in self:
            if case.state != "explanation_requested":
                raise UserError(self.env._("No explanation is awaited."))
        self._lifecycle_run("refusal_act", {"refusal_act_date": today})

    def action_decide(self):
        self._check_hr()
        today = fields.Date.context_today(self)
        for case in self:
            if case.state not in ("explanation_received", "refusal"):
                raise UserError(self.env._("Obtain the explanation (or the act of refusal) first."))
            valid = False
            if case.decision and case.decision != "none":
                valid = today + relativedelta(months=case.company_id.intl_case_sanction_months or 6)
            case._lifecycle_run("decide", {"decision_date": today, "sanction_valid_until": valid})

    @api.model
    def _cron_warn_deadlines(self):
        """One warning activity per case whose one-month decision deadline is a week away."""
        today = fields.Date.context_today(self)
        cases = self.search([("state", "not in", ("decided", "closed")),
                             ("decision_deadline", "<=", today + timedelta(days=7))])
        if not cases:
            return
        summary = self.env._("Decision deadline near")
        warned = {res_id for [res_id] in self.env["mail.activity"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", cases.ids), ("summary", "=", summary)],
            ["res_id"])}
        hr_user = self.env.ref("intl_cooperation.group_intl_hr").users.filtered(
            lambda u: not u.share)[:1]
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [{
            "res_model_id": model_id, "res_id": case.id, "summary": summary,
            "user_id": (case.activity_ids[:1].user_id or hr_user).id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_warning").id,
            "date_deadline": case.decision_deadline,
        } for case in cases if case.id not in warned]
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)  # sudo: the cron warns HR

    def action_close(self):
        self._check_hr()
        if any(case.state != "decided" for case in self):
            raise UserError(self.env._("Decide the case before closing it."))
        self._lifecycle_run("close")

    # ------------------------------------------------------------------
    # Opening cases (the system's)
    # ------------------------------------------------------------------

    @api.model
    def _open_for_trips(self, trips, kind):
        """Open one case of ``kind`` per trip of ``trips``, unless the trip already has one."""
        if not trips:
            return self.browse()
        Case = self.sudo()  # sudo: the system opens HR's cases, whoever registered the return
        existing = {trip for [trip] in Case._read_group(
            [("trip_id", "in", trips.ids), ("kind", "=", kind)], ["trip_id"])}
        today = fields.Date.context_today(self)
        vals_list = [self._prepare_trip_case_vals(trip, kind, today)
                     for trip in trips if trip not in existing]
        cases = Case.create(vals_list)
        for case in cases:
            case.trip_id.sudo().message_post(  # sudo: the cron may run for a trip the user cannot see
                body=self.env._("Disciplinary case %(case)s opened.", case=case.name),
                subtype_xmlid="mail.mt_note")
        return cases

    @api.model
    def _prepare_trip_case_vals(self, trip, kind, today):
        """Values of the case of ``kind`` opened for ``trip`` on ``today``."""
        if kind == "late_return":
            days = trip.days_late
            facts = self.env._(
                "Returned on %(actual)s although the approved period ended on %(end)s "
                "(%(days)s days late).", actual=trip.date_return_actual, end=trip.approved_date_to,
                days=days)
        elif kind == "no_return":
            days = (today - trip.approved_date_to).days
            facts = self.env._(
                "The approved period ended on %(end)s and no return is registered.",
                end=trip.approved_date_to)
        else:
            days = (today - trip.date_departure).days
            facts = self.env._(
                "The departure date %(date)s was reached while the trip was not approved.",
                date=trip.date_departure)
        return {"employee_id": trip.employee_id.id, "trip_id": trip.id, "kind": kind,
                "days_late": days, "facts": facts, "date_discovered": today,
                "company_id": trip.company_id.id}
