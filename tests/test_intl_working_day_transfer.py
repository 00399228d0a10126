from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_discipline import DISCIPLINE_TODAY, IntlDisciplineCommon


@tagged("post_install", "-at_install")
class TestIntlWorkingDayTransfer(IntlDisciplineCommon):
    """A decree makes a Saturday a working day and gives a day off in exchange."""

    freeze_time = DISCIPLINE_TODAY  # the whole test, setup included, runs on a set day

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Almaty"

    def _transfer(self, worked, off, user=None, **vals):
        return self.env["intl.working.day.transfer"].with_user(user or self.user_hr).create({
            "name": "Government decree No. 000 (test)", "date_worked": worked, "date_off": off,
            "company_id": self.company.id, **vals})

    def test_hr_enters_a_transfer_with_its_day_off(self):
        transfer = self._transfer(date(2027, 2, 6), date(2027, 2, 12))
        self.assertEqual(transfer.schedule_dayofweek, "4", "worked with the hours of the Friday off")
        leave = transfer.leave_id
        self.assertTrue(leave)
        self.assertFalse(leave.resource_id)
        self.assertFalse(leave.calendar_id, "every schedule of the company")
        self.assertEqual(leave.company_id, self.company)
        self.assertEqual(leave.time_type, "leave")
        # the day off is the Friday from midnight to midnight in the schedule's time zone
        self.assertEqual(leave.date_from, self._local(2027, 2, 12))
        self.assertEqual(leave.date_to, datetime(2027, 2, 12, 18, 59, 59))
        self.assertIn("Government decree No. 000", leave.name)
        # HR corrects the decree: the day off follows
        transfer.with_user(self.user_hr).write({"date_off": date(2027, 2, 15)})
        self.assertEqual(leave.date_from, self._local(2027, 2, 15))
        self.assertEqual(transfer.schedule_dayofweek, "0")
        # the working Saturday and the day off, on the employee's calendar
        Case = self.env["intl.disciplinary.case"]
        employee = self.employee_requester
        saturday = Case._missed_working_time(employee, self._local(2027, 2, 6), self._local(2027, 2, 7))
        self.assertEqual(saturday, (8.0, [date(2027, 2, 6)]))
        monday = Case._missed_working_time(employee, self._local(2027, 2, 15), self._local(2027, 2, 16))
        self.assertEqual(monday, (0.0, []))
        # removing the transfer removes its day off
        transfer.with_user(self.user_hr).unlink()
        self.assertFalse(leave.exists())
        saturday = Case._missed_working_time(employee, self._local(2027, 2, 6), self._local(2027, 2, 7))
        self.assertEqual(saturday, (0.0, []))

    def test_only_hr_edits_transfers(self):
        transfer = self._transfer(date(2027, 2, 6), date(2027, 2, 12))
        self.assertTrue(transfer.with_user(self.user_requester).read(["date_worked"]))
        for user in (self.user_requester, self.user_head, self.user_officer):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._transfer(date(2027, 2, 13), date(2027, 2, 19), user=user)
                with self.assertRaises(AccessError):
                    transfer.with_user(user).write({"date_off": date(2027, 2, 19)})
        with self.assertRaises(ValidationError):
            self._transfer(date(2027, 2, 20), date(2027, 2, 20))
        with self.assertRaises(ValidationError):  # one transfer of a day per company (and schedule)
            self._transfer(date(2027, 2, 6), date(2027, 2, 19))

    def test_transferred_saturday_in_the_gap_is_a_missed_working_day(self):
        self._transfer(date(2027, 2, 6), date(2027, 2, 12))
        trip = self._week_trip()  # ends Friday 5 February 2027
        with freeze_time("2027-02-08 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 8, 9))  # back on Monday at the start
        self.assertEqual(trip.missed_hours, 8.0)
        self.assertEqual(trip.missed_days, 1)
        self.assertEqual(trip.absence_suspected_on, date(2027, 2, 8))
        with freeze_time("2027-02-08 12:00:00"):
            case = self._act(trip)
        self.assertEqual(case.date_offence, date(2027, 2, 6))
        self.assertEqual((case.missed_hours, case.missed_days), (8.0, 1))
        self.assertEqual((case.leave_id.request_date_from, case.leave_id.request_date_to),
                         (date(2027, 2, 6), date(2027, 2, 6)))

    def test_a_six_day_schedule_is_not_affected(self):
        six_days = self.calendar.copy({"name": "Six-day week (test)"})
        six_days.attendance_ids = [Command.create({
            "name": "Saturday", "dayofweek": "5", "hour_from": 9, "hour_to": 14,
            "day_period": "morning"})]
        self.employee_requester.resource_calendar_id = six_days
        self._transfer(date(2027, 2, 6), date(2027, 2, 12))
        Case = self.env["intl.disciplinary.case"]
        saturday = Case._missed_working_time(
            self.employee_requester, self._local(2027, 2, 6), self._local(2027, 2, 7))
        self.assertEqual(saturday, (5.0, [date(2027, 2, 6)]), "its own Saturday hours, not doubled")

    def test_explanation_deadline_skips_a_holiday_and_counts_a_transferred_saturday(self):
        self._transfer(date(2027, 3, 6), date(2027, 3, 12))
        trip, case = self._case_with_act("2027-03-04 12:00:00")
        with freeze_time("2027-03-05 06:00:00"):  # Friday; Saturday 6 worked; Monday 8 March off
            case.with_user(self.user_hr).action_request_explanation()
        self.assertEqual(case.explanation_deadline, date(2027, 3, 9))

    def test_no_act_of_absence_without_a_missed_working_day(self):
        trip = self._week_trip()
        with freeze_time("2027-02-08 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 8, 10))  # one hour late
            with self.assertRaises(UserError):
                self._act(trip, user=self.user_hr)
        self.assertFalse(trip.sudo().case_ids)

    def test_hr_edits_the_seeded_public_holidays(self):
        # the seeded 8 March 2027, as the test company's public holiday (common_discipline)
        holiday = self.env["resource.calendar.leaves"].search([
            ("calendar_id", "=", self.calendar.id), ("resource_id", "=", False)], limit=1)
        self.assertEqual(holiday.name, "International Women's Day")
        holiday.with_user(self.user_hr).write({"name": "International Women's Day (edited)"})
        self.assertEqual(holiday.name, "International Women's Day (edited)")
        with self.assertRaises(AccessError):
            holiday.with_user(self.user_requester).write({"name": "Not a holiday"})

    def test_nothing_to_change_is_not_refused(self):
        """Odoo's time off removes the working-time leaves of the requests it changes, as the
        user who approves them (a leave manager without HR rights): none to remove is no refusal."""
        Leaves = self.env["resource.calendar.leaves"].with_user(self.user_requester)
        Leaves.search([("holiday_id", "in", [])]).unlink()
        Leaves.browse().write({"name": "Nothing"})
        Leaves.create([])
        holiday = self.env["resource.calendar.leaves"].search([
            ("calendar_id", "=", self.calendar.id), ("resource_id", "=", False)], limit=1)
        with self.assertRaises(AccessError):
            holiday.with_user(self.user_requester).unlink()
        self.assertTrue(holiday.exists())

    def test_a_transfer_for_one_schedule(self):
        self.user_hr.tz = "Europe/Brussels"  # another time zone than the schedule's
        transfer = self._transfer(date(2027, 2, 6), date(2027, 2, 12), calendar_id=self.calendar.id)
        self.assertEqual(transfer.leave_id.calendar_id, self.calendar)
        self.assertEqual(transfer.leave_id.date_from, self._local(2027, 2, 12))
        Case = self.env["intl.disciplinary.case"]
        friday = Case._missed_working_time(
            self.employee_requester, self._local(2027, 2, 12), self._local(2027, 2, 13))
        self.assertEqual(friday, (0.0, []))
