from odoo.tests import HttpCase, tagged

from .common_annual_report import YEAR, AnnualReportCommon


@tagged("post_install", "-at_install")
class TestAnnualReportPdf(AnnualReportCommon, HttpCase):
    """An HttpCase: wkhtmltopdf fetches the report assets through the test cursor."""

    def test_pdf_renders_in_the_report_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        report = self._approve_report(self._new_report(lang="ru_RU"))
        pdf, kind = self.env["ir.actions.report"].with_user(self.user_dic_director).with_context(
            force_report_rendering=True)._render_qweb_pdf(
            "intl_cooperation.action_report_intl_annual_report", report.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = self.env["ir.actions.report"].with_user(self.user_dic_director)._render_qweb_html(
            "intl_cooperation.action_report_intl_annual_report", report.ids)[0].decode()
        self.assertIn("Зарубежные командировки сотрудников", html)
        self.assertIn(str(YEAR), html)
        self.assertIn(self.user_rector.name, html)
