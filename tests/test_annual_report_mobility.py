import io
from datetime import date

from odoo.tests import tagged
from odoo.tools import formatLang

from .common_annual_report import EXPECTED_TOTALS, YEAR, AnnualReportCommon

MOBILITY_CODES = ("mobility_applications", "mobility_nominated_out", "mobility_accepted_out",
                  "mobility_nominations_in", "mobility_accepted_in", "mobility_realised", "mobility_months",
                  "mobility_credits")


@tagged("post_install", "-at_install")
class TestAnnualReportMobility(AnnualReportCommon):
    """Academic mobility in the annual report, its spreadsheet and the institutes' indicators:
    applications, nominations both ways, mobilities realised, months, credits recognised."""

    def _figure(self, report, code, key=None):
        return report.figure_ids.filtered(lambda f: f.code == code and (key is None or f.key == key))

    def test_figures_equal_the_records_counted_by_hand(self):
        report = self._new_report()
        totals = self._totals(report)
        self.assertEqual({code: totals[code] for code in MOBILITY_CODES},
                         {code: EXPECTED_TOTALS[code] for code in MOBILITY_CODES})
        self.assertEqual(self._breakdown(report, "mobility_realised_by_direction"),
                         {"Outgoing": 2, "Incoming": 1})
        self.assertEqual(self._breakdown(report, "mobility_realised_by_activity"),
                         {"Outgoing: Studies": 2, "Incoming: Teaching": 1})
        # in the reader's language
        russian = report.with_context(lang="ru_RU")
        russian.figure_ids.invalidate_recordset(["dimension_label"])
        self.assertEqual(self._breakdown(russian, "mobility_realised_by_direction"),
                         {"Исходящая": 2, "Входящая": 1})
        months = self._figure(report, "mobility_months")
        self.assertEqual(months.value_display, "%s months" % formatLang(self.env, 9.2, digits=1))
        sections = {key for key, _label, _rows in report._figures_by_section()}
        self.assertIn("mobility", sections)

    def test_every_figure_opens_the_records_it_counts(self):
        report = self._new_report()
        Application, Mobility = self.env["intl.mobility.application"], self.env["intl.mobility"]
        outgoing, incoming = (self.mobility_realised.filtered(lambda m, d=d: m.direction == d)
                              for d in ("outgoing", "incoming"))
        expected = {
            ("mobility_applications", None): self.mobility_applications,
            ("mobility_nominated_out", None): Application,
            ("mobility_accepted_out", None): Application,
            ("mobility_nominations_in", None): self.nominations_in,
            ("mobility_accepted_in", None): self.nominations_in.filtered(lambda n: n.state == "accepted"),
            ("mobility_realised", None): self.mobility_realised,
            ("mobility_months", None): self.mobility_realised,
            ("mobility_credits", None): self.mobility_realised.filtered("credits_recognised"),
            ("mobility_realised_by_direction", "outgoing"): outgoing,
            ("mobility_realised_by_direction", "incoming"): incoming,
            ("mobility_realised_by_activity", "outgoing/studies"): outgoing,
            ("mobility_realised_by_activity", "incoming/teaching"): incoming,
        }
        for (code, key), records in expected.items():
            with self.subTest(code=code, key=key):
                figure = self._figure(report, code, key)
                self.assertEqual(len(figure), 1)
                action = figure.with_user(self.user_dic_director).action_open_records()
                found = self.env[action["res_model"]].search(action["domain"])
                self.assertEqual(found, records)
                self.assertEqual(found._name, figure.drill_model)
        months = self._figure(report, "mobility_months").action_open_records()
        self.assertAlmostEqual(sum(Mobility.search(months["domain"]).mapped("duration_months")), 9.2)

    def test_mobility_figures_do_not_grow_with_the_records(self):
        Report = self.env["intl.annual.report"]

        def queries():
            Report._figures_mobility(YEAR, self.company)  # warm the caches
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            vals = Report._figures_mobility(YEAR, self.company)
            return self.env.cr.sql_log_count - start, vals

        few, before = queries()
        self.assertEqual(few, 3)  # applications, nominations, mobilities: one grouped query each
        Mobility = self.env["intl.mobility"]
        Mobility._lifecycle_create([{
            "participant_type": "staff", "visitor_name": f"Visitor {index}", "institute_id": self.institute.id,
            "direction": "incoming", "mobility_type": kind, "partner_id": self.uni_fr.id,
            "company_id": self.company.id, "academic_year": f"{YEAR - 1}/{YEAR}", "state": "completed",
            "date_start": date(YEAR, 4, 1), "date_end": date(YEAR, 4, 10), "credits_recognised": 1,
        } for index in range(40) for kind in ("teaching", "training")])
        many, after = queries()
        self.assertEqual(many, few)
        total = {vals["code"]: vals["value"] for vals in after if vals["dimension"] == "total"}
        self.assertEqual(total["mobility_realised"], EXPECTED_TOTALS["mobility_realised"] + 80)
        self.assertEqual(total["mobility_credits"], EXPECTED_TOTALS["mobility_credits"] + 80)
        self.assertEqual(len(after), len(before) + 1)  # one more breakdown: incoming training

    def test_spreadsheet_has_the_mobility_sheet(self):
        import openpyxl
        report = self._new_report()
        content, _kind = self.env["ir.actions.report"].with_user(self.user_dic_director)._render_xlsx(
            "intl_cooperation.annual_report_xlsx", report.ids, data={})
        sheet = openpyxl.load_workbook(io.BytesIO(content))["Academic Mobility"]
        values = {sheet.cell(row, 1).value: sheet.cell(row, 3).value for row in range(5, 14)
                  if not sheet.cell(row, 2).value}
        self.assertEqual(values["Mobility applications"], 3)
        self.assertEqual(values["Months of mobility realised"], 9.2)
        self.assertEqual(values["Credits recognised"], 30)
        self.assertEqual(sheet.cell(5, 3).number_format, "#,##0")
        formulas = [cell.value for row in sheet.iter_rows() for cell in row
                    if isinstance(cell.value, str) and cell.value.startswith("=SUM(")]
        self.assertEqual(len(formulas), 2)  # by direction, by direction and activity

    def test_indicators_per_institute_with_their_records(self):
        Indicator = self.env["intl.institute.indicator"].with_user(self.user_dic_director)
        codes = ("mobility_applications", "mobility_nominated_out", "mobility_nominations_in",
                 "mobility_realised", "mobility_months", "mobility_credits")
        indicators = Indicator.create([
            {"institute_id": institute.id, "year": YEAR, "code": code, "target": 1, "company_id": self.company.id}
            for institute in (self.institute, self.other_institute) for code in codes])
        actual = {(i.institute_id, i.code): i.actual for i in indicators}
        inst, other = self.institute, self.other_institute
        self.assertEqual(actual, {
            (inst, "mobility_applications"): 3, (other, "mobility_applications"): 0,
            (inst, "mobility_nominated_out"): 0, (other, "mobility_nominated_out"): 0,
            (inst, "mobility_nominations_in"): 2, (other, "mobility_nominations_in"): 1,
            (inst, "mobility_realised"): 2, (other, "mobility_realised"): 1,
            (inst, "mobility_months"): 4.2, (other, "mobility_months"): 5.0,
            (inst, "mobility_credits"): 0, (other, "mobility_credits"): 30,
        })
        self.assertTrue(all(indicators.mapped("is_live")))
        for indicator in indicators:
            with self.subTest(institute=indicator.institute_id.name, code=indicator.code):
                self.assertTrue(indicator.can_open_records)
                action = indicator.action_open_records()
                records = self.env[action["res_model"]].search(action["domain"])
                if indicator.code == "mobility_months":
                    self.assertAlmostEqual(sum(records.mapped("duration_months")), indicator.actual)
                elif indicator.code == "mobility_credits":
                    self.assertEqual(sum(records.mapped("credits_recognised")), indicator.actual)
                else:
                    self.assertEqual(len(records), indicator.actual)
                self.assertEqual(records.institute_id, indicator.institute_id if records else records.institute_id)
