import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common_trip import IntlTripCommon

REPORTS = {
    "application": "intl_cooperation.action_report_intl_trip_application",
    "estimate": "intl_cooperation.action_report_intl_trip_estimate",
    "order": "intl_cooperation.action_report_intl_trip_order",
    "assignment": "intl_cooperation.action_report_intl_trip_assignment",
    "advance": "intl_cooperation.action_report_intl_trip_advance",
}
WORDS = {
    "en_US": ("Five hundred thousand tenge", "Four hundred and seventy thousand tenge"),
    "ru_RU": ("Пятьсот тысяч тенге", "Четыреста семьдесят тысяч тенге"),
    "kk_KZ": ("Бес жүз мың теңге", "Төрт жүз жетпіс мың теңге"),
}


@tagged("post_install", "-at_install")
class TestIntlTripReports(IntlTripCommon, HttpCase):
    """An HttpCase: wkhtmltopdf fetches the report assets through the test cursor."""


    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["res.lang"]._activate_lang("kk_KZ")

    def _settled_trip(self):
        trip = self._approve(self._create_trip())
        self.env["intl.trip.payment.wizard"].with_user(self.user_accountant).create({
            "trip_id": trip.id, "kind": "advance", "amount": 500000.0,
            "journal_id": self.bank_journal.id}).action_confirm()
        with freeze_time(trip.approved_date_to + timedelta(days=1)):
            trip.with_user(self.user_head)._register_return(trip.approved_date_to)
        receipt = self.env["ir.attachment"].with_user(self.user_requester).create({
            "name": "ticket.pdf", "datas": base64.b64encode(b"%PDF-1.4 ticket")})
        report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id, "line_ids": [
                Command.create({"category_id": self.cat_fares.id, "name": "Flight Almaty-Berlin",
                                "amount": 320000.0, "receipt_number": "TK-2026-0415",
                                "attachment_ids": [Command.set(receipt.ids)]}),
                Command.create({"category_id": self.cat_per_diem.id, "name": "Per diem",
                                "amount": 150000.0})]})
        report.with_user(self.user_requester).action_submit()
        report.with_user(self.user_accountant).action_post()
        trip.with_user(self.user_accountant)._do_settle()
        # a draft report of the same trip is not printed
        self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id, "line_ids": [Command.create({
                "category_id": self.cat_per_diem.id, "name": "Unposted draft expense", "amount": 1.0})]})
        trip.with_user(self.user_requester).write({"results": "<p>Curriculum agreed</p>"})
        return trip

    def test_every_form_renders_in_each_language(self):
        trip = self._settled_trip()
        Report = self.env["ir.actions.report"]
        for lang, (estimate_words, spent_words) in WORDS.items():
            for key, ref in REPORTS.items():
                pdf, kind = Report.with_context(lang=lang, force_report_rendering=True)._render_qweb_pdf(ref, trip.ids)
                self.assertEqual(kind, "pdf")
                self.assertTrue(pdf.startswith(b"%PDF"), f"{key} {lang}")
            html = Report.with_context(lang=lang)._render_qweb_html(REPORTS["estimate"], trip.ids)[0]
            html = html.decode()
            self.assertIn(estimate_words, html)
            if lang == "en_US":
                self.assertIn("500,000.00", html)
            html = Report.with_context(lang=lang)._render_qweb_html(REPORTS["advance"], trip.ids)[0]
            html = html.decode()
            self.assertIn(spent_words, html)
            self.assertIn("Flight Almaty-Berlin", html)
            self.assertIn("TK-2026-0415", html)
            self.assertNotIn("Unposted draft expense", html)
            self.assertIn("1250", html)  # account correspondence
            if lang == "en_US":
                self.assertIn("470,000.00", html)  # total spent
                self.assertIn("500,000.00", html)  # advanced
                self.assertIn("30,000.00", html)  # balance to return

    def test_print_wizard_uses_the_chosen_language(self):
        trip = self._settled_trip()
        wizard = self.env["intl.trip.print"].with_user(self.user_requester).create({
            "trip_id": trip.id, "report": "estimate", "lang": "ru_RU"})
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["context"]["lang"], "ru_RU")
        draft = self._create_trip()
        wizard = self.env["intl.trip.print"].with_user(self.user_requester).create({
            "trip_id": draft.id, "report": "order", "lang": "en_US"})
        with self.assertRaises(UserError):
            wizard.action_print()
