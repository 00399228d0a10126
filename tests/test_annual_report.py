import io
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_annual_report import EXPECTED_TOTALS, YEAR, AnnualReportCommon

SECTION_TRIPS = {
    "en_US": "Trips Abroad of Staff",
    "ru_RU": "Зарубежные командировки сотрудников",
    "kk_KZ": "Қызметкерлердің шетелдік іссапарлары",
}
HEADERS = {
    "en_US": ["Figure", "Breakdown", "Value"],
    "ru_RU": ["Показатель", "Разбивка", "Значение"],
    "kk_KZ": ["Көрсеткіш", "Бөлінісі", "Мәні"],
}


@tagged("post_install", "-at_install")
class TestAnnualReportFigures(AnnualReportCommon):

    def test_figures_equal_hand_computed_in_each_language(self):
        for lang in ("en_US", "ru_RU", "kk_KZ"):
            with self.subTest(lang=lang):
                report = self._new_report().with_context(lang=lang)
                self.assertEqual(self._totals(report), {
                    code: EXPECTED_TOTALS[code] for code in self._totals(report)})
                self.assertEqual(set(EXPECTED_TOTALS) - set(self._totals(report)), set())
                de, fr = self.de.with_context(lang=lang).name, self.fr.with_context(lang=lang).name
                self.assertEqual(self._breakdown(report, "trip_by_country"), {de: 2, fr: 1})
                self.assertEqual(self._breakdown(report, "trip_by_purpose"),
                                 {"Conference": 2, "Internship": 1})
                self.assertEqual(self._breakdown(report, "trip_by_institute"),
                                 {self.institute.name: 2, self.other_institute.name: 1})
                self.assertEqual(self._breakdown(report, "trip_by_funding"), {
                    self.funding_budget.with_context(lang=lang).name: 2,
                    self.funding_grant.with_context(lang=lang).name: 1})
                self.assertEqual(self._breakdown(report, "money_by_funding"), {
                    self.funding_budget.with_context(lang=lang).name: 100000.0,
                    self.funding_grant.with_context(lang=lang).name: 50000.0})
                self.assertEqual(self._breakdown(report, "delegation_by_country"), {de: 2})
                sections = {label for _key, label, _rows in report._figures_by_section()}
                self.assertIn(SECTION_TRIPS[lang], sections)
                report.unlink()

    def test_figure_drill_down_opens_the_records_behind(self):
        report = self._new_report()
        figure = report.figure_ids.filtered(
            lambda f: f.code == "trip_by_country" and f.res_id == self.de.id)
        action = figure.with_user(self.user_dic_director).action_open_records()
        trips = self.env["intl.trip"].search(action["domain"])
        self.assertEqual(trips, self.trip_1 | self.trip_2)
        money = report.figure_ids.filtered(lambda f: f.code == "money_total")
        reports = self.env[money.drill_model].search(money.action_open_records()["domain"])
        self.assertEqual(sum(reports.mapped("total_amount")), 150000.0)

    def test_figures_cost_a_constant_number_of_queries(self):
        Report = self.env["intl.annual.report"]
        # one query per section, two for the double degrees: 17 whatever the number of records
        Report._compute_figure_vals(YEAR, self.company)  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(17):
            Report._compute_figure_vals(YEAR, self.company)
        self.env.invalidate_all()
        with self.assertQueryCount(17):
            Report._compute_figure_vals(YEAR - 5, self.company)

    def test_approved_report_keeps_its_figures(self):
        report = self._approve_report(self._new_report())
        self.assertEqual(report.state, "approved")
        self.assertEqual(report.approved_by_id, self.user_rector)
        before = {(f.code, f.dimension_label): f.value for f in report.figure_ids}
        # the trip moves to another year and country after the approval
        self.trip_3._lifecycle_write({"date_departure": date(YEAR + 1, 2, 1),
                                      "date_return": date(YEAR + 1, 2, 5), "country_id": self.de.id})
        self.env.invalidate_all()
        after = {(f.code, f.dimension_label): f.value for f in report.figure_ids}
        self.assertEqual(before, after)
        self.assertEqual(self._totals(report)["trip_count"], 3)
        with self.assertRaises(UserError):
            report.with_user(self.user_dic_director).action_refresh_figures()
        with self.assertRaises(UserError):
            report.with_user(self.user_dic_director).write({"conclusions": "<p>Changed</p>"})
        with self.assertRaises(UserError):
            report.figure_ids[:1].with_user(self.user_dic_director).write({"value": 99})
        with self.assertRaises(UserError):
            report.figure_ids[:1].with_user(self.user_dic_director).unlink()
        # a live computation sees the change; a new version picks it up
        live = {vals["code"]: vals["value"] for vals in report._compute_figure_vals(YEAR, self.company)
                if vals["dimension"] == "total"}
        self.assertEqual(live["trip_count"], 2)
        action = report.with_user(self.user_dic_director).action_new_version()
        new = self.env["intl.annual.report"].browse(action["res_id"])
        self.assertEqual((new.version, new.state, new.previous_id), (2, "draft", report))
        self.assertEqual(self._totals(new)["trip_count"], 2)
        self._approve_report(new)
        self.assertEqual(report.state, "superseded")
        self.assertEqual(self._totals(report)["trip_count"], 3)

    def test_submission_needs_the_narrative_and_the_director(self):
        report = self._new_report(conclusions=False)
        with self.assertRaises(UserError):
            report.with_user(self.user_dic_director).action_submit()
        report.with_user(self.user_dic_director).conclusions = "<p>Done</p>"
        with self.assertRaises(UserError):
            report.with_user(self.user_officer).action_submit()
        with self.assertRaises(UserError):
            report.with_user(self.user_dic_director).write({"state": "approved"})
        report.with_user(self.user_dic_director).action_submit()
        self.assertEqual(report.state, "submitted")
        # the DIC Director cannot approve in the rector's place
        with self.assertRaises(UserError):
            report.with_user(self.user_dic_director).action_approval_approve()
        with self.assertRaises(UserError):
            self._new_report()  # one version in preparation per year

    def test_rejection_returns_to_draft(self):
        report = self._new_report()
        report.with_user(self.user_dic_director).action_submit()
        report.with_user(self.user_rector).with_context(active_ids=report.ids)._approval_do_reject(
            "Add the delegations' outcomes")
        self.assertEqual(report.state, "draft")
        report.with_user(self.user_dic_director).action_refresh_figures()


