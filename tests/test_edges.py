import base64
import csv
import io
from unittest.mock import patch

import openpyxl
import xlsxwriter

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from ..wizards import intl_file_import_mixin
from .common import IntlCommon
from .common_trip import IntlTripMoneyCommon


@tagged("post_install", "-at_install")
class TestEdgeInputs(IntlCommon):
    """Bad input at the edges: clear errors, never a traceback; text is never a formula."""

    def test_indicator_year_out_of_range(self):
        Indicator = self.env["intl.institute.indicator"].with_user(self.user_dic_director)
        for year in (0, -1, 2147483647):
            with self.subTest(year=year), self.assertRaises(ValidationError):
                Indicator.create({"institute_id": self.institute.id, "year": year,
                                  "code": "trips_out", "target": 1})
        indicator = Indicator.create({"institute_id": self.institute.id, "year": 2030,
                                      "code": "trips_out", "target": 1})
        with self.assertRaises(ValidationError):
            indicator.write({"year": -1})

    def test_xlsx_text_never_a_formula(self):
        for report in ("report.intl_cooperation.annual_report_xlsx",
                       "report.intl_cooperation.institute_indicator_xlsx"):
            buffer = io.BytesIO()
            workbook = xlsxwriter.Workbook(buffer, self.env[report].get_workbook_options())
            workbook.add_worksheet().write(0, 0, "=HYPERLINK(\"http://x\",\"click\")")
            workbook.close()
            cell = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active["A1"]
            with self.subTest(report=report):
                self.assertEqual(cell.data_type, "s")
                self.assertEqual(cell.value, "=HYPERLINK(\"http://x\",\"click\")")

    def _import(self, rows, filename="learners.csv"):
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        wizard = self.env["intl.learner.import"].with_user(self.user_registrar).create({
            "file": base64.b64encode(buffer.getvalue().encode()), "filename": filename})
        return wizard

    def test_learner_import_limits(self):
        header = ["student_id", "name_latin", "institute", "level"]
        row = ["LIM-1", "Learner", self.institute.name, "bachelor"]
        with patch.object(intl_file_import_mixin, "MAX_ROWS", 3), \
                self.assertRaisesRegex(UserError, "more than 3 rows"):
            self._import([header, *([row] * 5)]).action_preview()
        with patch.object(intl_file_import_mixin, "MAX_FILE_BYTES", 10), \
                self.assertRaisesRegex(UserError, "larger than"):
            self._import([header, row]).action_preview()
        with self.assertRaisesRegex(UserError, "longer than"):
            self._import([header, ["LIM-1", "x" * 2000, self.institute.name, "bachelor"]]).action_preview()
        with self.assertRaisesRegex(UserError, "cells"):
            self._import([header, row * 20]).action_preview()

    def test_org_chart_is_hr_administrators(self):
        for user in (self.user_officer, self.user_hr):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.department.with_user(user).write({"manager_id": user.employee_id.id})
        # who heads a unit and where it belongs decide approvers and record rules: tracked
        self.department.write({"parent_id": self.dic.id, "manager_id": self.employee_officer.id})
        self.env.cr.precommit.run()  # the tracking is written at commit
        tracked = self.department.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("parent_id", tracked)
        self.assertIn("manager_id", tracked)

    def test_risk_review_audit_fields_are_the_servers(self):
        risk = self.env["intl.risk"].search([], limit=1)
        if not risk:
            self.skipTest("no risk in the register")
        review = self.env["intl.risk.review"].with_user(self.user_officer).create({
            "risk_id": risk.id, "decision": "Keep watching", "reviewer_id": self.user_requester.id,
            "date": "2001-01-01"})
        self.assertEqual(review.reviewer_id, self.user_officer)
        self.assertNotEqual(str(review.date), "2001-01-01")


@tagged("post_install", "-at_install")
class TestOdooDoors(IntlTripMoneyCommon):
    """Odoo's own buttons on what the module posted stay closed while it rests on them."""

    def test_posted_advance_is_not_reset_in_accounting(self):
        trip = self._approve(self._create_trip())
        payment = self._pay(trip, 100000.0).sudo()
        self.assertEqual(payment.state, "posted")
        accountant = self.user_accountant
        if payment.account_payment_id:
            with self.assertRaises(UserError):
                payment.account_payment_id.with_user(accountant).action_draft()
            with self.assertRaises(UserError):
                payment.account_payment_id.with_user(accountant).action_cancel()
        with self.assertRaises(UserError):
            payment.move_id.with_user(accountant).button_draft()
        with self.assertRaises(UserError):
            payment.move_id.with_user(accountant).button_cancel()
        self.assertEqual(payment.move_id.state, "posted")
        self.assertEqual(trip.amount_advanced, 100000.0)

    def test_posted_report_receipts_stay(self):
        trip = self._approve(self._create_trip())
        self._pay(trip, 100000.0)
        self._return(trip)
        report = self._report(trip, [(self.cat_fares, 80000.0, self.kzt)]).sudo()
        receipt = report.line_ids.attachment_ids[:1]
        with self.assertRaises(UserError):
            receipt.with_user(self.user_requester).write({"datas": base64.b64encode(b"forged")})
        with self.assertRaises(UserError):
            receipt.sudo().unlink()
        with self.assertRaises(UserError):
            report.move_id.with_user(self.user_accountant).button_draft()
        # lines of the posted report are not moved, added or changed
        with self.assertRaises(UserError):
            report.sudo().write({"line_ids": [Command.create({
                "category_id": self.cat_fares.id, "name": "Planted", "amount": 1.0,
                "currency_id": self.kzt.id})]})


@tagged("post_install", "-at_install")
class TestSubstanceOwnTrip(TransactionCase):
    """The one answer for buttons, wizards and the server: the form says why not."""

    def test_act_reason_is_computed_per_user(self):
        trip = self.env["intl.trip"].search([("user_id", "!=", False)], limit=1)
        if not trip:
            self.skipTest("no trip with a traveller user")
        self.assertTrue(trip.with_user(trip.user_id).lifecycle_act_reason)
        other = self.env.ref("base.user_admin")
        if other != trip.user_id:
            self.assertFalse(trip.with_user(other).lifecycle_act_reason)
