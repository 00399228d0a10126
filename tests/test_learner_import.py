import base64
import csv
import io

import xlsxwriter

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import IntlCommon

HEADER = ["student_id", "name_latin", "name_cyrillic", "institute", "level", "year_of_study", "citizenship",
          "email", "academic_year", "term", "discipline", "credits", "grade", "language", "certificate",
          "cefr_level", "score"]


@tagged("post_install", "-at_install")
class TestLearnerImport(IntlCommon):
    """Learners and transcripts from CSV or XLSX: a preview, per-row errors, all or nothing."""

    def _rows(self, count, bad=()):
        rows = []
        for index in range(count):
            row = [f"IMP-{index:05d}", f"Learner {index}", f"Обучающийся {index}", self.institute.name, "bachelor",
                   "2", "KZ", f"imp{index}@example.com", "2025/2026", "1", "Mathematics", "5", "A", "en",
                   "IELTS", "B2", "6.5"]
            if index in bad:
                row = bad[index](row)
            rows.append(row)
        return rows

    def _csv(self, rows, header=None):
        buffer = io.StringIO()
        csv.writer(buffer).writerows([header or HEADER, *rows])
        return base64.b64encode(buffer.getvalue().encode())

    def _wizard(self, data, filename="learners.csv", user=None):
        return self.env["intl.learner.import"].with_user(user or self.user_registrar).create(
            {"file": data, "filename": filename})

    def _count(self):
        return self.env["intl.learner"].search_count([("student_code", "=like", "IMP-%")])

    def test_thousand_learners_with_three_bad_rows(self):
        bad = {
            10: lambda row: [*row[:12], "Z", *row[13:]],             # not a letter grade
            500: lambda row: [*row[:3], "Institute of Nowhere", *row[4:]],  # unknown institute
            998: lambda row: [*row[:8], "2025-2026", *row[9:]],      # academic year badly written
        }
        wizard = self._wizard(self._csv(self._rows(1000, bad)))
        wizard.action_preview()
        self.assertEqual(wizard.row_count, 1000)
        self.assertEqual(wizard.error_count, 3)
        for row_number in (12, 502, 1000):  # file rows: the header is row 1
            self.assertIn(f"Row {row_number}:", wizard.error_html)
        self.assertIn("Institute of Nowhere", wizard.error_html)
        with self.assertRaisesRegex(UserError, "Nothing was imported"):
            wizard.action_import()
        self.assertEqual(self._count(), 0)
        # fixed file: everything is imported at once
        wizard = self._wizard(self._csv(self._rows(1000)))
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 0)
        self.assertEqual(wizard.create_count, 1000)
        wizard.action_import()
        self.assertEqual(self._count(), 1000)
        learner = self.env["intl.learner"].search([("student_code", "=", "IMP-00042")])
        self.assertEqual(learner.gpa, 4.0)
        self.assertEqual(learner.language_ids.cefr_level, "B2")
        self.assertEqual(learner.institute_id, self.institute)

    def test_several_rows_per_learner_and_update(self):
        rows = [
            ["IMP-1", "Aruzhan S", "Аружан С", self.institute.name, "master", "1", "KZ", "", "2025/2026", "1",
             "Algebra", "5", "A-", "", "", "", ""],
            ["IMP-1", "", "", "", "", "", "", "", "2025/2026", "2", "Physics", "4", "B", "", "", "", ""],
        ]
        wizard = self._wizard(self._csv(rows))
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 0)
        wizard.action_import()
        learner = self.env["intl.learner"].search([("student_code", "=", "IMP-1")])
        self.assertEqual(len(learner.grade_ids), 2)
        self.assertEqual(learner.period_count, 2)
        self.assertEqual(learner.level, "master")
        # the next export corrects a grade and adds one: the learner is updated, not duplicated
        rows = [["IMP-1", "Aruzhan S", "", self.institute.name, "", "2", "", "", "2025/2026", "2", "Physics", "4",
                 "B+", "", "", "", ""],
                ["IMP-1", "", "", "", "", "", "", "", "2026/2027", "1", "Databases", "5", "A", "", "", "", ""]]
        wizard = self._wizard(self._csv(rows))
        wizard.action_preview()
        self.assertEqual(wizard.update_count, 1)
        wizard.action_import()
        self.assertEqual(self.env["intl.learner"].search_count([("student_code", "=", "IMP-1")]), 1)
        self.assertEqual(sorted(learner.grade_ids.mapped("grade")), ["A", "A-", "B+"])
        self.assertEqual(learner.year_of_study, 2)

    def test_xlsx(self):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet()
        for row_index, row in enumerate([HEADER, *self._rows(3)]):
            for col, value in enumerate(row):
                sheet.write(row_index, col, int(value) if value.isdigit() else value)
        book.close()
        wizard = self._wizard(base64.b64encode(buffer.getvalue()), filename="learners.xlsx")
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 0)
        wizard.action_import()
        self.assertEqual(self._count(), 3)

    def test_bad_files(self):
        with self.assertRaisesRegex(UserError, "Unknown columns"):
            self._wizard(self._csv([], header=["student_id", "name_latin", "institute", "salary"])).action_preview()
        with self.assertRaisesRegex(UserError, "Missing columns"):
            self._wizard(self._csv([], header=["student_id", "name_latin"])).action_preview()
        with self.assertRaisesRegex(UserError, "CSV or an XLSX"):
            self._wizard(self._csv([]), filename="learners.pdf").action_preview()
        with self.assertRaisesRegex(UserError, "XLSX"):
            self._wizard(base64.b64encode(b"not a workbook"), filename="learners.xlsx").action_preview()
        wizard = self._wizard(self._csv([["", "X", "", self.institute.name]], header=HEADER[:4]))
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 1)

    def test_duplicate_discipline_and_contradicting_rows(self):
        rows = self._rows(1) * 2
        rows[1] = [rows[1][0], "Somebody Else", *rows[1][2:]]
        wizard = self._wizard(self._csv(rows))
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 2)
        self.assertIn("appears twice", wizard.error_html)
        self.assertIn("already used", wizard.error_html)

    def test_who_may_import(self):
        with self.assertRaises(AccessError):
            self._wizard(self._csv(self._rows(1)), user=self.user_management).action_import()
        wizard = self._wizard(self._csv(self._rows(2)), user=self.user_coordinator)
        wizard.action_import()
        self.assertEqual(self._count(), 2)
        # a coordinator does not import the learners of another institute
        rows = self._rows(1)
        rows[0] = ["IMP-GEO", *rows[0][1:3], self.other_institute.name, *rows[0][4:]]
        wizard = self._wizard(self._csv(rows), user=self.user_coordinator)
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 1)
        self.assertIn("your own institute", wizard.error_html)
