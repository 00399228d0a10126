from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common_annual_report import AnnualReportCommon


@tagged("post_install", "-at_install")
class TestClauseReportInDecember(AnnualReportCommon, HttpCase):
    """§7.1: the report in December, opened by the cron, with a reminder before the deadline;
    a trip counts in the year it took place."""

    def _activities(self, report):
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_annual_report")
        return self.env["mail.activity"].search([
            ("res_model", "=", "intl.annual.report"), ("res_id", "=", report.id),
            ("activity_type_id", "=", activity_type.id)])

    def _report_of(self, year):
        return self.env["intl.annual.report"].search(
            [("year", "=", year), ("company_id", "=", self.company.id)])

    def test_cron_opens_the_report_and_reminds(self):
        Report = self.env["intl.annual.report"]
        with freeze_time("2027-11-30 06:00:00"):
            Report._cron_open_december()
        self.assertFalse(self._report_of(2027))
        with freeze_time("2027-12-01 06:00:00"):
            Report._cron_open_december()
            Report._cron_open_december()  # idempotent
        report = self._report_of(2027)
        self.assertEqual(len(report), 1)
        self.assertEqual((report.state, report.december_opened_on), ("draft", date(2027, 12, 1)))
        self.assertEqual(report.date_deadline, date(2027, 12, 25))
        activities = self._activities(report)
        mine = activities.filtered(lambda a: a.user_id == self.user_dic_director)
        self.assertEqual(len(mine), 1)
        self.assertIn("2027", mine.summary)
        self.assertEqual(mine.date_deadline, date(2027, 12, 25))
        # five days before the rector's deadline: one reminder
        with freeze_time("2027-12-19 06:00:00"):
            Report._cron_open_december()
        self.assertFalse(report.december_reminded_on)
        with freeze_time("2027-12-20 06:00:00"):
            Report._cron_open_december()
            Report._cron_open_december()
        self.assertEqual(report.december_reminded_on, date(2027, 12, 20))
        self.assertEqual(len(self._activities(report).filtered(
            lambda a: a.user_id == self.user_dic_director)), 2)
        self.assertIn("Reminder", report.message_ids[:1].body)

    def test_days_are_configurable(self):
        self.company.write({"intl_report_open_day": 10, "intl_report_deadline_day": 20,
                            "intl_report_reminder_days": 2})
        Report = self.env["intl.annual.report"]
        with freeze_time("2027-12-05 06:00:00"):
            Report._cron_open_december()
        self.assertFalse(self._report_of(2027))
        with freeze_time("2027-12-10 06:00:00"):
            Report._cron_open_december()
        report = self._report_of(2027)
        self.assertEqual(report.date_deadline, date(2027, 12, 20))
        # a report already with the rector is not reminded
        report.with_user(self.user_dic_director).write({
            "summary": "<p>Partnerships grew.</p>", "conclusions": "<p>More double degrees.</p>"})
        report.with_user(self.user_dic_director).action_submit()
        with freeze_time("2027-12-18 06:00:00"):
            Report._cron_open_december()
        self.assertFalse(report.december_reminded_on)
        with self.assertRaises(ValidationError):
            self.company.write({"intl_report_open_day": 26, "intl_report_deadline_day": 25})

    def test_a_trip_counts_in_the_year_it_took_place(self):
        gone = self._trip("approved", date(2027, 12, 10), 5)
        later = self._trip("approved", date(2027, 12, 28), 7)
        back = self._trip("returned", date(2027, 3, 2), 5)
        Report = self.env["intl.annual.report"]
        Trip = self.env["intl.trip"]
        with freeze_time("2027-12-20 06:00:00"):
            trips = Trip.search(Report._domain_trips(2027, self.company))
        self.assertIn(gone, trips)  # abroad
        self.assertIn(back, trips)  # returned
        self.assertNotIn(later, trips)  # approved, not gone yet
        with freeze_time("2028-01-10 06:00:00"):
            self.assertIn(later, Trip.search(Report._domain_trips(2027, self.company)))
            self.assertNotIn(later, Trip.search(Report._domain_trips(2028, self.company)))

    @mute_logger("odoo.http")  # the refusal is expected: it is asserted below
    def test_the_cron_fields_are_the_systems(self):
        with freeze_time("2027-12-01 06:00:00"):
            self.env["intl.annual.report"]._cron_open_december()
        report = self._report_of(2027)
        self.user_dic_director.password = "dicdir-pw-1"
        self.authenticate(self.user_dic_director.login, "dicdir-pw-1")
        with self.assertRaises(JsonRpcException) as error:
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.annual.report", "method": "write",
                "args": [[report.id], {"december_reminded_on": "2027-12-02"}], "kwargs": {}})
        self.assertEqual(str(error.exception), "odoo.exceptions.UserError")
        report.invalidate_recordset()
        self.assertFalse(report.read(["december_reminded_on"])[0]["december_reminded_on"])
        self.assertEqual(report.date_deadline - timedelta(days=24), date(2027, 12, 1))
