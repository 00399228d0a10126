from odoo.tests import HttpCase, tagged

from .degree_common import DegreeCommon


@tagged("post_install", "-at_install")
class TestDegreeReports(DegreeCommon, HttpCase):
    """Selection results in kk/ru/en and the learner's transcript in Russian and English, as real PDF.

    An ``HttpCase``: wkhtmltopdf fetches the report assets from the test server.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.learner = cls._create_learner("REP-1", name_cyrillic="Аружан Серікбаева")
        cls.learner.grade_ids[0].discipline_en = "Linear Algebra"
        cls.learner.grade_ids[0].discipline = "Линейная алгебра"
        cls.application = cls._apply(cls.learner)
        cls.weak = cls._apply(cls._create_learner("REP-2", grades=("A", "C+")))
        cls.intake.action_close_applications()
        cls.intake.decision_ref = "No. 3"
        cls.intake.with_user(cls.user_director_institute).action_decide()

    def _html(self, report_xmlid, records, lang):
        report = self.env.ref(report_xmlid)
        html, _fmt = self.env["ir.actions.report"].with_context(lang=lang)._render_qweb_html(
            report.report_name, records.ids)
        return html.decode()

    def test_results_pdf_in_three_languages(self):
        wizard = self.env["intl.degree.intake.print"].with_user(self.user_coordinator).create({
            "intake_id": self.intake.id, "lang": "ru_RU"})
        action = wizard.action_print()
        self.assertEqual(action["context"].get("lang"), "ru_RU")
        report = self.env.ref("intl_cooperation.intl_degree_intake_report_results")
        pdf, fmt = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.intake.ids)
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        english = self._html("intl_cooperation.intl_degree_intake_report_results", self.intake, "en_US")
        for text in ("RESULTS OF THE SELECTION COMPETITION", "Learner REP-1", "No. 3", "Selected", "Not Eligible",
                     "C+", self.user_director_institute.name):
            self.assertIn(text, english)
        for lang in ("ru_RU", "kk_KZ"):
            html = self._html("intl_cooperation.intl_degree_intake_report_results", self.intake, lang)
            self.assertNotIn("RESULTS OF THE SELECTION COMPETITION", html)
            self.assertIn("Learner REP-1", html)

    def test_transcript_in_russian_and_english(self):
        english = self._html("intl_cooperation.intl_learner_report_transcript", self.learner, "en_US")
        russian = self._html("intl_cooperation.intl_learner_report_transcript", self.learner, "ru_RU")
        self.assertIn("TRANSCRIPT OF RECORDS", english)
        self.assertIn("Linear Algebra", english)
        self.assertIn("Линейная алгебра", russian)
        self.assertNotIn("TRANSCRIPT OF RECORDS", russian)
        action = self.learner.with_context(transcript_lang="ru_RU").action_print_transcript()
        self.assertEqual(action["context"]["lang"], "ru_RU")

    def test_transcripts_attached_to_the_dossier(self):
        application = self._apply(self._create_learner("REP-3"), submit=False)
        application.with_user(self.user_coordinator).with_context(force_report_rendering=True).action_attach_transcripts()
        transcript = self.env.ref("intl_cooperation.intl_document_type_transcript")
        line = application.document_line_ids.filtered(lambda doc: doc.type_id == transcript)
        self.assertEqual(len(line.attachment_ids), 2)
        self.assertTrue(all(att.raw.startswith(b"%PDF") for att in line.attachment_ids))
        self.assertEqual(line.state, "received")
