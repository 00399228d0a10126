from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged

from .test_intl_delegation import DelegationCommon


@tagged("post_install", "-at_install")
class TestIntlDelegationReports(DelegationCommon, HttpCase):
    """Every document of a visit renders to PDF, with the visit's data, in kk/ru/en.

    An ``HttpCase``: wkhtmltopdf fetches the report assets from the test
    server, which must share the test's cursor (as Odoo's own report tests do).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit = cls._create_visit(cls)

    def _print(self, document, lang="en_US", **vals):
        wizard = self.env["intl.delegation.print"].with_user(self.user_officer).create({
            "delegation_id": self.visit.id, "document": document, "lang": lang, **vals,
        })
        report, docs = wizard._get_report_and_docs()
        action = wizard.action_print()
        self.assertEqual(action["context"].get("lang"), lang)
        return report, docs

    def _html(self, report, docs, lang):
        html, _fmt = self.env["ir.actions.report"].with_context(lang=lang)._render_qweb_html(
            report.report_name, docs.ids)
        return html.decode()

    def test_all_documents_render_pdf(self):
        self._run_to(self.visit, "protocol_approved")
        hotel = self.visit.guarantee_line_ids.filtered(lambda rec: rec.supplier_type == "hotel")
        for document in ("decision_memo", "invitation", "programme", "estimate", "guarantee",
                         "memo_vehicle", "memo_halls", "memo_tech", "memo_photo", "protocol"):
            with self.subTest(document=document):
                report, docs = self._print(document, guarantee_line_id=hotel.id)
                pdf, fmt = self.env["ir.actions.report"].with_context(
                    force_report_rendering=True)._render_qweb_pdf(report.report_name, docs.ids)
                self.assertEqual(fmt, "pdf")
                self.assertTrue(pdf.startswith(b"%PDF"))
                html = self._html(report, docs, "en_US")
                self.assertIn(self.partner_institution.name, html)

    def test_document_contents(self):
        self._run_to(self.visit, "protocol_approved")
        checks = {
            "decision_memo": ["SERVICE MEMO", self.visit.name, "Agreement in force since 2024", "Double-degree"],
            "invitation": ["LETTER OF INVITATION", "Schmidt Anna", self.employee_management.name],
            "programme": ["PROGRAMME", "Meeting with the rector", "10:00", "11:30", "APPROVED",
                          self.user_management.name],
            "estimate": ["COST ESTIMATE", "Official dinner", "Two hundred and twenty-three thousand"],
            "memo_vehicle": ["Minibus for 8 persons"],
            "memo_halls": ["Conference hall of the main building"],
            "memo_tech": ["Projector and video conference"],
            "memo_photo": ["Photographer at the signing ceremony"],
            "protocol": ["Form 403-02", "Align the curricula", "Rectorate hall",
                         self.employee_director_institute.name, self.user_management.name],
        }
        for document, needles in checks.items():
            report, docs = self._print(document)
            html = self._html(report, docs, "en_US")
            for needle in needles:
                with self.subTest(document=document, needle=needle):
                    self.assertIn(needle, html)

    def test_passport_data_never_printed(self):
        report, docs = self._print("invitation")
        self.assertNotIn("C01X00T47", self._html(report, docs, "en_US"))

    def test_guarantee_letters_one_per_supplier(self):
        for line in self.visit.guarantee_line_ids:
            report, docs = self._print("guarantee", guarantee_line_id=line.id)
            self.assertEqual(docs, line)
            html = self._html(report, docs, "en_US")
            self.assertEqual(html.count("GUARANTEE LETTER"), 1)
            self.assertIn(line.partner_id.name, html)
            self.assertIn(line.services, html)
            self.assertIn(line.with_context(lang="en_US")._amount_in_words(), html)
            other = self.visit.guarantee_line_ids - line
            self.assertNotIn(other.partner_id.name, html)

    def test_guarantee_letter_needs_a_supplier(self):
        wizard = self.env["intl.delegation.print"].with_user(self.user_officer).create({
            "delegation_id": self.visit.id, "document": "guarantee", "lang": "en_US"})
        with self.assertRaises(UserError):
            wizard.action_print()
        empty = self._create_visit(guarantee_line_ids=[])
        wizard = self.env["intl.delegation.print"].with_user(self.user_officer).create({
            "delegation_id": empty.id, "document": "guarantee", "lang": "en_US"})
        with self.assertRaises(UserError):
            wizard.action_print()

    def test_print_wizard_form_proposes_supplier(self):
        form = Form(self.env["intl.delegation.print"].with_user(self.user_officer).with_context(
            default_delegation_id=self.visit.id))
        form.document = "guarantee"
        self.assertEqual(form.guarantee_line_id, self.visit.guarantee_line_ids[:1])

    def test_estimate_words_in_each_language(self):
        report, docs = self._print("estimate", lang="ru_RU")
        currency = self.visit.currency_id
        for lang in ("kk_KZ", "ru_RU", "en_US"):
            with self.subTest(lang=lang):
                html = self._html(report, docs, lang)
                self.assertIn(currency.intl_amount_to_words(self.visit.amount_total, lang), html)
