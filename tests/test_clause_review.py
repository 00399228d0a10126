"""DP 717 §7.3: the management review on paper.

The report on the results of the process goes to the management review (DP 502); the summary
with proposals goes to the Academic Council, which decides; the decisions are followed up. The
DIC Director records them on the approved annual report; the paper prints in kk/ru/en (PDF) and
as the XLSX's *Management Review* sheet.
"""
import io
import re
import shutil
import subprocess
import tempfile
import unittest
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common_annual_report import YEAR, AnnualReportCommon
from .jsonrpc_common import JsonRpcRefusalMixin

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


class ReviewCommon(AnnualReportCommon):

    def _reviewed_report(self):
        """The approved report with its management review, its council and three decisions
        (one done)."""
        report = self._approve_report(self._new_report(lang="en_US"))
        report.with_user(self.user_dic_director).write({
            "review_date": date(YEAR + 1, 1, 20),
            "review_summary": "<p>Mobility grew; the approval of agreements lags.</p>",
            "council_date": date(YEAR + 1, 1, 28), "council_reference": "No. 4",
            "council_summary": "<p>Move agreement approvals to the electronic flow.</p>"})
        Action = self.env["intl.review.action"].with_user(self.user_dic_director)
        today = fields.Date.today()
        actions = Action.create([
            {"report_id": report.id, "origin": "review", "name": "Shorten agreement approvals to 20 days",
             "owner_id": self.user_officer.id, "date_deadline": today + timedelta(days=60)},
            {"report_id": report.id, "origin": "review", "name": "Publish trip reports on the intranet",
             "owner_id": self.user_officer.id, "date_deadline": today + timedelta(days=10)},
            {"report_id": report.id, "origin": "council", "name": "Fund invited scholars from January",
             "owner_id": self.user_dic_director.id, "date_deadline": today + timedelta(days=90)},
        ])
        done = actions[1].with_user(self.user_officer)
        done.write({"result": "Published on the intranet"})
        done.action_done()
        return report, actions


@tagged("post_install", "-at_install")
class TestClauseManagementReview(ReviewCommon):

    def test_review_recorded_on_the_approved_report_by_the_dic_director(self):
        report = self._new_report()
        director = report.with_user(self.user_dic_director)
        self.assertFalse(director.review_recorded)
        with self.assertRaises(UserError) as refused:
            director.write({"review_date": date(YEAR + 1, 1, 20)})
        self.assertIn("not approved", str(refused.exception))
        self._approve_report(report)
        # the rector approved it; the review is the DIC Director's to record
        with self.assertRaises(UserError):
            report.with_user(self.user_rector).write({"review_summary": "<p>Mine</p>"})
        with self.assertRaises(AccessError):
            report.with_user(self.user_officer).write({"review_summary": "<p>Mine</p>"})
        director.write({"review_date": date(YEAR + 1, 1, 20), "review_summary": "<p>On track.</p>"})
        self.assertTrue(director.review_recorded)
        with self.assertRaises(ValidationError):
            director.write({"council_date": date(YEAR + 1, 1, 10)})

    def test_decisions_wait_for_the_body_that_takes_them(self):
        report = self._approve_report(self._new_report())
        Action = self.env["intl.review.action"].with_user(self.user_dic_director)
        vals = {"report_id": report.id, "name": "Shorten approvals", "owner_id": self.user_officer.id,
                "date_deadline": date(YEAR + 1, 3, 1)}
        with self.assertRaises(UserError) as refused:
            Action.create({**vals, "origin": "review"})
        self.assertIn("management review", str(refused.exception))
        report.with_user(self.user_dic_director).write({
            "review_date": date(YEAR + 1, 1, 20), "review_summary": "<p>On track.</p>"})
        review = Action.create({**vals, "origin": "review"})
        with self.assertRaises(UserError) as refused:
            Action.create({**vals, "origin": "council"})
        self.assertIn("Academic Council", str(refused.exception))
        with self.assertRaises(UserError):
            review.write({"origin": "council"})
        report.with_user(self.user_dic_director).write({
            "council_date": date(YEAR + 1, 1, 28), "council_reference": "No. 4"})
        council = Action.create({**vals, "origin": "council"})
        self.assertEqual(report._review_actions("council"), council)
        # a draft report has no decisions
        draft = self._new_report(year=YEAR + 1)
        with self.assertRaises(UserError):
            Action.create({**vals, "report_id": draft.id, "origin": "review"})

    def test_follow_up_and_print_only_once_reviewed(self):
        report = self._approve_report(self._new_report())
        with self.assertRaises(UserError):
            report.with_user(self.user_dic_director).action_print_review()
        with self.assertRaises(UserError):
            self.env["ir.actions.report"].with_user(self.user_dic_director)._render_qweb_html(
                "intl_cooperation.action_report_intl_annual_report_review", report.ids)
        report, actions = self._reviewed_report()
        self.assertEqual(report._review_followup(),
                         {"total": 3, "done": 1, "open": 2, "late": 0, "cancelled": 0})
        action = report.with_user(self.user_dic_director).action_print_review()
        self.assertEqual(action["report_name"], "intl_cooperation.report_intl_annual_report_review")
        html = self.env["ir.actions.report"].with_user(self.user_dic_director)._render_qweb_html(
            "intl_cooperation.action_report_intl_annual_report_review", report.ids)[0].decode()
        for text in ("DP 502", "Mobility grew", "No. 4", "Move agreement approvals", *actions.mapped("name"),
                     "Published on the intranet", self.user_officer.name):
            self.assertIn(text, html)

    def test_xlsx_management_review_sheet(self):
        import openpyxl
        report, actions = self._reviewed_report()
        for lang in ("en_US", "ru_RU", "kk_KZ"):
            report._lifecycle_write({"lang": lang})  # the paper's language (frozen once approved)
            with self.subTest(lang=lang):
                content, kind = self.env["ir.actions.report"].with_user(self.user_dic_director)._render_xlsx(
                    "intl_cooperation.annual_report_xlsx", report.ids, data={})
                self.assertEqual(kind, "xlsx")
                book = openpyxl.load_workbook(io.BytesIO(content))
                names = {
                    "en_US": "Management Review",
                    "ru_RU": "Анализ со стороны руководства",
                    "kk_KZ": "Басшылық талдауы",
                }
                sheet = book[names[lang][:31]]
                cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
                for name in actions.mapped("name"):
                    self.assertIn(name, cells)
                self.assertIn("No. 4", cells)
                formulas = [cell for cell in cells if isinstance(cell, str) and cell.startswith("=COUNT")]
                self.assertEqual(len(formulas), 4, "decisions, done, to do, cancelled: counted by formulas")


