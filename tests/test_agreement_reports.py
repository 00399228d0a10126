from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .agreement_common import AgreementCommon

REPORTS = (
    "intl_cooperation.intl_agreement_report_memo",
    "intl_cooperation.intl_agreement_report_proposal",
    "intl_cooperation.intl_agreement_report_card",
)
KIND_NAMES = {"en_US": "Memorandum of understanding", "ru_RU": "Меморандум о взаимопонимании",
              "kk_KZ": "Өзара түсіністік туралы меморандум"}


@tagged("post_install", "-at_install")
class TestAgreementReports(AgreementCommon, HttpCase):
    """An HttpCase: wkhtmltopdf fetches the report assets from the test server, served in this transaction."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kind_memo.update_field_translations("name", {"ru_RU": KIND_NAMES["ru_RU"], "kk_KZ": KIND_NAMES["kk_KZ"]})
        cls.form_visits.update_field_translations("name", {"ru_RU": "Взаимные визиты преподавателей"})

    def _signed_agreement(self):
        agreement = self._create_agreement(
            title="Академиялық ынтымақтастық туралы меморандум",
            prospects="Бірлескен магистратура бағдарламасы",
        )
        return self._to_signed(agreement)

    def test_forms_render_to_pdf_in_each_language(self):
        agreement = self._signed_agreement()
        Report = self.env["ir.actions.report"]
        for report in REPORTS:
            for lang, kind_name in KIND_NAMES.items():
                with self.subTest(report=report, lang=lang):
                    pdf, report_type = Report.with_context(lang=lang, force_report_rendering=True)._render_qweb_pdf(
                        report, agreement.ids)
                    self.assertEqual(report_type, "pdf")
                    self.assertTrue(pdf.startswith(b"%PDF"))
                    html = Report.with_context(lang=lang)._render_qweb_html(report, agreement.ids)[0].decode()
                    self.assertIn(self.partner_institution.name, html)
                    self.assertIn(agreement.company_id.name, html, "university header")
                    self.assertIn("Академиялық ынтымақтастық", html)
                    self.assertIn(kind_name, html, "the kind is printed in the chosen language")
        ru_card = Report.with_context(lang="ru_RU")._render_qweb_html(REPORTS[2], agreement.ids)[0].decode()
        self.assertIn("Взаимные визиты преподавателей", ru_card)
        self.assertNotIn("Взаимные визиты", Report.with_context(lang="en_US")._render_qweb_html(
            REPORTS[2], agreement.ids)[0].decode())

    def test_card_lists_copies_plan_and_annexes(self):
        agreement = self._signed_agreement()
        agreement.plan_line_ids = [(0, 0, {"name": "Summer school in Almaty", "form_id": self.form_visits.id,
                                           "date_deadline": self.today + timedelta(days=90)})]
        self._annex_signed(self._annex_approved(self._create_annex(
            agreement, "1", summary="Joint PhD supervision added")))
        # an annex still in review is not yet part of the agreement
        self._create_annex(agreement, "2", summary="Annex still in review")
        html = self.env["ir.actions.report"]._render_qweb_html(REPORTS[2], agreement.ids)[0].decode()
        for text in ("Summer school in Almaty", "Joint PhD supervision added", "M. Begentayev", "G. Rauch",
                     "Finance and Accounting"):
            self.assertIn(text, html)
        self.assertNotIn("Annex still in review", html)

    def test_print_wizard_uses_chosen_language(self):
        agreement = self._signed_agreement()
        action = agreement.with_user(self.user_coordinator).action_open_print_wizard()
        Wizard = self.env["intl.agreement.print"].with_user(self.user_coordinator).with_context(**action["context"])
        for report, lang in (("memo", "kk_KZ"), ("proposal", "ru_RU"), ("card", "en_US")):
            result = Wizard.create({"report": report, "lang": lang}).action_print()
            self.assertEqual(result["type"], "ir.actions.report")
            self.assertEqual(result["context"]["lang"], lang)
            self.assertEqual(result["context"]["active_ids"], agreement.ids)
        with self.assertRaises(UserError):
            self.env["intl.agreement.print"].create({"report": "card", "lang": "en_US"}).action_print()
