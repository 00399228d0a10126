from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common_scholar import IntlScholarCommon

REPORTS = {
    "invitation": "intl_cooperation.action_report_intl_scholar_invitation",
    "memo": "intl_cooperation.action_report_intl_scholar_memo",
    "schedule": "intl_cooperation.action_report_intl_scholar_schedule",
    "contract": "intl_cooperation.action_report_intl_scholar_contract",
    "act": "intl_cooperation.action_report_intl_scholar_act",
    "petition": "intl_cooperation.action_report_intl_scholar_petition",
}
ACT_TEXT = {
    "en_US": ("Act of services rendered", "Seven hundred thousand tenge"),
    "ru_RU": ("Акт оказанных услуг", "Семьсот тысяч тенге"),
    "kk_KZ": ("Көрсетілген қызметтер актісі", "Жеті жүз мың теңге"),
}


@tagged("post_install", "-at_install")
class TestScholarReports(IntlScholarCommon, HttpCase):
    """An HttpCase: wkhtmltopdf fetches the report assets through the test cursor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["res.lang"]._activate_lang("kk_KZ")

    def _visit_with_act(self):
        visit = self._on_site_visit()
        with freeze_time(visit.date_departure):
            for lecture, hours in zip(visit.lecture_ids, (4.0, 4.0, 4.0, 2.0), strict=False):
                lecture.with_user(self.user_coordinator).action_give(hours=hours)
            self._verify(visit, "scholar_arrival")
            visit.with_user(self.user_coordinator).action_end_stay()
        visit.with_user(self.user_coordinator).action_draw_act()
        return visit

    def test_every_form_renders_in_each_language(self):
        visit = self._visit_with_act()
        Report = self.env["ir.actions.report"]
        for lang, (title, words) in ACT_TEXT.items():
            for key, ref in REPORTS.items():
                pdf, kind = Report.with_context(lang=lang, force_report_rendering=True)._render_qweb_pdf(
                    ref, visit.ids)
                self.assertEqual(kind, "pdf")
                self.assertTrue(pdf.startswith(b"%PDF"), f"{key} {lang}")
            html = Report.with_context(lang=lang)._render_qweb_html(REPORTS["act"], visit.ids)[0].decode()
            self.assertIn(title, html)
            self.assertIn(words, html)
            self.assertIn(visit.act_ids.name, html)
            schedule = Report.with_context(lang=lang)._render_qweb_html(
                REPORTS["schedule"], visit.ids)[0].decode()
            self.assertIn("Reservoir engineering", schedule)
            self.assertIn("Ганс Беккер", schedule)

    def test_print_wizard_uses_the_chosen_language(self):
        visit = self._create_visit()
        wizard = self.env["intl.scholar.print"].with_user(self.user_coordinator).create({
            "visit_id": visit.id, "report": "schedule", "lang": "kk_KZ"})
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["context"]["lang"], "kk_KZ")
        wizard = self.env["intl.scholar.print"].with_user(self.user_coordinator).create({
            "visit_id": visit.id, "report": "act", "lang": "en_US"})
        with self.assertRaisesRegex(UserError, "no act"):
            wizard.action_print()
