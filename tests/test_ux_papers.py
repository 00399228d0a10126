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

    def test_papers_people_sign_carry_the_letterhead(self):
        """HR papers, the transcript and the annual report print the university's letterhead in
        the page (the HTML header of external_layout is dropped by Debian's wkhtmltopdf)."""
        self.env.company.write({"phone": "+7 727 292 60 25", "email": "dic@satbayev.university"})
        self.employee_requester.job_id = self.env["hr.job"].create({"name": "Associate Professor"})
        self.employee_requester.job_id.with_context(lang="ru_RU").name = "Ассоциированный профессор"
        _trip, case = self._case_with_act()
        Report = self.env["ir.actions.report"].with_context(lang="ru_RU")
        html = Report._render_qweb_html("intl_cooperation.action_report_intl_case_act_absence",
                                        case.ids, data={"lang": "ru_RU"})[0].decode()
        self.assertIn("o_intl_letterhead", html)
        self.assertIn(self.env.company.name, html)
        self.assertIn("+7 727 292 60 25", html)
        # the position in the paper's language
        self.assertIn("Ассоциированный профессор", html)
        for xmlid in ("intl_cooperation.intl_learner_report_transcript_document",
                      "intl_cooperation.report_intl_annual_report_document"):
            arch = self.env.ref(xmlid).arch
            self.assertIn("intl_cooperation.report_intl_letterhead", arch, xmlid)

    def test_hours_in_the_paper_language(self):
        case = self.env["intl.disciplinary.case"].new({"missed_hours": 7.5})
        self.assertEqual(case.with_context(lang="ru_RU")._hours_text(), "7,5")
        self.assertEqual(case.with_context(lang="en_US")._hours_text(), "7.5")
