from datetime import date, datetime, timedelta
from types import SimpleNamespace

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged
from odoo.tools import convert_file

from ..demo_scenario import dates
from ..demo_scenario.common import today

# the demo's trips (demo/intl_trip_demo.xml): days from today to the departure and to the return
PAST_DEPARTURES = (-3, -12, -60, -90, -120, -45, -30, -14, -34, -38, -50, -56)
LATE_RETURNS = (-25, -29, -33, -45, -51)  # the approved ends of the trips of late travellers
NO_RETURN = -9  # the approved end of the trip whose traveller is not back
REFUSAL_RETURN = -33
SCHOLAR_ARRIVALS = (-95, -62, -40)  # visits under way or over (demo/intl_scholar_demo.xml)


def sweep_dates(env):
    """A year's traps: every weekday, the days around each public holiday and carried-over day off
    of 2026 and 2027 (the module's calendar data), New Year's Eve, a leap day."""
    days = {date(2027, 6, 7) + timedelta(days=n) for n in range(7)}  # Monday to Sunday
    holidays = env["resource.calendar.leaves"].search([
        ("resource_id", "=", False), ("date_from", ">=", "2025-12-31"), ("date_from", "<", "2028-01-01")])
    for holiday in holidays:
        day = (holiday.date_from + timedelta(hours=5)).date()  # Almaty
        days |= {day - timedelta(days=1), day, day + timedelta(days=1)}
    days |= {date(2026, 12, 7), date(2026, 12, 31), date(2027, 12, 31), date(2028, 2, 29)}
    return sorted(days)


