from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestIntlTripReturn(IntlTripCommon):

    def test_late_return_opens_one_case(self):
        trip = self._approve(self._create_trip())
        end = trip.approved_date_to
        with freeze_time(end + timedelta(days=4)):
            wizard = self.env["intl.trip.return"].with_user(self.user_requester).create({
                "trip_id": trip.id, "date_return": end + timedelta(days=3)})
            wizard.action_confirm()
            self.assertEqual(trip.days_late, 3)
            case = trip.sudo().case_ids
            self.assertEqual(len(case), 1)
            self.assertEqual(case.kind, "late_return")
            self.assertEqual(case.days_late, 3)
            self.assertEqual(case.employee_id, self.employee_requester)
            # the daily cron does not open another case for the same trip
            self.env["intl.trip"]._cron_check_trips()
            trip._open_cases("late_return")
            self.assertEqual(len(trip.sudo().case_ids), 1)
        activities = trip.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("intl_cooperation.mail_activity_type_trip_report"))
        self.assertEqual(len(activities), 2)  # assignment report and advance report
        self.assertEqual(activities[0].date_deadline, end + timedelta(days=13))

    def test_return_in_time_opens_no_case(self):
        trip = self._approve(self._create_trip())
        with freeze_time(trip.approved_date_to + timedelta(days=1)):
            trip.with_user(self.user_requester)._register_return(trip.approved_date_to)
        self.assertFalse(trip.sudo().case_ids)
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester)._register_return(trip.approved_date_to)

    def test_cron_no_return_one_case_per_trip_across_runs(self):
        trips = self._approve(self._create_trip()) | self._approve(self._create_trip(
            departure=self.today + timedelta(days=40)))
        Case = self.env["intl.disciplinary.case"]
        with freeze_time(self.today + timedelta(days=30)):
            self.env["intl.trip"]._cron_check_trips()
            self.assertFalse(Case.search([("trip_id", "in", trips.ids)]))
        with freeze_time(self.today + timedelta(days=60)):
            self.env["intl.trip"]._cron_check_trips()
            self.env["intl.trip"]._cron_check_trips()
        cases = Case.search([("trip_id", "in", trips.ids)])
        self.assertEqual(len(cases), 2)
        self.assertEqual(set(cases.mapped("kind")), {"no_return"})
        self.assertEqual(cases.trip_id, trips)

    def test_cron_unapproved_departure(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        with freeze_time(trip.date_departure):
            self.env["intl.trip"]._cron_check_trips()
            self.env["intl.trip"]._cron_check_trips()
        case = trip.sudo().case_ids
        self.assertEqual(len(case), 1)
        self.assertEqual(case.kind, "unapproved_departure")

    def test_cron_reminds_overdue_reports_once(self):
        trip = self._approve(self._create_trip())
        with freeze_time(trip.approved_date_to + timedelta(days=1)):
            trip.with_user(self.user_requester)._register_return(trip.approved_date_to)
        reminder = self.env.ref("intl_cooperation.mail_activity_type_trip_reminder")
        with freeze_time(trip.approved_date_to + timedelta(days=12)):
            self.assertIn(trip, self.env["intl.trip"].search([("report_overdue", "=", True)]))
            self.env["intl.trip"]._cron_check_trips()
            self.env["intl.trip"]._cron_check_trips()
        self.assertEqual(len(trip.activity_ids.filtered(lambda a: a.activity_type_id == reminder)), 1)

    def test_cron_query_count_does_not_grow(self):
        def run(count):
            trips = self.env["intl.trip"].browse()
            for _index in range(count):
                trips |= self._approve(self._create_trip())
            with freeze_time(self.today + timedelta(days=60)):
                self.env["intl.trip"]._cron_check_trips()  # opens the cases
                self.env.invalidate_all()
                with self.assertQueryCount(15):
                    self.env["intl.trip"]._cron_check_trips()  # finds them open already
            return trips
        run(2)
        run(6)

    def test_explanation_deadline_and_decision(self):
        trip = self._approve(self._create_trip())
        with freeze_time(trip.approved_date_to + timedelta(days=5)):
            trip.with_user(self.user_requester)._register_return(trip.approved_date_to + timedelta(days=2))
        case = trip.sudo().case_ids.with_user(self.user_hr)
        with self.assertRaises(UserError):
            case.with_user(self.user_requester).action_request_explanation()
        with freeze_time("2026-12-04"):  # a Friday: two working days = Monday and Tuesday
            case.action_request_explanation()
            self.assertEqual(case.explanation_deadline, date(2026, 12, 8))
            with self.assertRaises(UserError):  # not yet expired
                case.action_refusal_act()
        with freeze_time("2026-12-09"):
            self.assertTrue(case.explanation_overdue)
            case.action_refusal_act()
            self.assertEqual(case.state, "refusal")
            with self.assertRaises(UserError):
                case.action_decide()
            case.decision = "reprimand"
            case.action_decide()
            self.assertEqual(case.sanction_valid_until, date(2027, 6, 9))
            case.action_close()
        self.assertEqual(case.state, "closed")
        with self.assertRaises(UserError):
            case.unlink()

    def test_decision_deadline_warning(self):
        trip = self._approve(self._create_trip())
        with freeze_time(trip.approved_date_to + timedelta(days=5)):
            trip.with_user(self.user_requester)._register_return(trip.approved_date_to + timedelta(days=2))
        case = trip.sudo().case_ids
        self.assertEqual(case.decision_deadline, case.date_discovered + timedelta(
            days=(case.decision_deadline - case.date_discovered).days))
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

    def test_case_visibility(self):
        trip = self._approve(self._create_trip())
        with freeze_time(trip.approved_date_to + timedelta(days=5)):
            trip.with_user(self.user_requester)._register_return(trip.approved_date_to + timedelta(days=2))
        case = trip.sudo().case_ids
        self.assertEqual(self.env["intl.disciplinary.case"].with_user(self.user_requester).search([]), case)
        with self.assertRaises(AccessError):
            case.with_user(self.user_requester_other).read(["facts"])
        with self.assertRaises(AccessError):
            case.with_user(self.user_requester).write({"decision": "none"})
        self.assertEqual(self.employee_requester.with_user(self.user_hr).intl_case_count, 1)
