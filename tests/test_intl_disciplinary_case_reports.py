from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common_discipline import IntlDisciplineCommon

PAPERS = {
    "explanation_request": "intl_cooperation.action_report_intl_case_explanation_request",
    "act_absence": "intl_cooperation.action_report_intl_case_act_absence",
    "act_refusal": "intl_cooperation.action_report_intl_case_act_refusal",
    "order": "intl_cooperation.action_report_intl_case_order",
}
TITLES = {
    "en_US": ("Request for a written explanation", "working hours missed",
              "working days of absence", "Reprimand"),
    "ru_RU": ("Требование о предоставлении письменного объяснения", "рабочих часов пропущено",
              "рабочих дней отсутствия", "Выговор"),
    "kk_KZ": ("Жазбаша түсініктеме беру туралы талап", "жұмыс сағаты өткізілді",
              "жұмыс күні болмады", "Сөгіс"),
}


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
        case = self._decided_case()
        self.assertEqual(case.missed_hours, 16.0)
        Report = self.env["ir.actions.report"]
        for lang, (title, hours_label, days_label, sanction) in TITLES.items():
            for key, ref in PAPERS.items():
                with self.subTest(lang=lang, paper=key):
                    pdf, kind = Report.with_context(lang=lang, force_report_rendering=True)._render_qweb_pdf(
                        ref, case.ids)
                    self.assertEqual(kind, "pdf")
                    self.assertTrue(pdf.startswith(b"%PDF"))
                    html = Report.with_context(lang=lang)._render_qweb_html(ref, case.ids)[0].decode()
                    self.assertIn(f"16 <span>{hours_label}</span>", html)
                    self.assertIn(f"2 <span>{days_label}</span>", html)
                    self.assertIn(case.employee_id.name, html)
                    if key == "explanation_request":
                        self.assertIn(title, html)
                    if key == "order":
                        self.assertIn(sanction, html)

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
