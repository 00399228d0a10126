from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.misc import get_lang
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from ..tools.numbers import MONTHS, WORKING_DAYS, WORKING_HOURS, count_text, format_number
from .intl_lifecycle_mixin import _LIFECYCLE_KEY, _LIFECYCLE_TOKEN

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

HR = "intl_cooperation.group_intl_hr"
SYSTEM = "system"

CASE_KINDS = [
    ("late_return", "Late return"),
    ("no_return", "No return from the trip"),
    ("unapproved_departure", "Departure without an approved trip"),
]
# Kinds about the absence after the approved period: one case per trip for all of them.
ABSENCE_KINDS = ("late_return", "no_return")
DECISIONS = [
    ("none", "No sanction (good reason)"),
    ("remark", "Remark"),
    ("reprimand", "Reprimand"),
    ("severe_reprimand", "Severe reprimand"),
    ("dismissal", "Dismissal"),
]
# Sanctions that stay in force for a period and then lift (Labour Code art. 66).
TEMPORARY_SANCTIONS = ("remark", "reprimand", "severe_reprimand")
OPEN_STATES = ("open", "explanation_requested", "explanation_received", "refusal")


class IntlDisciplinaryCase(models.Model):
    """Absence from work linked to a business trip (DP 717 section 5.3; Labour Code art. 64-66).

    A case exists only once the absence is confirmed by an act (the unit
    head and witnesses sign it; ``intl.disciplinary.act``). HR officers move
    it through its lifecycle: request a written explanation (due within the
    configured working days on the employee's calendar), record it or draw up
    an act of refusal, decide within one month of the discovery and six
    months of the offence (afterwards only a closing without sanction), and
    the sanction lifts itself after its validity (cron) or earlier by HR.
    The employee concerned and the readers HR adds read the case; nobody else.
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
    reader_user_ids = fields.Many2many(
        "res.users", "intl_disciplinary_case_reader_rel", "case_id", "user_id", "Readers",
        help="Besides HR and the employee concerned, these users may read the case.")
    trip_id = fields.Many2one("intl.trip", "Trip", ondelete="restrict", index=True)
    kind = fields.Selection(CASE_KINDS, required=True, tracking=True, readonly=True)
    facts = fields.Text("Recorded Facts", help="The facts as stated when the act was drawn up.")
    facts_summary = fields.Text(
        "Facts", compute="_compute_facts_summary",
        help="The facts of the case from the act and the trip's record, in the reader's language.")
    # the act of absence (or of departure) that opened the case
    act_date = fields.Date("Act Drawn Up On", tracking=True, readonly=True)
    act_head_id = fields.Many2one("hr.employee", "Act Signed by the Unit Head", readonly=True)
    act_witness_ids = fields.Many2many("hr.employee", "intl_disciplinary_case_witness_rel",
                                       "case_id", "employee_id", "Witnesses", readonly=True)
    # the absence, measured on the employee's working calendar
    absence_from = fields.Datetime("Absent From", tracking=True, readonly=True)
    absence_to = fields.Datetime("Back At Work", tracking=True, readonly=True,
                                 help="The confirmed return; empty while the employee is away.")
    missed_hours = fields.Float("Missed Working Hours", digits=(16, 2), tracking=True, readonly=True)
    missed_days = fields.Integer("Days of Absence", tracking=True, readonly=True,
                                 help="Working days with at least the configured consecutive hours "
                                      "missed (3 by the Labour Code).")
    date_offence = fields.Date("Offence On", tracking=True, readonly=True,
                               help="The first working day of the absence (or the departure).")
    date_discovered = fields.Date("Discovered On", required=True, readonly=True,
                                  default=fields.Date.context_today)
    leave_ids = fields.Many2many(
        "hr.leave", "intl_disciplinary_case_hr_leave_rel", "case_id", "leave_id", "Time Off Records",
        readonly=True, copy=False,
        help="The absence in timekeeping: one time off per run of absence days, around the "
             "employee's other time off.")
    leave_id = fields.Many2one("hr.leave", "Time Off Record", compute="_compute_leave_id",
                               help="The first time off recording the absence.")
    state = fields.Selection(
        [("open", "Open"), ("explanation_requested", "Explanation Requested"),
         ("explanation_received", "Explanation Received"), ("refusal", "Refusal Act"),
         ("decided", "Decided"), ("closed", "Closed")],
        default="open", required=True, tracking=True, index=True,
        group_expand="_lifecycle_group_expand")
    explanation_requested_on = fields.Date(readonly=True)
    explanation_deadline = fields.Date(readonly=True, tracking=True)
    explanation = fields.Text()
    explanation_date = fields.Date(readonly=True)
    refusal_act_date = fields.Date("Act of Refusal", readonly=True)
    decision = fields.Selection(DECISIONS, tracking=True)
    decision_date = fields.Date(readonly=True, tracking=True)
    closing_reason = fields.Text(
        help="Why the case is closed without a sanction (good reason, deadline passed, ...).")
    good_reason = fields.Boolean(
        "Good Reason Found", tracking=True,
        help="The absence had a good reason: closing the case without a sanction removes its time "
             "off 'Absence without good reason'.")
    sanction_valid_until = fields.Date(readonly=True, tracking=True)
    lift_reason = fields.Text("Reason to Lift Early")
    sanction_lifted_on = fields.Date(readonly=True, tracking=True)
    decision_deadline = fields.Date(
        compute="_compute_decision_deadline", store=True,
        help="One month from the discovery and six months from the offence (configurable), "
             "whichever comes first.")
    deadline_near = fields.Boolean(compute="_compute_deadline_near")
    explanation_overdue = fields.Boolean(compute="_compute_deadline_near")
    decision_overdue = fields.Boolean(compute="_compute_deadline_near")
    sanction_in_force = fields.Boolean(compute="_compute_deadline_near")
    can_request_explanation = fields.Boolean(compute="_compute_lifecycle_can")
    can_record_explanation = fields.Boolean(compute="_compute_lifecycle_can")
    can_refusal_act = fields.Boolean(compute="_compute_lifecycle_can")
    can_decide = fields.Boolean(compute="_compute_lifecycle_can")
    can_close = fields.Boolean(compute="_compute_lifecycle_can")
    can_close_without_sanction = fields.Boolean(compute="_compute_lifecycle_can")
    can_lift = fields.Boolean(compute="_compute_lifecycle_can")

    _lifecycle_transitions = {
        "request_explanation": {"from": ("open",), "to": "explanation_requested", "who": (HR,)},
        "record_explanation": {"from": ("explanation_requested",), "to": "explanation_received",
                               "who": (HR,), "guard": "_guard_record_explanation"},
        "refusal_act": {"from": ("explanation_requested",), "to": "refusal", "who": (HR,),
                        "guard": "_guard_refusal_act"},
        "decide": {"from": ("explanation_received", "refusal"), "to": "decided", "who": (HR,),
                   "guard": "_guard_decide"},
        "close": {"from": ("decided",), "to": "closed", "who": (HR,), "guard": "_guard_close"},
        "close_without_sanction": {"from": OPEN_STATES, "to": "closed", "who": (HR,),
                                   "guard": "_guard_close_without_sanction"},
        "lift": {"from": ("decided",), "to": "closed", "who": (HR, SYSTEM), "guard": "_guard_lift"},
    }
    _lifecycle_workflow_fields = (
        "explanation_requested_on", "explanation_deadline", "explanation_date", "refusal_act_date",
        "decision_date", "sanction_valid_until", "sanction_lifted_on", "act_date", "act_head_id",
        "act_witness_ids", "absence_from", "absence_to", "missed_hours", "missed_days",
        "date_offence", "leave_ids", "kind", "trip_id", "employee_id", "date_discovered",
    )

    @api.depends("leave_ids")
    def _compute_leave_id(self):
        for case in self:
            case.leave_id = case.leave_ids.sorted("request_date_from")[:1]

    @api.depends("kind", "missed_hours", "missed_days", "absence_to", "trip_id.approved_date_to",
                 "trip_id.date_departure")
    @api.depends_context("lang")
    def _compute_facts_summary(self):
        for case in self:
            # sudo: the case states the dates of its trip, which the employee and HR read on the case
            trip = case.trip_id.sudo()
            if not trip:
                case.facts_summary = case.facts or False
                continue
            values = {"end": format_date(self.env, trip.approved_date_to),
                      "date": format_date(self.env, trip.date_departure),
                      "back": case._local_datetime(case.absence_to),
                      "hours": count_text(self.env, case.missed_hours, WORKING_HOURS, case._hours_digits()),
                      "days": count_text(self.env, case.missed_days, WORKING_DAYS)}
            if case.kind not in ABSENCE_KINDS:
                case.facts_summary = self.env._(
                    "The departure date %(date)s was reached while the trip was not approved.",
                    **values)
            elif case.absence_to:
                case.facts_summary = self.env._(
                    "The approved period ended on %(end)s; the confirmed return to work is "
                    "%(back)s: %(hours)s missed (%(days)s of absence).",
                    **values)
            else:
                case.facts_summary = self.env._(
                    "The approved period ended on %(end)s and the employee is not back at work: "
                    "%(hours)s missed so far (%(days)s of absence).",
                    **values)

    @api.depends("date_discovered", "date_offence", "company_id.intl_case_decision_months",
                 "company_id.intl_case_offence_months")
    def _compute_decision_deadline(self):
        for case in self:
            company = case.company_id
            deadlines = []
            if case.date_discovered:
                deadlines.append(case.date_discovered + relativedelta(
                    months=company.intl_case_decision_months or 1))
            if case.date_offence:
                deadlines.append(case.date_offence + relativedelta(
                    months=company.intl_case_offence_months or 6))
            case.decision_deadline = min(deadlines) if deadlines else False

    def _compute_deadline_near(self):
        today = fields.Date.context_today(self)
        for case in self:
            open_case = case.state in OPEN_STATES
            case.deadline_near = bool(open_case and case.decision_deadline
                                      and 0 <= (case.decision_deadline - today).days <= 7)
            case.decision_overdue = bool(open_case and case.decision_deadline
                                         and case.decision_deadline < today)
            case.explanation_overdue = bool(case.state == "explanation_requested"
                                            and case.explanation_deadline
                                            and case.explanation_deadline < today)
            case.sanction_in_force = bool(case.state == "decided" and case.sanction_valid_until
                                          and not case.sanction_lifted_on)

    @api.constrains("trip_id", "kind")
    def _check_one_case_per_offence(self):
        """One offence, one case: one absence case per trip, one departure case per trip."""
        trips = self.trip_id
        if not trips:
            return
        counts = defaultdict(int)
        # sudo: the rule must see the cases the current user cannot read
        for trip, kind, count in self.sudo()._read_group(
                [("trip_id", "in", trips.ids)], ["trip_id", "kind"], ["__count"]):
            counts[trip, kind in ABSENCE_KINDS] += count
        if any(count > 1 for count in counts.values()):
            raise ValidationError(self.env._(
                "A trip has one disciplinary case per offence: update the existing case."))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._lifecycle_next_reference(vals_list, "intl.disciplinary.case")
        cases = super().create(vals_list)
        cases._notify_hr()
        return cases

    def write(self, vals):
        if {"decision", "closing_reason", "good_reason", "lift_reason", "facts"} & set(vals) \
                and not self._lifecycle_trusted():
            # HR decides on a case about someone else only (no right to write at all is an
            # access error first)
            self.check_access("write")
            self._lifecycle_check_may_act()
        if "decision" in vals and not self._lifecycle_trusted() \
                and self._lifecycle_changes("decision", vals["decision"]) \
                and any(case.state in ("decided", "closed") for case in self):
            raise UserError(self.env._("The decision is taken: it no longer changes."))
        if {"good_reason", "closing_reason"} & set(vals) and not self._lifecycle_trusted() \
                and any(case.state == "closed" for case in self):
            raise UserError(self.env._("The case is closed: its closing reason no longer changes."))
        return super().write(vals)

    def _lifecycle_subject_users(self):
        # sudo: the employee's user, whoever handles the case
        return super()._lifecycle_subject_users() | self.sudo().employee_id.user_id.with_env(self.env)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if self:
            raise UserError(self.env._(
                "A disciplinary case rests on a signed act: close it without a sanction, "
                "never delete it."))

    # ------------------------------------------------------------------
    # Working time (Labour Code art. 52.1.9: 3 consecutive hours in one working day)
    # ------------------------------------------------------------------

    @api.model
    def _employee_calendar(self, employee):
        return employee.resource_calendar_id or employee.company_id.resource_calendar_id

    @api.model
    def _paper_tz_name(self, company):
        """The time zone of the company's papers: its address's (Asia/Almaty for the university),
        False when it has none (then the employee's)."""
        # sudo: the company's time zone is read for any paper printed in it
        tz = company.sudo().partner_id.tz
        return tz if tz and tz != "UTC" else False

    @api.model
    def _employee_tz(self, employee):
        calendar = self._employee_calendar(employee)
        return pytz.timezone(employee.tz or calendar.tz or "UTC")

    @api.model
    def _day_start(self, employee, day):
        """The start of ``day`` in the employee's time zone, as a naive UTC datetime."""
        local = self._employee_tz(employee).localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _missed_working_time(self, employee, start, end):
        """``(hours, absence days)`` missed by ``employee`` between ``start`` and ``end``.

        ``start`` and ``end`` are naive UTC datetimes. Working time comes from
        the employee's calendar without the public holidays and the
        employee's other time off; a day counts as absence when at least the
        company's threshold of hours (3) is missed in it. The absence is one
        continuous period, so the hours missed in one day are consecutive
        (only breaks of the calendar interrupt them).
        """
        calendar = self._employee_calendar(employee)
        if not calendar or not start or not end or end <= start:
            return 0.0, []
        tz = self._employee_tz(employee)
        absence_type = self.env.ref("intl_cooperation.hr_leave_type_absence",
                                    raise_if_not_found=False)
        # public holidays and decrees (no resource), validated time off (a time off record):
        # never a leave typed for the employee alone, whoever made it
        domain = [("time_type", "=", "leave"), "|", ("resource_id", "=", False),
                  ("holiday_id", "!=", False)]
        if absence_type:
            # the time off recorded for this absence must not hide the absence itself
            domain += ["|", ("holiday_id", "=", False),
                       ("holiday_id.holiday_status_id", "!=", absence_type.id)]
        resource = employee.resource_id
        # sudo: the calendars and the time off of the employee are read only to measure the absence
        intervals = calendar.sudo()._work_intervals_batch(
            pytz.utc.localize(start), pytz.utc.localize(end), resources=resource.sudo(),
            domain=domain, tz=tz)[resource.id]
        per_day = defaultdict(float)
        for begin, stop, _meta in intervals:
            per_day[begin.date()] += (stop - begin).total_seconds() / 3600.0
        threshold = employee.company_id.intl_case_absence_hours or 3.0
        days = sorted(day for day, hours in per_day.items() if hours >= threshold - 1e-6)
        return round(sum(per_day.values()), 2), days

    def _absence_vals(self, trip, end=None):
        """Absence facts of ``trip`` from the day after its approved period to ``end``."""
        employee = trip.employee_id
        start = self._day_start(employee, trip.approved_date_to + timedelta(days=1))
        stop = end or trip.return_at or fields.Datetime.now()
        hours, days = self._missed_working_time(employee, start, stop)
        return {"absence_from": start, "absence_to": end or trip.return_at or False,
                "missed_hours": hours, "missed_days": len(days),
                "date_offence": days[0] if days else trip.approved_date_to + timedelta(days=1)}

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _notify_hr(self):
        group = self.env.ref("intl_cooperation.group_intl_hr")
        hr_user = group.users.filtered(lambda u: not u.share)[:1]
        if not hr_user:
            return
        model_id = self.env["ir.model"]._get_id(self._name)
        summary = intl_message.summary_vals(self.env, _lt("Request an explanation"))
        intl_message.trusting(self.env["mail.activity"].sudo()).create([{  # sudo: the system assigns HR's work
            "res_model_id": model_id, "res_id": case.id, "user_id": hr_user.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "date_deadline": case.date_discovered, **summary,
        } for case in self])

    def _check_hr(self):
        if not self.env.user.has_group(HR):
            raise UserError(self.env._("Only HR officers handle disciplinary cases."))
        self._lifecycle_check_may_act()

    def _explanation_deadline(self, start):
        """Working days (2 by default) after ``start``, on the employee's calendar."""
        self.ensure_one()
        days = self.company_id.intl_case_explanation_days or 2
        calendar = self._employee_calendar(self.employee_id)
        if calendar:
            begin = self._employee_tz(self.employee_id).localize(
                datetime.combine(start + timedelta(days=1), time.min))
            # sudo: the calendar and its public holidays are read to count working days
            planned = calendar.sudo().plan_days(days, begin, compute_leaves=True)
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
                case._intl_activity_schedule("mail.mail_activity_data_todo", date_deadline=deadline,
                                             user_id=case.user_id.id,
                                             summary=_lt("Written explanation"))

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
                              date=format_date(self.env, self.explanation_deadline))
        return False

    def _guard_decide(self):
        if not self.decision:
            return self.env._("Choose the decision.")
        today = fields.Date.context_today(self)
        if self.decision_deadline and today > self.decision_deadline:
            return self.env._(
                "The deadline to apply a sanction passed on %(date)s (one month from the discovery, "
                "six months from the offence): close the case without a sanction, with the reason.",
                date=format_date(self.env, self.decision_deadline))
        return False

    def _guard_close(self):
        if self.decision in TEMPORARY_SANCTIONS and not self.sanction_lifted_on:
            return self.env._("The sanction is in force until %(date)s: lift it instead.",
                              date=format_date(self.env, self.sanction_valid_until))
        return False

    def _guard_close_without_sanction(self):
        if not (self.closing_reason or "").strip():
            return self.env._("Write why the case is closed without a sanction.")
        return False

    def _guard_lift(self):
        if self.decision not in TEMPORARY_SANCTIONS or self.sanction_lifted_on:
            return self.env._("No sanction of this case is in force.")
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
            if case.decision in TEMPORARY_SANCTIONS:
                valid = today + relativedelta(months=case.company_id.intl_case_sanction_months or 6)
            case._lifecycle_run("decide", {"decision_date": today, "sanction_valid_until": valid})
            if case.decision == "none":
                case._cancel_time_off()

    def action_close(self):
        self._check_hr()
        if any(case.state != "decided" for case in self):
            raise UserError(self.env._("Decide the case before closing it."))
        self._lifecycle_run("close")

    def action_close_without_sanction(self):
        self._check_hr()
        self._lifecycle_run("close_without_sanction",
                            {"decision": "none", "decision_date": fields.Date.context_today(self)})
        # no absence without good reason to keep in timekeeping
        self.filtered("good_reason")._cancel_time_off()

    def action_lift(self):
        """HR lifts the sanction before the end of its validity, with the reason."""
        self._check_hr()
        for case in self:
            if not (case.lift_reason or "").strip():
                raise UserError(self.env._("Write why the sanction is lifted early."))
        self._lifecycle_run("lift", {"sanction_lifted_on": fields.Date.context_today(self)})
        for case in self:
            case._intl_message_post(_lt("Sanction lifted early: %(reason)s", reason=case.lift_reason),
                                    subtype_xmlid="mail.mt_note")

    def action_print(self):
        self.ensure_one()
        return self._lifecycle_open_wizard("intl.disciplinary.case.print", self.env._("Print"),
                                           {"default_case_id": self.id})

    # batches of 100: the ORM inserts and updates by 100 rows, so a run costs the
    # same queries whatever the number of records waiting (the next batch follows at once)
    @api.model
    def _cron_lift_sanctions(self, batch_size=100):
        """Daily: the sanctions whose validity is over lift themselves, in batches."""
        today = fields.Date.context_today(self)
        cases = self.search([("state", "=", "decided"), ("sanction_lifted_on", "=", False),
                             ("decision", "in", TEMPORARY_SANCTIONS),
                             ("sanction_valid_until", "<=", today)], limit=batch_size)
        # one transition and one batch of notes for the whole batch of cases
        cases._lifecycle_run("lift", {"sanction_lifted_on": today}, by=SYSTEM)
        cases._intl_message_log_batch({
            case.id: _lt("The sanction expired on %(date)s and is lifted.", date=case.sanction_valid_until)
            for case in cases})
        # the cron runner calls again at once (up to ten batches a run) while work remains
        self.env["ir.cron"]._notify_progress(
            done=len(cases), remaining=batch_size if len(cases) == batch_size else 0)

    @api.model
    def _cron_warn_deadlines(self):
        """One warning activity per case whose decision deadline is a week away."""
        today = fields.Date.context_today(self)
        cases = self.search([("state", "in", OPEN_STATES),
                             ("decision_deadline", "<=", today + timedelta(days=7))])
        if not cases:
            return
        summary_vals = intl_message.summary_vals(self.env, _lt("Decision deadline near"))
        warned = {res_id for [res_id] in self.env["mail.activity"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", cases.ids),
             ("summary", "=", summary_vals["summary"])],
            ["res_id"])}
        hr_user = self.env.ref(HR).users.filtered(lambda u: not u.share)[:1]
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [{
            "res_model_id": model_id, "res_id": case.id, **summary_vals,
            "user_id": (case.activity_ids[:1].user_id or hr_user).id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_warning").id,
            "date_deadline": case.decision_deadline,
        } for case in cases if case.id not in warned]
        if vals_list:
            # sudo: the cron warns HR (the activity is the reminder: no mail per activity)
            intl_message.trusting(self.env["mail.activity"].sudo()).with_context(
                mail_activity_quick_update=True).create(vals_list)

    # ------------------------------------------------------------------
    # Opening and updating cases (the system's, after an act)
    # ------------------------------------------------------------------

    @api.model
    def _open_for_trips(self, trips, kind, act_vals=None):
        """Open the case of ``kind`` for each of ``trips`` on a signed act; one case per offence."""
        Case = self.sudo()  # sudo: the system opens HR's case on the act of the unit head or HR
        family = list(ABSENCE_KINDS) if kind in ABSENCE_KINDS else [kind]
        existing = Case.search([("trip_id", "in", trips.ids), ("kind", "in", family)], limit=1)
        if existing:
            raise UserError(self.env._(
                "%(trip)s already has the disciplinary case %(case)s for this offence.",
                trip=existing.trip_id.name, case=existing.name))
        today = fields.Date.context_today(self)
        vals_list = []
        for trip in trips:
            vals = {"employee_id": trip.employee_id.id, "trip_id": trip.id, "kind": kind,
                    "company_id": trip.company_id.id, "date_discovered": today, **(act_vals or {})}
            if kind in ABSENCE_KINDS:
                vals.update(self._absence_vals(trip))
                vals["facts"] = Case._absence_facts(trip, vals)
            else:
                vals["date_offence"] = trip.date_departure
                vals["facts"] = self.env._(
                    "The unit head confirmed that the employee left on %(date)s for %(country)s "
                    "while the trip was not approved.", date=format_date(self.env, trip.date_departure),
                    country=trip.country_id.name)
            vals_list.append(vals)
        cases = Case.with_context(mail_create_nosubscribe=True)._lifecycle_create(vals_list)
        cases._sync_time_off()
        return cases

    @api.model
    def _absence_facts(self, trip, vals):
        hours = count_text(self.env, vals["missed_hours"], WORKING_HOURS, 2)
        days = count_text(self.env, vals["missed_days"], WORKING_DAYS)
        end = format_date(self.env, trip.approved_date_to)
        if vals.get("absence_to"):
            back = self._format_local(trip.employee_id, vals["absence_to"])
            return self.env._(
                "The approved period ended on %(end)s; the confirmed return to work is "
                "%(back)s: %(hours)s missed (%(days)s of absence).",
                end=end, back=back, hours=hours, days=days)
        return self.env._(
            "The approved period ended on %(end)s and the employee is not back at work: "
            "%(hours)s missed so far (%(days)s of absence).",
            end=end, hours=hours, days=days)

    @api.model
    def _update_for_return(self, trips):
        """A confirmed return updates the absence case of each trip (never opens another)."""
        # sudo: whoever confirms the return (unit head) may not read HR's case, which it updates
        cases = self.sudo().search([("trip_id", "in", trips.ids), ("kind", "in", ABSENCE_KINDS)])
        for case in cases:
            trip = case.trip_id
            vals = self._absence_vals(trip, end=trip.return_at)
            vals["facts"] = self._absence_facts(trip, vals)
            vals["kind"] = "late_return"
            case._lifecycle_write(vals)
            case._intl_message_post(_lt("Return confirmed: the facts and the missed time are updated."),
                                    subtype_xmlid="mail.mt_note")
            case._sync_time_off()
        return cases

    def _sync_time_off(self):
        """Record the confirmed absence days as time off 'Absence without good reason': from the act
        the days missed so far, from the confirmed return all of them."""
        leave_type = self.env.ref("intl_cooperation.hr_leave_type_absence", raise_if_not_found=False)
        now = fields.Datetime.now()
        for case in self:
            if not leave_type or not case.absence_from or case.kind not in ABSENCE_KINDS:
                continue
            case._cancel_time_off()
            end = case.absence_to or now
            hours, days = self._missed_working_time(case.employee_id, case.absence_from, end)
            if not days:
                continue
            # sudo: HR's act records the absence in timekeeping; hr_holidays rights are not HR's here
            Leave = self.env["hr.leave"].sudo().with_context(
                leave_skip_state_check=True, mail_create_nolog=True, mail_activity_quick_update=True,
                leave_fast_create=True)
            leaves = Leave.create([{
                "name": case.name,
                "employee_id": case.employee_id.id,
                "holiday_status_id": leave_type.id,
                "request_date_from": first,
                "request_date_to": last,
            } for first, last in case._absence_runs(days, leave_type)])
            leaves.filtered(lambda leave: leave.state != "validate").action_validate()
            case._lifecycle_write({"leave_ids": [Command.set(leaves.ids)]})

    def _absence_runs(self, days, leave_type):
        """``(first, last)`` runs of the absence ``days`` that no other time off of the employee cuts.

        The days of other time off are not absence days already; a time off
        spanning one would overlap it, which hr_holidays refuses.
        """
        self.ensure_one()
        # sudo: the employee's other time off is read only to go around it
        others = self.env["hr.leave"].sudo().search([
            ("employee_id", "=", self.employee_id.id), ("holiday_status_id", "!=", leave_type.id),
            ("state", "not in", ("refuse", "cancel")),
            ("request_date_from", "<=", days[-1]), ("request_date_to", ">=", days[0])])
        # a day another time off covers (a business trip's, say) is not the absence's
        days = [day for day in days if not any(
            other.request_date_from <= day <= other.request_date_to for other in others)]
        if not days:
            return []
        runs = [[days[0], days[0]]]
        for day in days[1:]:
            if any(other.request_date_from <= day and other.request_date_to >= runs[-1][1]
                   for other in others):
                runs.append([day, day])
            else:
                runs[-1][1] = day
        return [tuple(run) for run in runs]

    def _cancel_time_off(self):
        for case in self.filtered("leave_ids"):
            # sudo: the time off recorded by the case goes with the case's facts
            leaves = case.leave_ids.sudo()
            # the case's own path: Odoo's doors on these time off are closed to everybody else
            leaves.with_context(leave_skip_state_check=True, **{
                _LIFECYCLE_KEY: _LIFECYCLE_TOKEN}).action_refuse()
            case._lifecycle_write({"leave_ids": [Command.clear()]})

    # ------------------------------------------------------------------
    # Printing
    # ------------------------------------------------------------------

    def _print_langs(self):
        """The languages of a printed paper: the chosen ones, else the employee's and the company's."""
        self.ensure_one()
        chosen = self.env.context.get("intl_print_langs")
        if chosen:
            return list(chosen)
        return [self.env.context.get("lang") or "en_US"]

    def _employee_lang(self):
        self.ensure_one()
        employee = self.employee_id.sudo()  # sudo: the language is read to print in it
        return employee.user_id.lang or employee.work_contact_id.lang or self.company_id.partner_id.lang

    def _local_datetime(self, value):
        """``value`` (naive UTC) in the employee's time zone, as text in the reader's format."""
        self.ensure_one()
        return self._format_local(self.employee_id, value)

    @api.model
    def _format_local(self, employee, value):
        """``value`` (naive UTC) in the company's time zone (the employee's when the company has
        none), in the date and time format of the language of the context (the reader's or the
        printed paper's): a legal paper never reads in UTC."""
        if not value:
            return ""
        paper_tz = self._paper_tz_name(employee.company_id or self.env.company)
        tz = pytz.timezone(paper_tz) if paper_tz else self._employee_tz(employee)
        local = pytz.utc.localize(value).astimezone(tz)
        lang = get_lang(self.env)
        time_format = (lang.time_format or "%H:%M").replace(":%S", "")
        return local.strftime(f"{lang.date_format} {time_format}")

    def _hours_text(self):
        """The hours missed as the paper's language writes numbers (7,5 in Kazakh and Russian)."""
        self.ensure_one()
        return format_number(self.env, self.missed_hours or 0.0, self._hours_digits())

    def _hours_digits(self):
        """Decimals of the hours missed: none for whole hours, one for tenths, else two."""
        self.ensure_one()
        hours = self.missed_hours or 0.0
        return 0 if hours == int(hours) else (1 if round(hours * 10) == hours * 10 else 2)

    @api.model
    def _paper_refusal_sentence(self):
        """The act of refusal's statement, whole, in the paper's language (its count of working
        days agreeing with its noun)."""
        self.ensure_one()
        case = self.sudo()  # the facts of the case its paper prints
        values = {key: Markup("<strong>%s</strong>") % (value or "") if key == "employee"
                  else Markup("%s") % (value or "") for key, value in {
                      "employee": case.employee_id.name,
                      "days": count_text(self.env, case.company_id.intl_case_explanation_days or 2, WORKING_DAYS),
                      "deadline": format_date(self.env, case.explanation_deadline),
                  }.items()}
        # the source and its translations are the module's own text; the values are escaped here
        return Markup(self.env._(
            "The employee %(employee)s was requested to give a written explanation (time given: "
            "%(days)s, by %(deadline)s). By the date of this act no written explanation has been given.",
            **values))

    def _paper_request_sentence(self):
        """The request's statement, whole, in the paper's language (its count agreeing)."""
        self.ensure_one()
        case = self.sudo()  # the facts of the case its paper prints
        values = {
            "days": Markup("<strong>%s</strong>") % count_text(
                self.env, case.company_id.intl_case_explanation_days or 2, WORKING_DAYS),
            "deadline": Markup("<strong>%s</strong>") % format_date(self.env, case.explanation_deadline),
        }
        # the source and its translations are the module's own text; the values are escaped here
        return Markup(self.env._(
            "Under article 65 of the Labour Code of the Republic of Kazakhstan you are requested to give "
            "a written explanation of the reasons (time given: %(days)s, by %(deadline)s). If no "
            "explanation is given by then, an act is drawn up; the absence of an explanation does not "
            "prevent a sanction.", **values))

    def _paper_sanction_term(self):
        """How long the sanction is in force, in the paper's language ("6 месяцев", "1 месяц")."""
        self.ensure_one()
        return count_text(self.env, self.sudo().company_id.intl_case_sanction_months or 0, MONTHS)

    def _paper_job(self, employee):
        """The employee's position in the paper's language: the job position (translated) when
        there is one, else the job title as typed."""
        # sudo: the position printed on a paper about the employee
        employee = employee.sudo()
        return employee.job_id.name or employee.job_title or ""
