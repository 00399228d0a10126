import base64

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common_trip import IntlTripMoneyCommon


class ReceiptsCommon(IntlTripMoneyCommon):
    """A returned trip with its advance paid, waiting for the traveller's advance report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.user_requester, cls.user_accountant):
            user.write({"lang": "en_US", "tz": "Asia/Almaty"})

    def _returned_trip(self):
        trip = self._approve(self._create_trip())
        self._pay(trip)
        self._return(trip)
        self.assertEqual(trip.state, "returned")
        return trip

    def _orphan_receipt(self, user):
        """A file uploaded on a line not saved yet, as the web client stores it (res_id 0)."""
        return self.env["ir.attachment"].with_user(user).create({
            "name": "ticket.pdf", "datas": base64.b64encode(b"%PDF-1.4 ticket"),
            "res_model": "intl.trip.advance.report.line", "res_id": 0})


@tagged("post_install", "-at_install")
class TestUxReceipts(ReceiptsCommon):
    """Issue 25, blockers 1 and 2, below the browser."""

    def test_receipt_of_a_new_line_is_read_by_the_accountant(self):
        trip = self._returned_trip()
        receipt = self._orphan_receipt(self.user_requester)
        report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id,
            "line_ids": [Command.create({
                "category_id": self.cat_fares.id, "name": "Train", "amount": 120.0,
                "currency_id": self.eur.id, "date": trip.date_departure, "receipt_number": "DB-1",
                "attachment_ids": [Command.set(receipt.ids)]})]})
        line = report.line_ids
        self.assertEqual((receipt.res_model, receipt.res_id), (line._name, line.id))
        report.with_user(self.user_requester).action_submit()
        # the accountant reads the line's receipt, opens and posts the report
        line.invalidate_recordset()
        receipt.invalidate_recordset()
        self.assertEqual(line.with_user(self.user_accountant).read(["attachment_ids"])[0]["attachment_ids"],
                         receipt.ids)
        self.assertEqual(receipt.with_user(self.user_accountant).read(["name"])[0]["name"], "ticket.pdf")
        report.with_user(self.user_accountant).action_post()
        self.assertEqual(report.state, "posted")

    def test_receipt_added_to_a_saved_line_and_foreign_files_kept(self):
        trip = self._returned_trip()
        report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id,
            "line_ids": [Command.create({
                "category_id": self.cat_fares.id, "name": "Train", "amount": 50000.0,
                "currency_id": self.kzt.id, "date": trip.date_departure})]})
        line = report.line_ids
        mine = self._orphan_receipt(self.user_requester)
        # someone else's orphan file is not taken over by linking it
        foreign = self._orphan_receipt(self.user_accountant)
        line.with_user(self.user_requester).write(
            {"attachment_ids": [Command.link(mine.id), Command.link(foreign.id)]})
        self.assertEqual(mine.res_id, line.id)
        self.assertEqual(foreign.res_id, 0)

    def test_a_file_of_another_application_is_not_held(self):
        """A receipt holds the module's files only: a contact's file is refused (a held file
        stays as it was seen, which the files of the module's records are checked for)."""
        trip = self._returned_trip()
        report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id,
            "line_ids": [Command.create({
                "category_id": self.cat_fares.id, "name": "Train", "amount": 50000.0,
                "currency_id": self.kzt.id, "date": trip.date_departure})]})
        contact_file = self.env["ir.attachment"].create({
            "name": "contact-card.pdf", "datas": base64.b64encode(b"%PDF-1.4 card"),
            "res_model": "res.partner", "res_id": self.user_requester.partner_id.id})
        with self.assertRaises(UserError) as caught:
            report.line_ids.with_user(self.user_requester).write(
                {"attachment_ids": [Command.link(contact_file.id)]})
        self.assertIn("contact-card.pdf", str(caught.exception))
        self.assertFalse(report.line_ids.attachment_ids)

    def test_empty_currency_in_the_form_computes_without_error(self):
        trip = self._returned_trip()
        report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create(
            {"trip_id": trip.id})
        spec = {"currency_id": {}, "amount_company": {}, "amount_money": {}, "norm_amount": {},
                "excess_amount": {}, "norm_note": {}, "category_id": {}, "amount": {}}
        for category in (self.cat_per_diem, self.cat_fares):
            values = {"report_id": {"id": report.id}, "category_id": category.id, "amount": 100.0,
                      "name": "Line", "date": str(trip.date_departure), "currency_id": False}
            result = self.env["intl.trip.advance.report.line"].with_user(self.user_requester).onchange(
                values, ["currency_id"], spec)
            self.assertEqual(result["value"].get("amount_company", 0.0), 0.0)
            values["currency_id"] = self.eur.id
            result = self.env["intl.trip.advance.report.line"].with_user(self.user_requester).onchange(
                values, ["currency_id"], spec)
            self.assertEqual(result["value"]["amount_company"], 50000.0)

    def test_empty_currency_written_is_a_clear_error(self):
        trip = self._returned_trip()
        report = self._report(trip, [(self.cat_fares, 50000.0, self.kzt)], post=False)
        report.with_user(self.user_accountant).action_reset()
        with self.assertRaises(ValidationError):
            report.line_ids.with_user(self.user_requester).write({"currency_id": False})
        # the returned trip's estimate is frozen: a draft's estimate line meets the empty currency
        draft = self._create_trip()
        with self.assertRaises(ValidationError):
            draft.estimate_line_ids[:1].sudo().write({"currency_id": False})


@tagged("post_install", "-at_install")
class TestUxReceiptsJsonRpc(ReceiptsCommon, HttpCase):

    @mute_logger("odoo.http")  # the refusal is expected and asserted
    def test_empty_currency_over_jsonrpc(self):
        trip = self._returned_trip()
        report = self._report(trip, [(self.cat_fares, 50000.0, self.kzt)], post=False)
        report.with_user(self.user_accountant).action_reset()
        self.user_requester.password = "requester-pw-1"
        self.authenticate(self.user_requester.login, "requester-pw-1")
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.trip.advance.report.line", "method": "write",
                "args": [report.line_ids.ids, {"currency_id": False}], "kwargs": {}})
        self.assertEqual(str(caught.exception), "odoo.exceptions.ValidationError")


@tagged("post_install", "-at_install")
class TestUxReceiptsPhoneTour(ReceiptsCommon, HttpCase):
    """The traveller on a phone adds a euro receipt on a new line; the accountant posts the report."""

    browser_size = "390x844"
    touch_enabled = True

    def test_phone_receipt_in_euros_then_accountant_posts(self):
        trip = self._returned_trip()
        action = trip.with_user(self.user_requester).action_new_advance_report()
        report = self.env["intl.trip.advance.report"].browse(action["res_id"])
        self.start_tour(f"/odoo/intl.trip.advance.report/{report.id}", "intl_receipt_phone_tour",
                        login=self.user_requester.login)
        line = report.line_ids
        self.assertEqual(line.currency_id, self.eur)
        self.assertEqual(line.amount_company, 60000.0)
        self.assertEqual(line.attachment_ids.mapped("res_id"), line.ids)
        self.assertEqual(report.state, "submitted")
        self.browser_size = "1366x768"
        self.start_tour(f"/odoo/intl.trip.advance.report/{report.id}", "intl_receipt_accountant_tour",
                        login=self.user_accountant.login)
        self.assertEqual(report.state, "posted")
