from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, tagged

from .common_discipline import IntlDisciplineCommon


@tagged("post_install", "-at_install")
class TestIntlTripTimeOff(IntlDisciplineCommon):
    """The approved period as time off Business trip: created, extended, shortened, cancelled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trip_type = cls.env.ref("intl_cooperation.hr_leave_type_business_trip")
        cls.absence_type = cls.env.ref("intl_cooperation.hr_leave_type_absence")

    def _active(self, trip):
        return trip.sudo().time_off_ids.filtered(lambda leave: leave.state == "validate")

    def _periods(self, leaves):
        return [(leave.request_date_from, leave.request_date_to) for leave in leaves.sorted("request_date_from")]

    def test_order_creates_validated_business_trip_time_off(self):
        trip = self._week_trip()
        leave = self._active(trip)
        self.assertEqual(self._periods(leave), [(date(2027, 2, 1), date(2027, 2, 5))])
        self.assertEqual(leave.holiday_status_id, self.trip_type)
        self.assertEqual(leave.holiday_status_id.time_type, "other", "worked (paid) time")
        self.assertEqual(leave.holiday_status_id.intl_timesheet_code, "К")
        self.assertEqual(leave.number_of_days, 5)
        self.assertEqual(leave.employee_id, self.employee_requester)
        self.assertEqual(leave.first_approver_id, self.employee_management, "validated by the order")
        self.assertIn(trip.order_number, leave.private_name)
        self.assertTrue(leave.meeting_id.active, "the trip is in the employee's calendar")
        # presence: away on a business trip during the period
        with freeze_time("2027-02-03 08:00:00"):
            employee = self.employee_requester.with_user(self.user_head)
            employee.invalidate_recordset(["intl_on_trip", "is_absent"])
            self.assertTrue(employee.intl_on_trip)
            self.assertTrue(employee.is_absent)
            public = self.env["hr.employee.public"].with_user(self.user_head).browse(employee.id)
            self.assertTrue(public.intl_on_trip)
        with freeze_time("2027-02-08 08:00:00"):
            self.employee_requester.invalidate_recordset(["intl_on_trip"])
            self.assertFalse(self.employee_requester.intl_on_trip)

    def test_extension_extends_the_same_time_off(self):
        trip = self._week_trip()
        leave = self._active(trip)
        with freeze_time("2027-02-04 10:00:00"):
            self.env["intl.trip.extension"].with_user(self.user_requester).create({
                "trip_id": trip.id, "date_to": date(2027, 2, 10), "reason": "Conference prolonged"})
        self.assertEqual(self._periods(self._active(trip)), [(date(2027, 2, 1), date(2027, 2, 5))],
                         "a pending extension changes nothing")
        trip.with_user(self.user_officer).action_approval_approve()
        trip.with_user(self.user_management).action_approval_approve()
        self.assertEqual(self._active(trip), leave)
        self.assertEqual(self._periods(leave), [(date(2027, 2, 1), date(2027, 2, 10))])
        self.assertEqual(leave.number_of_days, 8)
        self.assertEqual(len(leave.meeting_id), 1)
        self.assertEqual(self.env["calendar.event"].search_count(
            [("res_model", "=", "hr.leave"), ("res_id", "=", leave.id)]), 1, "one calendar event")

    def test_early_return_shortens_it(self):
        trip = self._week_trip()
        with freeze_time("2027-02-04 12:00:00"):
            self._confirm(trip, date(2027, 2, 4))  # back at work on Thursday morning
        self.assertEqual(self._periods(self._active(trip)), [(date(2027, 2, 1), date(2027, 2, 3))])
        self.assertEqual(self._active(trip).number_of_days, 3)

    def test_return_after_a_late_extension_lengthens_it(self):
        trip = self._week_trip()
        with freeze_time("2027-02-04 10:00:00"):
            self.env["intl.trip.extension"].with_user(self.user_requester).create({
                "trip_id": trip.id, "date_to": date(2027, 2, 12), "reason": "Conference prolonged"})
        with freeze_time("2027-02-10 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 9, 15))  # back on Tuesday afternoon
            self.assertEqual(self._periods(self._active(trip)), [(date(2027, 2, 1), date(2027, 2, 5))])
            trip.with_user(self.user_officer).action_approval_approve()
            trip.with_user(self.user_management).action_approval_approve()
        self.assertEqual(trip.approved_date_to, date(2027, 2, 12))
        self.assertEqual(self._periods(self._active(trip)), [(date(2027, 2, 1), date(2027, 2, 9))])

    def test_late_return_never_overlaps_the_absence(self):
        trip, case = self._case_with_act(now="2027-02-09 12:00:00")
        with freeze_time("2027-02-10 12:00:00"):
            self._confirm(trip, date(2027, 2, 10))
        business = self._active(trip)
        absence = case.sudo().leave_ids.filtered(lambda leave: leave.state == "validate")
        self.assertEqual(self._periods(business), [(date(2027, 2, 1), date(2027, 2, 5))])
        self.assertEqual(self._periods(absence), [(date(2027, 2, 8), date(2027, 2, 9))])
        self.assertEqual(absence.holiday_status_id, self.absence_type)
        # no day is counted twice in the employee's time off
        leaves = self.env["hr.leave"].search([("employee_id", "=", self.employee_requester.id),
                                              ("state", "=", "validate")])
        days = [d for leave in leaves for d in (leave.request_date_from, leave.request_date_to)]
        self.assertEqual(len(leaves), 2)
        self.assertEqual(sum(leaves.mapped("number_of_days")), 7)
        self.assertEqual(sorted(days), [date(2027, 2, 1), date(2027, 2, 5), date(2027, 2, 8), date(2027, 2, 9)])

    def test_cancellation_cancels_it(self):
        trip = self._approve(self._create_trip())
        leave = self._active(trip)
        self.assertTrue(leave)
        trip.with_user(self.user_requester).action_cancel()
        self.assertEqual(trip.state, "cancel")
        self.assertEqual(leave.state, "cancel")
        self.assertFalse(leave.meeting_id.active)

    def test_other_time_off_is_left_as_it_is(self):
        sick = self.env["hr.leave"].with_context(leave_skip_state_check=True).create({
            "employee_id": self.employee_requester.id,
            "holiday_status_id": self.env.ref("hr_holidays.holiday_status_sl").id,
            "request_date_from": date(2027, 2, 3), "request_date_to": date(2027, 2, 3)})
        sick.action_validate()
        trip = self._week_trip()
        self.assertEqual(self._periods(self._active(trip)),
                         [(date(2027, 2, 1), date(2027, 2, 2)), (date(2027, 2, 4), date(2027, 2, 5))])
        self.assertEqual(sick.state, "validate")

    def test_nobody_requests_a_business_trip(self):
        Leave = self.env["hr.leave"].with_user(self.user_requester)
        with self.assertRaises(ValidationError):
            Leave.create({"employee_id": self.employee_requester.id,
                          "holiday_status_id": self.trip_type.id,
                          "request_date_from": date(2027, 3, 1), "request_date_to": date(2027, 3, 2)})
        trip = self._week_trip()
        with self.assertRaises(ValidationError):
            Leave.create({"employee_id": self.employee_requester.id,
                          "holiday_status_id": self.trip_type.id, "intl_trip_id": trip.id,
                          "request_date_from": date(2027, 3, 1), "request_date_to": date(2027, 3, 2)})

    def test_hr_reads_business_trips_per_unit_and_month(self):
        self._week_trip()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "intl_cooperation.hr_leave_action_business_trip_report")
        self.assertEqual(action["res_model"], "hr.leave")
        domain = [("holiday_status_id", "=", self.trip_type.id), ("state", "=", "validate")]
        groups = self.env["hr.leave"].with_user(self.user_hr)._read_group(
            domain, ["department_id", "date_from:month"], ["__count", "number_of_days:sum"])
        self.assertIn((self.department, date(2027, 2, 1), 1, 5.0),
                      [(dep, month.date(), count, days) for dep, month, count, days in groups])


@tagged("post_install", "-at_install")
class TestIntlTripTimeOffButton(IntlDisciplineCommon):
    """The trip's form opens its time off: a button counting what the user may read of it."""

    def test_trip_opens_its_time_off(self):
        trip = self._week_trip()
        leave = trip.sudo().time_off_ids
        self.assertEqual(len(leave), 1)
        arch = trip.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="action_view_time_off"', arch)
        self.assertIn('invisible="not time_off_count"', arch)
        # the traveller (their own time off) and HR (every business trip) count it and open it
        for user in (self.user_requester, self.user_hr):
            form = Form(trip.with_user(user))
            self.assertEqual(form.time_off_count, 1, user.name)
            action = trip.with_user(user).action_view_time_off()
            self.assertEqual((action["res_model"], action["res_id"]), ("hr.leave", leave.id))
            opened = self.env["hr.leave"].with_user(user).browse(action["res_id"])
            opened.invalidate_recordset()
            self.assertEqual(opened.read(["intl_trip_id"])[0]["intl_trip_id"][0], trip.id)
        # the DIC officer reads the trip, not the traveller's time off: no button, nothing opened
        officer_trip = trip.with_user(self.user_officer)
        officer_trip.invalidate_recordset()
        self.assertEqual(officer_trip.read(["time_off_count"])[0]["time_off_count"], 0)
        with self.assertRaises(AccessError):
            self.env["hr.leave"].with_user(self.user_officer).browse(leave.id).read(["intl_trip_id"])


@tagged("post_install", "-at_install")
class TestIntlTripTimeOffTour(IntlDisciplineCommon, HttpCase):
    """A colleague sees the traveller away on a business trip in the employees' kanban."""

    def test_traveller_shows_as_away(self):
        trip = self._create_trip(departure=self.today - timedelta(days=1), days=3)
        trip.with_user(self.user_management)._do_allow_late_submission("The host moved the meeting")
        self._approve(trip)
        self.assertTrue(trip.sudo().time_off_ids)
        self.employee_requester.invalidate_recordset(["intl_on_trip"])
        self.assertTrue(self.employee_requester.with_user(self.user_head).intl_on_trip)
        self.start_tour(f"/odoo/action-hr.hr_employee_public_action?company_ids={self.company.id}",
                        "intl_trip_time_off_tour", login=self.user_head.login)