@tagged("post_install", "-at_install")
class TestDemoScenarioDates(TransactionCase):
    """The demo's dates are chosen through the working calendar on any day of the year: a late
    traveller misses 2 working days, a file is in time under the 15- and 40-day rules on a working
    day, the refusal's two working days are over."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.env.ref("intl_cooperation.hr_employee_lecturer_demo")
        cls.office = cls.env.ref("intl_cooperation.hr_employee_dic_officer_demo")
        cls.Case = cls.env["intl.disciplinary.case"]

    def _missed(self, employee, first, end):
        start = self.Case._day_start(employee, first)
        return self.Case._missed_working_time(employee, start, self.Case._day_start(employee, end))[1]

    def _is_working_day(self, employee, day):
        return bool(self._missed(employee, day, day + timedelta(days=1)))

    def test_sweep_covers_the_traps(self):
        days = sweep_dates(self.env)
        self.assertGreater(len(days), 80)
        self.assertEqual({day.weekday() for day in days}, set(range(7)))
        for trap in (date(2026, 10, 26), date(2026, 3, 9), date(2027, 1, 1), date(2028, 2, 29)):
            self.assertIn(trap, days)

    def test_dates_on_every_trap_day(self):
        submit_days = self.env.company.intl_trip_submit_days
        scholar_days = self.env.company.intl_scholar_submit_days
        case = self.Case.new({"employee_id": self.employee.id, "company_id": self.env.company.id})
        days = sweep_dates(self.env)
        # one frozen clock moved from day to day: starting freezegun scans every loaded module
        # (a tenth of a second each time), moving it does not
        with freeze_time(datetime.combine(days[0], datetime.min.time())) as clock:
            self._check_days(days, clock, case, submit_days, scholar_days)

    def _check_days(self, days, clock, case, submit_days, scholar_days):
        # each day in the morning and in the evening of the university (Almaty, UTC+5): from
        # 19:00 UTC it is already the next day there, the demo's today (demo_scenario/common.py)
        for day, hour in ((day, hour) for day in days for hour in (6, -3)):
            clock.move_to(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))
            with self.subTest(day=day, utc=f"{hour % 24:02d}:00"):
                self.assertEqual(today(), day)
                # late travellers miss exactly 2 working days, and are back by today
                for offset in LATE_RETURNS:
                    trip = SimpleNamespace(approved_date_to=day + timedelta(days=offset), employee_id=self.employee)
                    back = dates.late_return_day(self.env, trip)
                    self.assertLessEqual(back, day)
                    first = trip.approved_date_to + timedelta(days=1)
                    self.assertEqual(len(self._missed(self.employee, first, back)), 2)
                # the traveller not back has missed working time by today (the act can be drawn)
                end = day + timedelta(days=NO_RETURN)
                self.assertTrue(self._missed(self.employee, end + timedelta(days=1), day))
                # trips under way or over were filed in time, on a working day, before today
                for offset in PAST_DEPARTURES:
                    departure = day + timedelta(days=offset)
                    filed = dates.submission_day(self.env, SimpleNamespace(
                        date_departure=departure, employee_id=self.employee))
                    self.assertGreaterEqual((departure - filed).days, submit_days)
                    self.assertTrue(self._is_working_day(self.employee, filed), filed)
                # the refusal: the act and the request on a working day after the late return,
                # whose two working days to explain are over by today
                acted = dates.working_days_back(self.env, 5, self.employee)
                back = dates.late_return_day(self.env, SimpleNamespace(
                    approved_date_to=day + timedelta(days=REFUSAL_RETURN), employee_id=self.employee))
                self.assertTrue(self._is_working_day(self.employee, acted), acted)
                self.assertLess(back, acted)
                self.assertLess(case._explanation_deadline(acted), day)
                # the scholars under way were filed in time under the 40-day rule, on a working day
                for offset in SCHOLAR_ARRIVALS:
                    arrival = day + timedelta(days=offset)
                    filed = dates.working_day_on_or_before(self.env, arrival - timedelta(days=scholar_days + 5))
                    self.assertGreaterEqual((arrival - filed).days, scholar_days)
                    self.assertTrue(self._is_working_day(self.office, filed), filed)


# the demo trips' statuses the scenario reaches, whatever the day (demo_scenario/trips.py, discipline.py,
# trip_money.py: the settled trips are done; a company without a chart of accounts leaves them returned)
TRIP_STATES = {
    "draft": "draft", "draft_late": "draft", "to_head": "to_head", "to_dic": "to_dic",
    "to_management": "to_management", "approved": "approved", "approved_eur": "approved",
    "abroad": "approved", "returned": "returned", "settled_under": "done", "settled_over": "returned",
    "settled_foreign": "done", "host": "done", "late": "returned", "late_noreturn": "approved",
    "late_explained": "returned", "late_refusal": "returned", "late_decided": "returned",
    "late_closed": "returned",
}
CASE_STATES = {
    "late_noreturn": "open", "late": "explanation_requested", "late_explained": "explanation_received",
    "late_refusal": "refusal", "late_decided": "decided", "late_closed": "closed",
}
# a handful of the traps: the Monday of a carried-over day off (Republic Day, the days make run
# once failed were after it), Nauryz on a Sunday, the leap day (New Year is in the sweep above);
# Nauryz in the university's evening: 21:00 UTC on the 20th is already the 21st in Almaty, where
# the demo users live (the install once stopped at 19:12 UTC)
BUILD_CLOCKS = ("2026-10-26 06:00:00", "2027-03-20 21:00:00", "2028-02-29 06:00:00")


@tagged("post_install", "-at_install")
class TestDemoScenarioBuild(TransactionCase):
    """The whole trip scenario (trips, cases, money) built again as of a trap day, with the clock
    frozen: the same statuses, no late submission invented, the rule shown on the late draft."""

    def _rebuild_trips(self):
        """Free the demo trips' xml ids and load the trips' demo file again: drafts dated from the
        (frozen) today, moved by the scenario that the last demo file runs."""
        data = self.env["ir.model.data"].search([("module", "=", "intl_cooperation"), ("model", "=", "intl.trip")])
        installed = self.env["intl.trip"].browse(data.mapped("res_id"))
        # the time off of the installed demo's absences would overlap the new ones
        installed.case_ids._cancel_time_off()
        for xmlid in data:
            xmlid.name = f"{xmlid.name}_{installed[:1].id}_{xmlid.res_id}"
        for filename in ("demo/intl_trip_demo.xml", "demo/intl_demo_scenario.xml"):
            convert_file(self.env, "intl_cooperation", filename, {}, mode="init", noupdate=True)
        return installed

    def test_build_on_trap_days(self):
        for clock in BUILD_CLOCKS:
            with self.subTest(clock=clock), freeze_time(clock):
                installed = self._rebuild_trips()
                states = {}
                for suffix in TRIP_STATES:
                    trip = self.env.ref(f"intl_cooperation.intl_trip_{suffix}_demo")
                    self.assertNotIn(trip, installed)
                    states[suffix] = trip.state
                    self.assertFalse(trip.late_submission_reason, f"{suffix}: no late submission invented")
                self.assertEqual(states, TRIP_STATES)
                cases = {suffix: self.env.ref(f"intl_cooperation.intl_trip_{suffix}_demo").case_ids.state
                         for suffix in CASE_STATES}
                self.assertEqual(cases, CASE_STATES)
                late = self.env.ref("intl_cooperation.intl_trip_draft_late_demo")
                self.assertTrue(late.submission_late)
                self.assertTrue(late.late_request_pending)
                late_returns = self.env["intl.trip"].browse([
                    self.env.ref(f"intl_cooperation.intl_trip_{suffix}_demo").id
                    for suffix in CASE_STATES if suffix != "late_noreturn"])
                self.assertEqual(set(late_returns.mapped("missed_days")), {2})
