from odoo.addons.base.models.ir_qweb import QWebException
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .degree_common import DegreeCommon

REPORTS = {
    "memo": ("intl_cooperation.intl_degree_programme_report_memo", "403-03"),
    "proposal": ("intl_cooperation.intl_degree_programme_report_proposal", "403-10"),
}
HEADINGS = {
    "memo": {"en_US": "SERVICE MEMO", "ru_RU": "СЛУЖЕБНАЯ ЗАПИСКА", "kk_KZ": "ҚЫЗМЕТТІК ХАТ"},
    "proposal": {"en_US": "PROPOSAL (RECOMMENDATION)", "ru_RU": "ПРЕДСТАВЛЕНИЕ",
                 "kk_KZ": "ҰСЫНЫС"},
}


@tagged("post_install", "-at_install")
class TestClauseProgrammePrint(DegreeCommon, HttpCase):
    """§5.6.1: the programme's memo 403-03 and proposal 403-10 print like the agreement's, in
    Kazakh, Russian and English (an HttpCase: wkhtmltopdf fetches the assets from the server)."""

    def test_memo_and_proposal_in_each_language(self):
        Report = self.env["ir.actions.report"]
        for key, (report, code) in REPORTS.items():
            for lang, heading in HEADINGS[key].items():
                with self.subTest(report=key, lang=lang):
                    html = Report.with_user(self.user_coordinator).with_context(lang=lang)._render_qweb_html(
                        report, self.programme.ids)[0].decode()
                    self.assertIn(code, html, "the form code is printed")
                    self.assertIn(heading, html.upper() if lang == "en_US" else html)
                    self.assertIn(self.programme.title, html)
                    self.assertIn(self.partner_institution.name, html)
                    self.assertIn(self.programme.company_id.name, html)
        pdf, report_type = Report.with_context(lang="kk_KZ", force_report_rendering=True)._render_qweb_pdf(
            REPORTS["proposal"][0], self.programme.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_checklist_forms_are_the_programme_prints(self):
        """As the agreement's: the 403-03 and 403-10 of the programme's checklist are the forms the
        module prints for a programme (Printed By of the document type, for Print and Attach)."""
        for xmlid, (report, code) in (("intl_document_type_service_memo", REPORTS["memo"]),
                                      ("intl_document_type_proposal", REPORTS["proposal"])):
            doc_type = self.env.ref(f"intl_cooperation.{xmlid}")
            with self.subTest(code=code):
                self.assertIn(self.env.ref(report), doc_type.report_ids)
                line = self.programme.document_line_ids.filtered(lambda rec, t=doc_type: rec.type_id == t)
                self.assertEqual(line._printed_form_report(), self.env.ref(report))

    def test_print_wizard_prints_in_the_chosen_language(self):
        wizard = self.env["intl.degree.programme.print"].with_user(self.user_coordinator).create({
            "programme_id": self.programme.id, "report": "proposal", "lang": "ru_RU"})
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "intl_cooperation.report_intl_degree_programme_proposal")
        self.assertEqual(action["context"]["lang"], "ru_RU")

    def test_another_institute_does_not_print_it(self):
        self.programme.invalidate_recordset()
        with self.assertRaises(AccessError):
            self.programme.with_user(self.user_coordinator_other).read(["title"])
        # the rendering reads the programme as the user: refused (the access error inside QWeb's)
        with self.assertRaises(QWebException) as error:
            self.env["ir.actions.report"].with_user(self.user_coordinator_other)._render_qweb_html(
                REPORTS["memo"][0], self.programme.ids)
        self.assertIsInstance(error.exception.__cause__, AccessError)

    def test_coordinator_prints_and_attaches_them(self):
        """Print and Attach on the programme's checklist: the memo and the proposal become the
        lines' files (real PDFs), as on an agreement; the line is then received."""
        for xmlid in ("intl_document_type_service_memo", "intl_document_type_proposal"):
            doc_type = self.env.ref(f"intl_cooperation.{xmlid}")
            line = self.programme.document_line_ids.filtered(lambda rec, t=doc_type: rec.type_id == t)
            with self.subTest(document=doc_type.code):
                self.assertEqual(len(line), 1)
                mine = line.with_user(self.user_coordinator)
                mine.invalidate_recordset()
                self.assertTrue(mine.can_print_form)
                before = line.attachment_ids
                mine.with_context(force_report_rendering=True).action_print_attach()
                self.assertEqual(line.state, "received")
                printed = line.attachment_ids - before
                self.assertEqual(len(printed), 1)
                self.assertEqual(printed.mimetype, "application/pdf")
                self.assertTrue(printed.raw.startswith(b"%PDF"))
                self.assertIn(doc_type.code, printed.name)
