from datetime import datetime

from odoo.tests import tagged

from .common_discipline import IntlDisciplineCommon


@tagged("post_install", "-at_install")
class TestUxPapers(IntlDisciplineCommon):
    """Issue 25, item 10: legal papers are dated in the company's time zone, never in UTC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env.company.partner_id.tz = "Asia/Almaty"

    def test_absence_time_in_the_company_time_zone(self):
        """An employee (or a printing user) left in UTC still reads 00:00 in Almaty, not 19:00."""
        self.employee_requester.tz = "UTC"
        Case = self.env["intl.disciplinary.case"].with_context(lang="ru_RU")
        self.assertEqual(Case._format_local(self.employee_requester, datetime(2026, 11, 28, 19, 0)),
                         "29.11.2026 00:00")
        self.env.company.partner_id.tz = False
        self.assertEqual(Case._format_local(self.employee_requester, datetime(2026, 11, 28, 19, 0)),
                         "28.11.2026 19:00")

    def test_printed_datetimes_in_the_company_time_zone(self):
        """The module's papers render with the company's time zone whatever the printing user's."""
        self.user_officer.tz = "UTC"
        trip = self._approve(self._create_trip())
        decided = trip.approval_line_ids.filtered("is_current").sorted("decided_on")[-1].decided_on
        Report = self.env["ir.actions.report"].with_user(self.user_officer).with_context(lang="en_US")
        html = Report._render_qweb_html("intl_cooperation.action_report_intl_trip_application",
                                        trip.ids)[0].decode()
        almaty = self.env["ir.qweb.field.datetime"].with_context(tz="Asia/Almaty").value_to_html(
            decided, {})
        utc = self.env["ir.qweb.field.datetime"].with_context(tz="UTC").value_to_html(decided, {})
        self.assertIn(almaty, html)
        self.assertNotIn(utc, html)