@tagged("post_install", "-at_install")
class TestAnnualReportXlsx(AnnualReportCommon):

    def _workbook(self, report):
        import openpyxl
        content, kind = self.env["ir.actions.report"].with_user(self.user_dic_director)._render_xlsx(
            "intl_cooperation.annual_report_xlsx", report.ids, data={})
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_xlsx_sheets_headers_numbers_formulas_in_each_language(self):
        report = self._new_report()
        for lang in ("en_US", "ru_RU", "kk_KZ"):
            with self.subTest(lang=lang):
                report.with_user(self.user_dic_director).lang = lang
                book = self._workbook(report)
                trips = book[SECTION_TRIPS[lang][:31]]
                self.assertEqual([trips.cell(4, col).value for col in (1, 2, 3)], HEADERS[lang])
                self.assertEqual(trips.cell(5, 3).value, 3)
                self.assertIsInstance(trips.cell(5, 3).value, (int, float))
                formulas = [cell.value for row in trips.iter_rows() for cell in row
                            if isinstance(cell.value, str) and cell.value.startswith("=SUM(")]
                self.assertEqual(len(formulas), 4)  # country, purpose, institute, funding
                self.assertGreaterEqual(len(book.sheetnames), 5)
                self.assertIn(len(book.chartsheets), (1,))
                trend = book.worksheets[-1]
                years = [trend.cell(row, 1).value for row in range(2, 7)]
                self.assertEqual(years, list(range(YEAR - 4, YEAR + 1)))

    def test_indicator_mail_to_institutes(self):
        report = self._approve_report(self._new_report())
        Indicator = self.env["intl.institute.indicator"].with_user(self.user_dic_director)
        Indicator.create([
            {"institute_id": self.institute.id, "year": YEAR, "code": "trips_out", "target": 4,
             "company_id": self.company.id},
            {"institute_id": self.other_institute.id, "year": YEAR, "code": "trips_out", "target": 1,
             "company_id": self.company.id},
        ])
        report.with_user(self.user_dic_director).action_send_indicators()
        messages = report.message_ids.filtered(lambda m: m.attachment_ids and m.partner_ids)
        self.assertEqual(len(messages), 2)
        self.assertEqual(set(messages.partner_ids.ids), {
            self.employee_coordinator.user_id.partner_id.id, self.user_director_other.partner_id.id})
        import openpyxl
        attachment = messages.attachment_ids[0]
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        sheet = book.worksheets[0]
        self.assertTrue(str(sheet.cell(4, 4).value).startswith("=IF("))
