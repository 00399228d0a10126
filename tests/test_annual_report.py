import io
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_annual_report import EXPECTED_TOTALS, YEAR, AnnualReportCommon
from .test_approval_click_queries import CLICK_QUERIES, ApprovalClickMixin

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


PEOPLE_LABELS = {
    "en_US": {
        "sections": ["Learners Sent Abroad", "Invited Scholars and Experts", "Incoming Foreign Students",
                     "Double-Degree Programmes"],
        "codes": {"learner_out": "Learners sent abroad", "scholar_hours": "Hours taught by invited scholars",
                  "student_incoming": "Incoming foreign students", "degree_intake": "Double-degree intakes"},
    },
    "ru_RU": {
        "sections": ["Обучающиеся, направленные за рубеж", "Приглашённые учёные и эксперты",
                     "Прибывшие иностранные студенты", "Программы двойного диплома"],
        "codes": {"learner_out": "Обучающиеся, направленные за рубеж",
                  "scholar_hours": "Часы, проведённые приглашёнными учёными",
                  "student_incoming": "Прибывшие иностранные студенты",
                  "degree_intake": "Наборы по двойному диплому"},
    },
    "kk_KZ": {
        "sections": ["Шетелге жіберілген білім алушылар", "Шақырылған ғалымдар мен сарапшылар",
                     "Шетелдік студенттердің келуі", "Қос диплом бағдарламалары"],
        "codes": {"learner_out": "Шетелге жіберілген білім алушылар",
                  "scholar_hours": "Шақырылған ғалымдар өткізген сағаттар",
                  "student_incoming": "Келген шетелдік студенттер",
                  "degree_intake": "Қос диплом бойынша қабылдаулар"},
    },
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
                # by the purpose category (in the report's language), not by the free text
                conference, internship = (self.env.ref(f"intl_cooperation.intl_trip_purpose_category_{code}")
                                          .with_context(lang=lang).name
                                          for code in ("conference", "internship"))
                self.assertEqual(self._breakdown(report, "trip_by_purpose"),
                                 {conference: 2, internship: 1})
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

    def test_people_figures_with_real_data_in_each_language(self):
        """Learners abroad, scholars and their hours, incoming students, double degrees:
        hand-computed values, labels in the report's language, drill-downs to the records."""
        Figure = self.env["intl.annual.report.figure"]
        report = self._new_report()
        expected_records = {
            "learner_out": self.mobility_out_1 | self.mobility_out_2,
            "scholar_count": self.visit_1 | self.visit_2,
            "scholar_hours": self.visit_1 | self.visit_2,
            "student_incoming": self.mobility_in_1 | self.mobility_in_2,
            "degree_intake": self.intake,
            "degree_learners": self.applications_selected,
        }
        for lang, labels in PEOPLE_LABELS.items():
            with self.subTest(lang=lang):
                in_lang = report.with_context(lang=lang)
                totals = self._totals(in_lang)
                for code in expected_records:
                    self.assertEqual(totals[code], EXPECTED_TOTALS[code], code)
                sections = {label for _key, label, _rows in in_lang._figures_by_section()}
                self.assertLessEqual(set(labels["sections"]), sections)
                codes = dict(Figure.with_context(lang=lang)._fields["code"]._description_selection(
                    self.env(context=dict(self.env.context, lang=lang))))
                for code, label in labels["codes"].items():
                    self.assertEqual(codes[code], label)
                self.assertEqual(self._breakdown(in_lang, "learner_by_country"), {
                    self.de.with_context(lang=lang).name: 1, self.fr.with_context(lang=lang).name: 1})
                self.assertEqual(self._breakdown(in_lang, "scholar_by_institute"), {
                    self.institute.name: 1, self.other_institute.name: 1})
                self.assertEqual(self._breakdown(in_lang, "student_by_country"), {
                    self.de.with_context(lang=lang).name: 1, self.fr.with_context(lang=lang).name: 1})
        for code, records in expected_records.items():
            with self.subTest(code=code):
                figure = report.figure_ids.filtered(lambda f, c=code: f.code == c)
                action = figure.with_user(self.user_dic_director).action_open_records()
                self.assertEqual(action["res_model"], records._name)
                self.assertEqual(self.env[action["res_model"]].search(action["domain"]), records)
        hours = sum(self.env["intl.scholar.visit"].search(
            report.figure_ids.filtered(lambda f: f.code == "scholar_hours").action_open_records()["domain"]
        ).mapped("hours_given"))
        self.assertEqual(hours, 11.5)

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
        # one query per section (every breakdown of a section in it), two for the agreements
        # and for the double degrees, three for the budgets (budgets, plan, figures), three for the
        # academic mobility (applications, nominations, mobilities), one for the grant projects
        # (some sections share a grouped query): 16 whatever the records
        Report._compute_figure_vals(YEAR, self.company)  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(16):
            Report._compute_figure_vals(YEAR, self.company)
        self.env.invalidate_all()
        with self.assertQueryCount(16):
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


@tagged("post_install", "-at_install")
class TestAnnualReportApprovalClick(ApprovalClickMixin, AnnualReportCommon):

    def test_warm_approval_click_costs_at_most_30_queries(self):
        """The rector's click: check the approver, decide the step, log it, reach the status,
        close the step's activities (a first click warms the caches, as a working session)."""
        first = self._new_report(year=YEAR - 1)
        report = self._new_report()
        (first | report).with_user(self.user_dic_director).action_submit()
        self.assertTrue(report.activity_ids)
        # the count includes the end of the transaction (the tracking of the status)
        self._assert_click(first, report, self.user_rector, expected=CLICK_QUERIES["annual_report"])
        self.assertEqual(report.state, "approved")
        self.assertEqual(report.approved_by_id, self.user_rector)
        self.assertFalse(report.activity_ids)
        self.assertIn("Approved: ", " ".join(report.message_ids.mapped("body")))
        tracked = report.message_ids.sudo().tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertIn("Approved", tracked.mapped("new_value_char"))
        # the DIC Director still cannot approve a report in the rector's place
        other = self._new_report(year=YEAR + 1)
        other.with_user(self.user_dic_director).action_submit()
        with self.assertRaises(UserError):
            other.with_user(self.user_dic_director).action_approval_approve()
