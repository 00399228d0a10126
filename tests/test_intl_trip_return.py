from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_discipline import DISCIPLINE_TODAY, IntlDisciplineCommon

PRESENCE = "Confirm presence at work after the trip"


@tagged("post_install", "-at_install")
class TestIntlTripReturn(IntlDisciplineCommon):
    """Returns measured on the working calendar; suspicion, act, one case per offence."""

    freeze_time = DISCIPLINE_TODAY  # the whole test, setup included, runs on a set day

    def _presence_activities(self, trip):
        return trip.sudo().activity_ids.filtered(lambda a: a.summary == PRESENCE)

    def test_friday_end_saturday_return_is_no_absence(self):
        trip = self._week_trip()
        self.assertEqual(trip.approved_date_to, date(2027, 2, 5))  # a Friday
        with freeze_time("2027-02-08 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 6, 15))
        self.assertEqual(trip.state, "returned")
        self.assertEqual(trip.date_return_actual, date(2027, 2, 6))
        self.assertEqual(trip.missed_hours, 0.0)
        self.assertEqual(trip.missed_days, 0)
        self.assertFalse(trip.absence_suspected_on)
        self.assertFalse(self._presence_activities(trip))
        self.assertFalse(trip.sudo().case_ids)

    def test_monday_ten_oclock_is_less_than_three_hours(self):
        trip = self._week_trip()
        with freeze_time("2027-02-08 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 8, 10))
        self.assertEqual(trip.missed_hours, 1.0)
        self.assertEqual(trip.missed_days, 0)
        self.assertFalse(self._presence_activities(trip))

    def test_tuesday_return_misses_one_working_day(self):
        trip = self._week_trip()
        with freeze_time("2027-02-09 12:00:00"):
            self._confirm(trip, date(2027, 2, 9))
        self.assertEqual(trip.missed_hours, 8.0)
        self.assertEqual(trip.missed_days, 1)
        # a suspicion for the unit head and HR, not a case
        self.assertEqual(self._presence_activities(trip).user_id, self.user_head | self.user_hr)
        self.assertEqual(trip.absence_suspected_on, date(2027, 2, 9))
        self.assertFalse(trip.sudo().case_ids)

    def test_public_holiday_in_the_gap_is_not_counted(self):
        trip = self._week_trip(monday=date(2027, 3, 1))
        with freeze_time("2027-03-09 12:00:00"):
            self._confirm(trip, date(2027, 3, 9))  # Monday 8 March is a public holiday
        self.assertEqual(trip.missed_hours, 0.0)
        self.assertEqual(trip.missed_days, 0)
        other = self._week_trip(monday=date(2027, 3, 1))
        with freeze_time("2027-03-10 12:00:00"):
            self._confirm(other, date(2027, 3, 10))  # Tuesday 9 March is missed
        self.assertEqual(other.missed_days, 1)

    def test_kazakh_public_holidays_are_seeded_and_editable(self):
        Leaves = self.env["resource.calendar.leaves"]
        for xmlid in ("resource_calendar_leaves_kz_2026_03_23", "resource_calendar_leaves_kz_2026_05_27",
                      "resource_calendar_leaves_kz_2027_05_16", "resource_calendar_leaves_kz_2027_12_16",
                      "resource_calendar_leaves_kz_2027_01_04"):
            leave = self.env.ref(f"intl_cooperation.{xmlid}")
            self.assertFalse(leave.resource_id)
            self.assertIn(leave, Leaves.search([("resource_id", "=", False)]))
        data = self.env["ir.model.data"].search([("module", "=", "intl_cooperation"),
                                                 ("model", "=", "resource.calendar.leaves")])
        self.assertTrue(all(data.mapped("noupdate")))
        self.assertGreaterEqual(len(data), 40)

    def test_pending_extension_means_no_suspicion(self):
        trip = self._week_trip()
        other = self._week_trip()
        with freeze_time("2027-02-04 10:00:00"):
            self.env["intl.trip.extension"].with_user(self.user_requester).create({
                "trip_id": trip.id, "date_to": date(2027, 2, 12), "reason": "Conference prolonged"})
        with freeze_time("2027-02-08 12:00:00"):
            self.env["intl.trip"]._cron_check_trips()
        self.assertFalse(trip.absence_suspected_on)
        self.assertFalse(self._presence_activities(trip))
        self.assertEqual(other.absence_suspected_on, date(2027, 2, 8))
        self.assertEqual(self._presence_activities(other).user_id, self.user_head | self.user_hr)
        self.assertFalse((trip | other).sudo().case_ids, "no case before an act")
        with freeze_time("2027-02-08 12:00:00"), self.assertRaises(UserError):
            self._act(trip)

    def test_late_return_while_an_extension_is_decided_is_not_suspected(self):
        trip = self._week_trip()
        with freeze_time("2027-02-04 10:00:00"):
            self.env["intl.trip.extension"].with_user(self.user_requester).create({
                "trip_id": trip.id, "date_to": date(2027, 2, 12), "reason": "Conference prolonged"})
        with freeze_time("2027-02-10 12:00:00"):
            self._confirm(trip, date(2027, 2, 10))
            self.assertEqual(trip.missed_days, 2)
            self.assertFalse(trip.absence_suspected_on)
            self.assertFalse(self._presence_activities(trip))
            # the extension is refused: now the unit head and HR are asked
            self.env["intl.approval.reject"].with_user(self.user_officer).with_context(
                active_model="intl.trip", active_ids=trip.ids).create(
                {"reason": "Not justified"}).action_reject()
        self.assertEqual(trip.extension_ids.state, "rejected")
        self.assertEqual(trip.absence_suspected_on, date(2027, 2, 10))
        self.assertEqual(self._presence_activities(trip).user_id, self.user_head | self.user_hr)
        self.assertFalse(trip.sudo().case_ids)

    def test_return_is_proposed_with_evidence_and_confirmed_by_another(self):
        trip = self._week_trip()
        with freeze_time("2027-02-08 12:00:00"):
            with self.assertRaises(UserError):  # evidence is required
                self.env["intl.trip.return"].with_user(self.user_requester).with_context(
                    default_trip_id=trip.id, default_mode="propose").create({
                        "return_at": self._local(2027, 2, 6)}).action_confirm()
            self._propose(trip, self._local(2027, 2, 6, 9))
            self.assertEqual(trip.state, "approved", "a proposal is not a return")
            evidence = trip.document_line_ids.filtered(
                lambda line: line.type_id == self.env.ref(
                    "intl_cooperation.intl_document_type_return_evidence"))
            self.assertEqual(evidence.attachment_ids.name, "boarding-pass.pdf")
            self.assertEqual(evidence.state, "received")
            self.assertTrue(trip.sudo().activity_ids.filtered(lambda a: a.user_id == self.user_head))
            for user in (self.user_requester, self.user_requester_other, self.user_accountant,
                         self.user_officer):
                with self.subTest(user=user.login), self.assertRaises(UserError):
                    trip.with_user(user)._register_return(trip.return_proposed_at)
            wizard = self.env["intl.trip.return"].with_user(self.user_head).with_context(
                default_trip_id=trip.id, default_mode="confirm").create({})
            self.assertEqual(wizard.return_at, self._local(2027, 2, 6, 9))
            wizard.action_confirm()
        self.assertEqual(trip.state, "returned")
        self.assertEqual(trip.return_confirmed_by_id, self.user_head)
        self.assertEqual(trip.report_deadline, date(2027, 2, 16))

    def test_no_return_act_then_late_return_updates_the_same_case(self):
        trip = self._week_trip()
        with freeze_time("2027-02-09 12:00:00"):
            self.env["intl.trip"]._cron_check_trips()
            self.assertFalse(trip.sudo().case_ids)
            with self.assertRaises(UserError):  # the traveller does not draw up acts
                self._act(trip, user=self.user_requester)
            with self.assertRaises(UserError):  # neither does a colleague of another unit
                self._act(trip, user=self.user_requester_other)
            case = self._act(trip)
            self.assertEqual(len(case), 1)
            self.assertEqual(case.kind, "no_return")
            self.assertEqual(case.act_head_id, self.employee_head)
            self.assertEqual(case.act_witness_ids, self.witnesses)
            self.assertEqual(case.act_date, date(2027, 2, 9))
            self.assertEqual(case.date_offence, date(2027, 2, 8))
            self.assertEqual(case.missed_days, 2)  # Monday and Tuesday until 17:00
            self.assertEqual(case.missed_hours, 15.0)
            # timekeeping sees the days missed so far from the act on
            self.assertEqual((case.leave_id.request_date_from, case.leave_id.request_date_to),
                             (date(2027, 2, 8), date(2027, 2, 9)))
            first_leave = case.leave_id
            with self.assertRaises(UserError):  # one case per offence
                self._act(trip, user=self.user_hr)
            self.env["intl.trip"]._cron_check_trips()
        with freeze_time("2027-02-10 12:00:00"):
            self._propose(trip, self._local(2027, 2, 10, 9))
            self._confirm(trip, trip.return_proposed_at, user=self.user_hr)
        cases = self.env["intl.disciplinary.case"].search([("trip_id", "=", trip.id)])
        self.assertEqual(cases, case)
        self.assertEqual(case.kind, "late_return")
        self.assertEqual(case.missed_days, 2)
        self.assertEqual(case.missed_hours, 16.0)
        self.assertEqual(case.absence_to, self._local(2027, 2, 10, 9))
        self.assertIn("16.00", case.facts)
        # timekeeping sees the absence as time off of its own type
        leave = case.leave_id
        self.assertEqual(leave.holiday_status_id, self.env.ref("intl_cooperation.hr_leave_type_absence"))
        self.assertEqual(leave.state, "validate")
        self.assertEqual((leave.request_date_from, leave.request_date_to),
                         (date(2027, 2, 8), date(2027, 2, 9)))
        self.assertEqual(leave.number_of_days, 2)
        self.assertEqual(first_leave.state, "refuse", "replaced by the time off of the whole absence")
        # the recorded time off does not hide the absence it records
        self.assertEqual(trip.missed_hours, 16.0)
        # HR opens the case with its time off (the form reads its name)
        data = case.with_user(self.user_hr).web_read(
            {"leave_id": {"fields": {"display_name": {}}}, "missed_hours": {}})[0]
        self.assertEqual(data["leave_id"]["id"], leave.id)
        business = trip.sudo().time_off_ids
        self.assertEqual(self.env["hr.leave"].with_user(self.user_hr).search([]), first_leave | leave | business,
                         "HR reads the absences the cases recorded and the business trips, not the other time off")

    def test_departure_without_approval_needs_the_unit_heads_confirmation(self):
        trip = self._create_trip(departure=date(2027, 2, 1))
        trip.with_user(self.user_requester).action_submit()
        with freeze_time("2027-02-02 10:00:00"):
            self.env["intl.trip"]._cron_check_trips()
            self.env["intl.trip"]._cron_check_trips()
            self.assertFalse(trip.sudo().case_ids)
            self.assertEqual(trip.departure_suspected_on, date(2027, 2, 2))
            self.assertEqual(trip.sudo().activity_ids.filtered(lambda a: "left" in a.summary).user_id,
                             self.user_head, "the unit head confirms it")
            with self.assertRaises(UserError):  # HR does not confirm the departure in their place
                self._act(trip, user=self.user_hr, kind="unapproved_departure")
            self.assertFalse(trip.with_user(self.user_hr).can_act_departure)
            self.assertTrue(trip.with_user(self.user_head).can_act_departure)
            case = self._act(trip, kind="unapproved_departure")
        self.assertEqual(case.kind, "unapproved_departure")
        self.assertEqual(case.date_offence, date(2027, 2, 1))

    def test_cron_query_count_does_not_grow(self):
        """The daily check costs the same number of queries for one approved trip as for fifty."""
        def queries(count):
            for _index in range(count):
                self._week_trip()
            with freeze_time("2027-02-10 12:00:00"):
                self.env["intl.trip"]._cron_check_trips()  # asks about them
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.cr.sql_log_count
                self.env["intl.trip"]._cron_check_trips()  # already asked
                self.env.flush_all()
                return self.cr.sql_log_count - before
        baseline = queries(1)
        self.assertEqual(queries(50), baseline, "the daily check grows with the trips")

    def test_advance_report_asked_only_of_trips_with_an_advance(self):
        personal = self.env.ref("intl_cooperation.intl_funding_source_personal")
        budget_trip = self._week_trip()
        personal_trip = self._approve(self._create_trip(
            departure=date(2027, 2, 1), days=5, funding_source_id=personal.id))
        self.assertTrue(personal_trip.no_advance)
        with freeze_time("2027-02-06 12:00:00"):
            for trip in (budget_trip, personal_trip):
                self._confirm(trip, date(2027, 2, 6))
        report_type = self.env.ref("intl_cooperation.mail_activity_type_trip_report")

        def summaries(trip):
            return sorted(trip.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == report_type).mapped("summary"))
        self.assertEqual(summaries(budget_trip), ["Advance report", "Assignment report (form 717-02)"])
        self.assertEqual(summaries(personal_trip), ["Assignment report (form 717-02)"])

    def test_cron_reminds_overdue_reports_once(self):
        trip = self._week_trip()
        with freeze_time("2027-02-06 12:00:00"):
            self._confirm(trip, date(2027, 2, 6))
        reminder = self.env.ref("intl_cooperation.mail_activity_type_trip_reminder")
        with freeze_time("2027-02-18 12:00:00"):
            self.assertIn(trip, self.env["intl.trip"].search([("report_overdue", "=", True)]))
            self.env["intl.trip"]._cron_check_trips()
            self.env["intl.trip"]._cron_check_trips()
        self.assertEqual(len(trip.activity_ids.filtered(lambda a: a.activity_type_id == reminder)), 1)


@tagged("post_install", "-at_install")
class TestIntlDisciplinaryCase(IntlDisciplineCommon):
    """Explanation, deadlines, decision, sanction and privacy of a case."""

    freeze_time = DISCIPLINE_TODAY  # the whole test, setup included, runs on a set day

    def test_explanation_deadline_counts_working_days_and_holidays(self):
        trip, case = self._case_with_act("2027-03-04 12:00:00")
        case = case.with_user(self.user_hr)
        with self.assertRaises(UserError):
            case.with_user(self.user_requester).action_request_explanation()
        with freeze_time("2027-03-05 06:00:00"):  # a Friday; Monday 8 March is a holiday
            case.action_request_explanation()
            self.assertEqual(case.explanation_deadline, date(2027, 3, 10))
            with self.assertRaises(UserError):  # not yet expired
                case.action_refusal_act()
        with freeze_time("2027-03-11 06:00:00"):
            self.assertTrue(case.explanation_overdue)
            case.action_refusal_act()
            self.assertEqual(case.state, "refusal")
            with self.assertRaises(UserError):
                case.action_decide()
            case.decision = "reprimand"
            case.action_decide()
        self.assertEqual(case.state, "decided")
        self.assertEqual(case.sanction_valid_until, date(2027, 9, 11))
        with self.assertRaises(UserError):  # a sanction in force is lifted, not closed
            case.action_close()
        with self.assertRaises(UserError):
            case.unlink()

    def test_decision_after_one_month_from_discovery_is_refused(self):
        trip, case = self._case_with_act()
        case = case.with_user(self.user_hr)
        self.assertEqual(case.date_discovered, date(2027, 2, 9))
        self.assertEqual(case.decision_deadline, date(2027, 3, 9))
        with freeze_time("2027-02-10 06:00:00"):
            case.action_request_explanation()
        with freeze_time("2027-03-10 06:00:00"):
            case.explanation = "My flight was cancelled."
            case.action_record_explanation()
            self.assertTrue(case.decision_overdue)
            case.decision = "reprimand"
            with self.assertRaises(UserError):
                case.action_decide()
            case.decision = "none"
            with self.assertRaises(UserError):  # only a closing without sanction, with its reason
                case.action_decide()
            with self.assertRaises(UserError):  # closing without sanction needs its reason
                case.action_close_without_sanction()
            case.closing_reason = "The one-month deadline passed."
            case.action_close_without_sanction()
        self.assertEqual(case.state, "closed")
        self.assertEqual(case.decision, "none")
        self.assertFalse(case.sanction_valid_until)
        # the absence stays in timekeeping: only the deadline passed, not the absence
        self.assertEqual(set(case.leave_ids.mapped("state")), {"validate"})

    def test_six_months_from_the_offence_bound_the_decision(self):
        trip, case = self._case_with_act()
        case.sudo()._lifecycle_write({"date_discovered": date(2027, 7, 20)})
        self.assertEqual(case.decision_deadline, date(2027, 8, 8))  # offence 8 Feb + 6 months

    def test_sanction_lifts_itself_after_six_months(self):
        trip, case = self._case_with_act()
        case = case.with_user(self.user_hr)
        with freeze_time("2027-02-10 06:00:00"):
            case.action_request_explanation()
            case.explanation = "I missed the connection."
            case.action_record_explanation()
            case.decision = "remark"
            case.action_decide()
        self.assertEqual(case.sanction_valid_until, date(2027, 8, 10))
        self.assertTrue(case.sanction_in_force)
        with self.assertRaises(UserError):
            case.write({"decision": "none"})
        Case = self.env["intl.disciplinary.case"]
        with freeze_time("2027-05-10 06:00:00"):
            Case._cron_lift_sanctions()
            self.assertEqual(case.state, "decided")
        with freeze_time("2027-08-10 06:00:00"):
            Case._cron_lift_sanctions()
        self.assertEqual(case.state, "closed")
        self.assertEqual(case.sanction_lifted_on, date(2027, 8, 10))
        self.assertTrue(case.message_ids.filtered(lambda m: "lifted" in (m.body or "")))

    def test_sanctions_lift_in_batches(self):
        # sanctions decided elsewhere in the database (the demo's case) are lifted first
        with freeze_time("2027-09-01 06:00:00"):
            self.env["intl.disciplinary.case"]._cron_lift_sanctions()
        cases = self.env["intl.disciplinary.case"]
        for monday in (date(2027, 2, 1), date(2027, 2, 8)):
            trip = self._week_trip(monday=monday)
            with freeze_time(monday + timedelta(days=9)):
                case = self._act(trip).with_user(self.user_hr)
                case.action_request_explanation()
                case.explanation = "I missed the connection."
                case.action_record_explanation()
                case.decision = "remark"
                case.action_decide()
            cases |= case
        cron = self.env.ref("intl_cooperation.ir_cron_intl_case_lift")
        # the cron runner's progress record: while work remains, it calls the next batch at once
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id, "remaining": 0, "done": 0})
        Case = self.env["intl.disciplinary.case"].with_context(ir_cron_progress_id=progress.id)
        with freeze_time("2027-09-01 06:00:00"):
            Case._cron_lift_sanctions(batch_size=1)
            self.assertEqual(sorted(cases.mapped("state")), ["closed", "decided"])
            self.assertEqual((progress.done, progress.remaining), (1, 1), "the next batch is asked for")
            Case._cron_lift_sanctions(batch_size=1)
            Case._cron_lift_sanctions(batch_size=1)
            self.assertEqual((progress.done, progress.remaining), (0, 0), "nothing left")
        self.assertEqual(set(cases.mapped("state")), {"closed"})
        self.assertTrue(all(cases.mapped("sanction_lifted_on")))

    def test_hr_lifts_a_sanction_early_with_a_reason(self):
        trip, case = self._case_with_act()
        case = case.with_user(self.user_hr)
        with freeze_time("2027-02-10 06:00:00"):
            case.action_request_explanation()
            case.explanation = "I missed the connection."
            case.action_record_explanation()
            case.decision = "reprimand"
            case.action_decide()
        with freeze_time("2027-04-01 06:00:00"):
            with self.assertRaises(UserError):
                case.action_lift()
            with self.assertRaises(UserError):
                case.with_user(self.user_head).action_lift()
            case.lift_reason = "Exemplary work on the accreditation."
            case.action_lift()
        self.assertEqual(case.state, "closed")
        self.assertEqual(case.sanction_lifted_on, date(2027, 4, 1))

    def test_good_reason_removes_the_time_off(self):
        trip, case = self._case_with_act()
        with freeze_time("2027-02-10 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 10, 9))
        leave = case.leave_id
        self.assertEqual(leave.state, "validate")
        case = case.with_user(self.user_hr)
        with freeze_time("2027-02-11 06:00:00"):
            case.action_request_explanation()
            case.explanation = "Hospitalised abroad; certificate attached."
            case.action_record_explanation()
            case.decision = "none"
            case.action_decide()
            case.action_close()
        self.assertEqual(leave.state, "refuse")
        self.assertFalse(case.leave_id)

    def test_other_time_off_inside_the_absence_splits_its_time_off(self):
        """A sick day in the middle of the absence is not absence, and the absence's time off goes
        around it (hr_holidays refuses overlapping time off)."""
        sick_type = self.env["hr.leave.type"].create({
            "name": "Sick leave (test)", "requires_allocation": "no", "leave_validation_type": "no_validation",
            "time_type": "leave", "request_unit": "day", "company_id": False})
        sick = self.env["hr.leave"].with_context(leave_skip_state_check=True).create({
            "name": "Sick", "employee_id": self.employee_requester.id, "holiday_status_id": sick_type.id,
            "request_date_from": date(2027, 2, 9), "request_date_to": date(2027, 2, 9)})
        if sick.state != "validate":
            sick.action_validate()
        trip, case = self._case_with_act(now="2027-02-10 12:00:00")
        with freeze_time("2027-02-11 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 11, 9), user=self.user_hr)
        self.assertEqual(case.missed_days, 2)  # Monday and Wednesday; Tuesday was sick leave
        leaves = case.leave_ids.sorted("request_date_from")
        self.assertEqual([(leave.request_date_from, leave.request_date_to) for leave in leaves],
                         [(date(2027, 2, 8), date(2027, 2, 8)), (date(2027, 2, 10), date(2027, 2, 10))])
        self.assertEqual(set(leaves.mapped("state")), {"validate"})
        self.assertEqual(case.leave_id, leaves[0])
        self.assertEqual(sick.state, "validate")

    def test_closing_for_a_good_reason_removes_the_time_off(self):
        trip, case = self._case_with_act()
        with freeze_time("2027-02-10 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 10, 9))
        leaves = case.leave_ids
        self.assertTrue(leaves)
        with self.assertRaises(AccessError):  # the closing is HR's, not the employee's
            case.with_user(self.user_requester).write({"good_reason": True})
        case = case.with_user(self.user_hr)
        with freeze_time("2027-03-15 06:00:00"):  # after the one-month deadline
            case.closing_reason = "Hospitalised abroad; the certificate came after the deadline."
            case.good_reason = True
            case.action_close_without_sanction()
        self.assertEqual(case.state, "closed")
        self.assertEqual(set(leaves.mapped("state")), {"refuse"})
        self.assertFalse(case.leave_ids)
        # the closing reason is HR's, and it stays as it was closed
        with self.assertRaises(UserError):
            case.write({"good_reason": False})
        employee_case = case.with_user(self.user_requester)
        with self.assertRaises(UserError):  # refused to everyone once closed, the employee included
            employee_case.write({"closing_reason": "Mine"})
        self.assertEqual(employee_case.read(["good_reason"])[0]["good_reason"], True)
        with self.assertRaises(UserError):  # the time off records are the case's own
            self.env["intl.disciplinary.case"].browse(case.id).with_user(self.user_hr).write(
                {"leave_ids": [(6, 0, leaves.ids)]})

    def test_case_privacy(self):
        trip, case = self._case_with_act()
        Case = self.env["intl.disciplinary.case"]
        self.assertEqual(Case.with_user(self.user_requester).search([]), case)
        self.assertTrue(case.with_user(self.user_requester).read(["facts", "missed_hours"]))
        for user in (self.user_requester_other, self.user_head, self.user_coordinator,
                     self.user_officer, self.user_management):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                case.with_user(user).read(["facts"])
        with self.assertRaises(AccessError):
            case.with_user(self.user_requester).write({"decision": "none"})
        with self.assertRaises(UserError):  # nobody writes the measured facts by hand
            case.with_user(self.user_hr).write({"missed_hours": 1.0})
        with self.assertRaises(UserError):  # cases come from an act only
            Case.with_user(self.user_hr).create({"employee_id": self.employee_requester.id,
                                                 "kind": "no_return"})
        # HR adds the unit head as a reader
        case.with_user(self.user_hr).write({"reader_user_ids": [(4, self.user_head.id)]})
        self.assertTrue(case.with_user(self.user_head).read(["facts"]))
        # the trip's chatter does not announce the case to every reader of the trip
        trip.invalidate_recordset()
        self.assertFalse(trip.message_ids.filtered(lambda m: case.name in (m.body or "")))
        self.assertEqual(trip.with_user(self.user_coordinator).case_count, 0)
        self.assertEqual(self.employee_requester.with_user(self.user_hr).intl_case_count, 1)

    def test_decision_deadline_warning(self):
        trip, case = self._case_with_act()
        with freeze_time(case.date_discovered + timedelta(days=10)):
            case.invalidate_recordset(["deadline_near"])
            self.assertFalse(case.deadline_near)
        with freeze_time(case.decision_deadline - timedelta(days=3)):
            case.invalidate_recordset(["deadline_near"])
            self.assertTrue(case.deadline_near)
            self.env["intl.trip"]._cron_check_trips()
            self.env["intl.trip"]._cron_check_trips()
        warnings = case.activity_ids.filtered(lambda a: a.summary == "Decision deadline near")
        self.assertEqual(len(warnings), 1)
        self.assertEqual(warnings.date_deadline, case.decision_deadline)
        self.assertEqual(case.decision_deadline, case.date_discovered + relativedelta(months=1))
