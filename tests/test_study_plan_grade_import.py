import base64
import csv
import io
from unittest.mock import patch

import xlsxwriter

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..models.intl_learner_grade import convert_partner_grade
from ..wizards import intl_file_import_mixin
from .degree_common import DegreeCommon
from .jsonrpc_common import JsonRpcRefusalMixin


class GradeImportCommon(DegreeCommon):
    """A selected learner's study plan approved by the directorate and the Registrar Office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the partner's module code of a matched discipline (the programme's curricula alignment)
        cls.programme.discipline_ids.filtered(lambda d: d.partner_discipline == "Master Thesis").partner_code = "MA-T"
        cls.application = cls._apply(cls._create_learner("ST-TOR"))
        cls.intake.action_close_applications()
        cls.intake.decision_ref = "No. 7"
        cls.intake.with_user(cls.user_director_institute).action_decide()
        action = cls.application.with_user(cls.user_coordinator).action_create_study_plan()
        cls.plan = cls.env["intl.study.plan"].browse(action["res_id"])
        cls.plan.with_user(cls.user_coordinator).date_partner_agreed = cls.today
        cls.plan.with_user(cls.user_coordinator).action_submit()
        cls.plan.with_user(cls.user_director_institute).action_approval_approve()
        cls.plan.with_user(cls.user_registrar).action_approval_approve()
        cls.ml, cls.thesis = cls.plan.line_ids.sorted("semester")

    @staticmethod
    def _csv(rows, header=("module", "credits", "grade")):
        buffer = io.StringIO()
        csv.writer(buffer).writerows([header, *rows])
        return base64.b64encode(buffer.getvalue().encode())

    def _wizard(self, data, filename="transcript.csv", scale="one_to_five", user=None):
        return self.env["intl.study.plan.grade.import"].with_user(user or self.user_registrar).create({
            "plan_id": self.plan.id, "file": data, "filename": filename, "grade_scale": scale})


@tagged("post_install", "-at_install")
class TestStudyPlanGradeImport(GradeImportCommon):
    """The partner's transcript of records: previewed (match, conversion, errors), written on
    confirmation only, then recognised into the learner's transcript."""

    def test_conversion_table(self):
        cases = {
            ("letter", "A"): "A", ("letter", " b+ "): "B+", ("letter", "E"): "D", ("letter", "FX"): "FX",
            ("letter", "G"): None, ("letter", ""): None,
            ("percent", "95"): "A", ("percent", "94"): "A-", ("percent", "84,5"): "B", ("percent", "50%"): "D",
            ("percent", "24"): "F", ("percent", "101"): None, ("percent", "good"): None,
            ("one_to_five", "1.0"): "A", ("one_to_five", "1,3"): "A", ("one_to_five", "1.7"): "B+",
            ("one_to_five", "2.3"): "B-", ("one_to_five", "3.0"): "C", ("one_to_five", "4.0"): "D",
            ("one_to_five", "4.3"): "FX", ("one_to_five", "5.0"): "F", ("one_to_five", "0.7"): None,
            ("one_to_five", "sehr gut"): None,
        }
        for (scale, grade), letter in cases.items():
            with self.subTest(scale=scale, grade=grade):
                self.assertEqual(convert_partner_grade(grade, scale), letter)

    def test_preview_then_import_then_recognise(self):
        wizard = self._wizard(self._csv([["Machine Learning 1", "9", "1.3"], ["master thesis", "30,0", "2.3"]]))
        wizard.action_preview()
        self.assertEqual((wizard.row_count, wizard.error_count, wizard.match_count, wizard.missing_count),
                         (2, 0, 2, 0))
        preview = {row.plan_line_id: (row.partner_grade, row.converted_grade, row.error) for row in wizard.line_ids}
        self.assertEqual(preview, {self.ml: ("1.3", "A", False), self.thesis: ("2.3", "B-", False)})
        # nothing is written before the confirmation
        self.assertFalse(self.plan.line_ids.filtered("partner_grade"))
        wizard.action_import()
        self.assertEqual((self.ml.partner_grade, self.ml.converted_grade), ("1.3", "A"))
        self.assertEqual((self.thesis.partner_grade, self.thesis.converted_grade), ("2.3", "B-"))
        self.assertIn("transcript.csv", self.plan.message_ids[0].body)
        # the existing recognition takes every converted grade into the transcript
        learner = self.plan.learner_id
        credits_before = learner.credits_total
        self.plan.with_user(self.user_registrar).action_recognise()
        recognised = learner.grade_ids.filtered(lambda grade: grade.source == "recognised")
        self.assertEqual(recognised.study_plan_line_id, self.plan.line_ids)
        self.assertEqual({g.study_plan_line_id: g.grade for g in recognised}, {self.ml: "A", self.thesis: "B-"})
        self.assertEqual(sum(recognised.mapped("credits")), self.plan.home_credits)
        self.assertEqual(learner.credits_total, credits_before + 18)
        # a recognised plan takes no more grades
        with self.assertRaises(UserError):
            self._wizard(self._csv([["Machine Learning 1", "9", "1.0"]]))

    def test_errors_shown_per_row_and_nothing_written(self):
        rows = [
            ["Machine Learning 1", "9", "1.3"],
            ["Quantum <b>Basket</b> Weaving", "5", "1.0"],   # unknown module (escaped in the list)
            ["Master Thesis", "24", "2.0"],                  # credits that differ from the plan
            ["Machine Learning 1", "9", "1.7"],              # graded twice
            ["", "5", "sehr gut"],                           # no module, unreadable grade
        ]
        wizard = self._wizard(self._csv(rows))
        wizard.action_preview()
        self.assertEqual(wizard.row_count, 5)
        self.assertEqual(wizard.error_count, 5)
        html = str(wizard.error_html)
        for text in ("Row 3: Unknown module", "&lt;b&gt;Basket", "Row 4: Master Thesis has 30.0 credits",
                     "Row 5: Machine Learning 1 is already graded in row 2", "Row 6: The module is empty",
                     "sehr gut cannot be read"):
            self.assertIn(text, html)
        self.assertNotIn("<b>Basket", html)
        errors = wizard.line_ids.sorted("row").mapped("error")
        self.assertFalse(errors[0])
        self.assertTrue(all(errors[1:]))
        self.assertEqual(wizard.line_ids.sorted("row")[2].plan_line_id, self.thesis)
        with self.assertRaises(UserError) as caught:
            wizard.action_import()
        self.assertIn("Nothing was imported", str(caught.exception))
        self.assertFalse(self.plan.line_ids.filtered("partner_grade"))
        # the same file on the wrong scale: every grade unreadable
        wizard = self._wizard(self._csv([["Machine Learning 1", "9", "1.3"]]), scale="letter")
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 1)

    def test_xlsx_with_other_headers_and_codes(self):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet()
        for row_index, row in enumerate([["Partner Code", "ECTS", "Partner Grade"], ["ma-t", 30, 91],
                                         ["Learning", 9.0, 78]]):
            for col, value in enumerate(row):
                sheet.write(row_index, col, value)
        book.close()
        wizard = self._wizard(base64.b64encode(buffer.getvalue()), filename="tor.xlsx", scale="percent")
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 0, wizard.error_html)
        self.assertEqual({row.plan_line_id: row.converted_grade for row in wizard.line_ids},
                         {self.thesis: "A-", self.ml: "B-"})
        wizard.action_import()
        self.assertEqual(self.thesis.partner_grade, "91")

    def test_bad_files(self):
        with self.assertRaises(UserError) as caught:
            self._wizard(self._csv([], header=("module", "credits", "grade", "salary"))).action_preview()
        self.assertIn("Unknown columns", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            self._wizard(self._csv([], header=("module", "grade"))).action_preview()
        self.assertIn("Missing columns", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            self._wizard(self._csv([]), filename="tor.pdf").action_preview()
        self.assertIn("CSV or an XLSX", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            self._wizard(self._csv([])).action_preview()
        self.assertIn("no grades", str(caught.exception))
        with self.assertRaises(UserError):
            self._wizard(base64.b64encode(b"not a workbook"), filename="tor.xlsx").action_preview()
        with patch.object(intl_file_import_mixin, "MAX_FILE_BYTES", 10), self.assertRaises(UserError) as caught:
            self._wizard(self._csv([["Machine Learning 1", "9", "1.3"]])).action_preview()
        self.assertIn("larger than", str(caught.exception))

    def test_only_the_registrar_imports(self):
        data = self._csv([["Machine Learning 1", "9", "1.3"]])
        # coordinators and DIC may write the plan's disciplines, but not the partner's grades
        # (nor management, who reads plans only)
        for user in (self.user_coordinator, self.user_officer, self.user_management):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._wizard(data, user=user)
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.ml.with_user(user).write({"partner_grade": "1.3", "converted_grade": "A"})
        self.ml.invalidate_recordset()
        self.assertFalse(self.ml.read(["partner_grade"])[0]["partner_grade"])

    def test_not_before_approval(self):
        self.plan.with_user(self.user_coordinator).action_cancel()
        with self.assertRaises(UserError) as caught:
            self._wizard(self._csv([["Machine Learning 1", "9", "1.3"]]))
        self.assertIn("approved plan", str(caught.exception))


@tagged("post_install", "-at_install")
class TestStudyPlanGradeImportJsonRpc(JsonRpcRefusalMixin, GradeImportCommon, HttpCase):
    """Over JSON-RPC: only the Registrar Office imports or records the partner's grades."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_coordinator_refused_registrar_imports(self):
        data = self._csv([["Machine Learning 1", "9", "1.3"], ["Master Thesis", "30", "1.7"]]).decode()
        vals = {"plan_id": self.plan.id, "file": data, "filename": "tor.csv", "grade_scale": "one_to_five"}
        self.user_coordinator.password = "coordinator-pw-1"
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        with self.assertRpcRefused(AccessError):
            self._call("intl.study.plan.grade.import", "create", [[vals]])
        with self.assertRpcRefused(UserError):
            self._call("intl.study.plan.line", "write", [[self.ml.id], {"partner_grade": "1.0",
                                                                         "converted_grade": "A"}])
        self.user_registrar.password = "registrar-pw-1"
        self.authenticate(self.user_registrar.login, "registrar-pw-1")
        [wizard_id] = self._call("intl.study.plan.grade.import", "create", [[vals]])
        self._call("intl.study.plan.grade.import", "action_preview", [[wizard_id]])
        self._call("intl.study.plan.grade.import", "action_import", [[wizard_id]])
        self.plan.line_ids.invalidate_recordset()
        self.assertEqual(sorted(self.plan.line_ids.read(["converted_grade"]), key=lambda r: r["id"]),
                         sorted([{"id": self.ml.id, "converted_grade": "A"},
                                 {"id": self.thesis.id, "converted_grade": "B+"}], key=lambda r: r["id"]))
