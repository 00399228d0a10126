import base64
from datetime import date, datetime, timedelta

import pytz
from freezegun import freeze_time

from odoo import Command

from .common_trip import IntlTripCommon

TZ = "Asia/Almaty"


# the day the discipline tests are run on, before the trips of February and March 2027 they draw;
# every later date of a test is set under its own frozen clock
DISCIPLINE_TODAY = "2027-01-04 06:00:00"


class IntlDisciplineCommon(IntlTripCommon):
    """A 09:00-13:00 / 14:00-18:00 working week in Almaty for the traveller, and helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "University week (test)", "tz": TZ, "company_id": cls.company.id,
            "attendance_ids": [
                Command.create({"name": f"{day} {period}", "dayofweek": str(day),
                                "hour_from": start, "hour_to": stop, "day_period": period})
                for day in range(5)
                for start, stop, period in ((9, 13, "morning"), (14, 18, "afternoon"))],
        })
        cls.employee_requester.write({"resource_calendar_id": cls.calendar.id, "tz": TZ})
        # the seeded public holiday of 8 March 2027, for the test company's calendar
        seeded = cls.env.ref("intl_cooperation.resource_calendar_leaves_kz_2027_03_08")
        cls.env["resource.calendar.leaves"].create({
            "name": seeded.name, "date_from": seeded.date_from, "date_to": seeded.date_to,
            "calendar_id": cls.calendar.id, "company_id": cls.company.id})
        cls.witnesses = cls.employee_coordinator | cls.employee_officer

    @staticmethod
    def _local(year, month, day, hour=0, minute=0):
        """A local Almaty time as the naive UTC datetime the ORM stores."""
        local = pytz.timezone(TZ).localize(datetime(year, month, day, hour, minute))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _week_trip(self, monday=date(2027, 2, 1)):
        """An approved trip from a Monday to the Friday of the same week, applied for and approved
        four weeks ahead (the 15-day rule), under a frozen clock so that it holds on any day."""
        with freeze_time(datetime.combine(monday - timedelta(days=28), datetime.min.time()).replace(hour=6)):
            return self._approve(self._create_trip(departure=monday, days=5))

    def _act(self, trip, user=None, kind="no_return"):
        wizard = self.env["intl.disciplinary.act"].with_user(user or self.user_head).with_context(
            default_trip_id=trip.id, default_kind=kind).create({
                "witness_ids": [Command.set(self.witnesses.ids)]})
        wizard.action_confirm()
        return trip.sudo().case_ids

    def _propose(self, trip, when):
        self.env["intl.trip.return"].with_user(self.user_requester).with_context(
            default_trip_id=trip.id, default_mode="propose").create({
                "return_at": when, "evidence": base64.b64encode(b"%PDF-1.4 boarding pass"),
                "evidence_name": "boarding-pass.pdf"}).action_confirm()

    def _confirm(self, trip, when, user=None):
        self.env["intl.trip.return"].with_user(user or self.user_head).with_context(
            default_trip_id=trip.id, default_mode="confirm").create({
                "return_at": when}).action_confirm()

    def _case_with_act(self, now="2027-02-09 12:00:00"):
        """A trip ending Friday 5 February 2027, the employee absent, the act drawn up on ``now``."""
        trip = self._week_trip()
        with freeze_time(now):
            self.env["intl.trip"]._cron_check_trips()
            case = self._act(trip)
        return trip, case
