from odoo.tests import HttpCase, tagged

from .test_intl_delegation import DelegationCommon


@tagged("post_install", "-at_install")
class TestIntlDelegationReports(DelegationCommon, HttpCase):
    """HttpCase: wkhtmltopdf fetches the report assets from the test server."""

    """Every document of a visit renders to PDF, with the visit's data, in kk/ru/en."""

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
        for document in ("decision_memo", "invitation", "programme", "estimate", "guarantee",
                         "memo_vehicle", "memo_halls", "memo_tech", "memo_photo", "protocol"):
            with self.subTest(document=document):
                report, docs = self._print(document)
                # one PDF per record: the test server cannot serve wkhtmltopdf the
                # assets that split a multi-record PDF (guarantee letters)
                for doc in docs:
                    pdf, fmt = self.env["ir.actions.report"].with_context(
                        force_report_rendering=True)._render_qweb_pdf(report.report_name, doc.ids)
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
        report, docs = self._print("guarantee")
        self.assertEqual(len(docs), 2)
        html = self._html(report, docs, "en_US")
        self.assertEqual(html.count("GUARANTEE LETTER"), 2)
        self.assertIn("Hotel Kazakhstan (test)", html)
        self.assertIn("Restaurant Navat (test)", html)
        hotel_line = self.visit.guarantee_line_ids.filtered(lambda rec: rec.supplier_type == "hotel")
        report, docs = self._print("guarantee", guarantee_line_ids=[(6, 0, hotel_line.ids)])
        self.assertEqual(docs, hotel_line)
        html = self._html(report, docs, "en_US")
        self.assertNotIn("Restaurant Navat (test)", html)

    def test_estimate_words_in_each_language(self):
        report, docs = self._print("estimate", lang="ru_RU")
        currency = self.visit.currency_id
        for lang in ("kk_KZ", "ru_RU", "en_US"):
            with self.subTest(lang=lang):
                html = self._html(report, docs, lang)
                self.assertIn(currency.intl_amount_to_words(self.visit.amount_total, lang), html)
