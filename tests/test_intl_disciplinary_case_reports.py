import shutil
import subprocess
import tempfile
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import format_date

from .common_discipline import IntlDisciplineCommon

PAPERS = {
    "explanation_request": "intl_cooperation.action_report_intl_case_explanation_request",
    "act_absence": "intl_cooperation.action_report_intl_case_act_absence",
    "act_refusal": "intl_cooperation.action_report_intl_case_act_refusal",
    "order": "intl_cooperation.action_report_intl_case_order",
}
# per language: the title of each paper, the amounts of time, the sanction, the acknowledgement line
TEXTS = {
    "en_US": {
        "explanation_request": "Request for a written explanation",
        "act_absence": "Act of absence from work",
        "act_refusal": "Act of refusal to give a written explanation",
        "order": "Order on the disciplinary sanction",
        "hours": "working hours missed: 16", "days": "working days of absence: 2",
        "sanction": "Reprimand", "acknowledgement": "I have read this document and received a copy:",
    },
    "ru_RU": {
        "explanation_request": "Требование о предоставлении письменного объяснения",
        "act_absence": "Акт об отсутствии на рабочем месте",
        "act_refusal": "Акт об отказе от дачи письменного объяснения",
        "order": "Приказ о дисциплинарном взыскании",
        "hours": "пропущено рабочих часов: 16", "days": "рабочих дней отсутствия: 2",
        "sanction": "Выговор", "acknowledgement": "С документом ознакомлен(а), копию получил(а):",
    },
    "kk_KZ": {
        "explanation_request": "Жазбаша түсініктеме беру туралы талап",
        "act_absence": "Жұмыс орнында болмау туралы акт",
        "act_refusal": "Жазбаша түсініктеме беруден бас тарту туралы акт",
        "order": "Тәртіптік жаза туралы бұйрық",
        "hours": "жұмыста болмаған жұмыс сағаттары: 16", "days": "жұмыста болмаған жұмыс күндері: 2",
        "sanction": "Сөгіс", "acknowledgement": "Осы құжатпен таныстым, көшірмесін алдым:",
    },
}


def pdf_text(pdf):
    """The text of a PDF file (pdftotext), its whitespace collapsed."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        text = subprocess.run(["pdftotext", handle.name, "-"], capture_output=True, check=True,
                              text=True).stdout
    return " ".join(text.split())


@tagged("post_install", "-at_install")
class TestIntlDisciplinaryCaseReports(IntlDisciplineCommon, HttpCase):
    """The papers of a case, as real PDF files, in Kazakh, Russian and English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["res.lang"]._activate_lang("kk_KZ")

    def _decided_case(self):
        trip, case = self._case_with_act()
        with freeze_time("2027-02-10 12:00:00"):
            self._confirm(trip, self._local(2027, 2, 10, 9))
        case = case.with_user(self.user_hr)
        with freeze_time("2027-02-11 06:00:00"):
            case.action_request_explanation()
        with freeze_time("2027-02-16 06:00:00"):
            case.action_refusal_act()
            case.decision = "reprimand"
            case.action_decide()
        return case

    def test_every_paper_renders_in_each_language_with_the_time_missed(self):
        """Each paper is a real PDF whose text (pdftotext) carries the amounts of time, the dates in
        the reader's format, the employee and the acknowledgement line, in kk, ru and en."""
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext (poppler-utils) is not installed: scripts/test.sh installs it")
        case = self._decided_case()
        self.assertEqual((case.missed_hours, case.missed_days), (16.0, 2))
        self.assertEqual(case.explanation_deadline, date(2027, 2, 15))
        Report = self.env["ir.actions.report"]
        for lang, texts in TEXTS.items():
            in_lang = case.with_context(lang=lang)
            deadline = format_date(in_lang.env, case.explanation_deadline)
            back = in_lang._local_datetime(case.absence_to)
            self.assertEqual(deadline, "02/15/2027" if lang == "en_US" else "15.02.2027")
            self.assertEqual(back, "02/10/2027 09:00" if lang == "en_US" else "10.02.2027 09:00")
            for key, ref in PAPERS.items():
                with self.subTest(lang=lang, paper=key):
                    pdf, kind = Report.with_context(lang=lang, force_report_rendering=True)._render_qweb_pdf(
                        ref, case.ids)
                    self.assertEqual(kind, "pdf")
                    self.assertTrue(pdf.startswith(b"%PDF"))
                    text = pdf_text(pdf)
                    for expected in (texts[key], texts["hours"], texts["days"], back,
                                     case.employee_id.name, texts["acknowledgement"]):
                        self.assertIn(expected, text)
                    if key in ("explanation_request", "act_refusal"):
                        self.assertIn(deadline, text)
                    if key == "order":
                        self.assertIn(texts["sanction"], text)
                    if key == "act_absence":
                        self.assertIn(self.employee_head.name, text)
                        for witness in self.witnesses:
                            self.assertIn(witness.name, text)

    def test_print_wizard_prints_in_the_employees_and_the_companys_language(self):
        case = self._decided_case()
        self.user_requester.lang = "kk_KZ"
        self.company.partner_id.lang = "ru_RU"
        wizard = self.env["intl.disciplinary.case.print"].with_user(self.user_hr).with_context(
            default_case_id=case.id).create({"paper": "order"})
        self.assertEqual((wizard.lang, wizard.second_lang), ("kk_KZ", "ru_RU"))
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["context"]["intl_print_langs"], ["kk_KZ", "ru_RU"])
        html = self.env["ir.actions.report"].with_context(intl_print_langs=["kk_KZ", "ru_RU"])._render_qweb_html(
            PAPERS["order"], case.ids)[0].decode()
        self.assertIn("Сөгіс", html)
        self.assertIn("Выговор", html)
        wizard = self.env["intl.disciplinary.case.print"].with_user(self.user_hr).with_context(
            default_case_id=case.id).create({"paper": "order"})
        case.sudo()._lifecycle_write({"refusal_act_date": False})
        wizard.paper = "act_refusal"
        with self.assertRaises(UserError):
            wizard.action_print()