@tagged("post_install", "-at_install")
class TestClauseManagementReviewPrint(ReviewCommon, HttpCase):
    """The paper rendered for real (wkhtmltopdf) in the three languages, read back by pdftotext."""

    def test_pdf_in_three_languages(self):
        if not shutil.which("pdftotext"):
            raise unittest.SkipTest("pdftotext (poppler-utils) is not installed")
        self.env["res.lang"]._activate_lang("ru_RU")
        report, actions = self._reviewed_report()
        titles = {"en_US": "Management Review", "ru_RU": "Анализ со стороны руководства",
                  "kk_KZ": "басшылық талдауы"}
        for lang, title in titles.items():
            report._lifecycle_write({"lang": lang})  # the paper's language (frozen once approved)
            with self.subTest(lang=lang):
                pdf, kind = self.env["ir.actions.report"].with_user(self.user_dic_director).with_context(
                    force_report_rendering=True)._render_qweb_pdf(
                    "intl_cooperation.action_report_intl_annual_report_review", report.ids)
                self.assertEqual(kind, "pdf")
                with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
                    handle.write(pdf)
                    handle.flush()
                    text = subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True,
                                          check=True, text=True).stdout
                flat = " ".join(text.split())
                self.assertIn(title, flat)
                self.assertEqual(bool(CYRILLIC.search(flat.split("DP 502")[0])), lang != "en_US")
                for name in actions.mapped("name"):
                    self.assertIn(name, flat)
                self.assertIn("No. 4", flat)


@tagged("post_install", "-at_install")
class TestClauseManagementReviewJsonRpc(JsonRpcRefusalMixin, ReviewCommon, HttpCase):
    """Over JSON-RPC: the officer and the rector do not record the review; nobody records a
    council decision before the council sat; nobody prints the paper before the review."""

    def _login(self, user):
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")

    def _call(self, model, method, args):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_refusals_over_jsonrpc(self):
        report = self._approve_report(self._new_report())
        self._login(self.user_officer)
        with self.assertRpcRefused(AccessError):
            self._call("intl.annual.report", "write", [report.ids, {"review_summary": "<p>Forged</p>"}])
        self._login(self.user_rector)  # the record rules leave the approved report to DIC
        with self.assertRpcRefused(AccessError):
            self._call("intl.annual.report", "write", [report.ids, {"review_summary": "<p>Forged</p>"}])
        self._login(self.user_dic_director)
        with self.assertRpcRefused(UserError):
            self._call("intl.annual.report", "action_print_review", [report.ids])
        with self.assertRpcRefused(UserError):
            self._call("intl.review.action", "create", [{
                "report_id": report.id, "origin": "council", "name": "Forged decision",
                "owner_id": self.user_officer.id, "date_deadline": str(date(YEAR + 1, 3, 1))}])
        report.invalidate_recordset()
        self.assertFalse(report.read(["review_summary"])[0]["review_summary"])
        self.assertFalse(self.env["intl.review.action"].search([("name", "=", "Forged decision")]))
