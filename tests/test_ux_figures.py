from datetime import date

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_annual_report import EXPECTED_TOTALS, YEAR, AnnualReportCommon


@tagged("post_install", "-at_install")
class TestUxFigures(AnnualReportCommon):
    """Issue 25, friction 9: counts are integers, hours and days carry their unit, money its currency."""

    def test_figures_as_people_read_them(self):
        report = self._new_report()
        shown = {figure.code: figure.value_display
                 for figure in report.figure_ids.filtered(lambda f: f.dimension == "total")}
        self.assertEqual(shown["trip_count"], "3")
        self.assertEqual(shown["trip_days"], "18 days")
        self.assertEqual(shown["scholar_hours"], "11.5 h")
        self.assertIn("150,000", shown["money_total"])
        self.assertIn(self.company.currency_id.symbol, shown["money_total"])
        ru = report.with_context(lang="ru_RU").figure_ids.filtered(
            lambda f: f.code == "money_total" and f.dimension == "total")
        self.assertIn("150\N{NO-BREAK SPACE}000", ru.value_display.replace(" ", "\N{NO-BREAK SPACE}"))

    def test_scholars_counted_as_the_visits_list_shows(self):
        """A scholar who arrived in December and lectured in January is on site in both years:
        the figures are the visits (and their hours) of the drill-down list."""
        funding = self.env.ref("intl_cooperation.intl_funding_source_scholar_programme")
        scholar = self.env["res.partner"].create({"name": "Scholar across the years"})
        visit = self.env["intl.scholar.visit"]._lifecycle_create([{
            "scholar_id": scholar.id, "institute_id": self.institute.id, "company_id": self.company.id,
            "date_arrival": date(YEAR - 1, 12, 20), "date_departure": date(YEAR, 1, 15),
            "purpose": "Lectures", "funding_source_id": funding.id, "state": "ended"}])
        self.env["intl.scholar.lecture"]._lifecycle_create([{
            "visit_id": visit.id, "date": date(YEAR, 1, 10), "time_from": 10.0, "time_to": 14.0,
            "group_name": "MSc", "discipline": "Geology", "hours_planned": 4.0, "state": "given",
            "hours_given": 4.0}])
        report = self._new_report()
        totals = self._totals(report)
        self.assertEqual(totals["scholar_count"], EXPECTED_TOTALS["scholar_count"] + 1)
        self.assertEqual(totals["scholar_hours"], EXPECTED_TOTALS["scholar_hours"] + 4.0)
        for code in ("scholar_count", "scholar_hours"):
            figure = report.figure_ids.filtered(lambda f, c=code: f.code == c and f.dimension == "total")
            action = figure.with_user(self.user_dic_director).action_open_records()
            visits = self.env["intl.scholar.visit"].search(action["domain"])
            self.assertIn(visit, visits)
            shown = len(visits) if code == "scholar_count" else sum(visits.mapped("hours_given"))
            self.assertEqual(shown, figure.value, code)
        # the institute's indicator reads the same visits
        indicator = self.env["intl.institute.indicator"].create({
            "institute_id": self.institute.id, "year": YEAR, "code": "scholar_hours", "target": 10})
        indicator._refresh_actuals()
        self.assertEqual(indicator.actual, 6.0 + 4.0)

    def test_years_never_formatted_as_numbers(self):
        """A year is read as 2026, never as 2,026 or 2 026, in every list and form that shows one."""
        for model in ("intl.annual.report", "intl.budget", "intl.institute.indicator"):
            for view_type in ("list", "form"):
                arch = self.env[model].get_view(view_type=view_type)["arch"]
                for node in etree.fromstring(arch).iter("field"):
                    if node.get("name") == "year":
                        self.assertIn("'format': false", node.get("options", ""), f"{model} {view_type}")

    def test_purpose_category_is_the_trip_substance(self):
        """The category the report counts is frozen with the rest of the application."""
        research = self.env.ref("intl_cooperation.intl_trip_purpose_category_research")
        self.assertIn("purpose_category_id", self.env["intl.trip"]._lifecycle_substance)
        with self.assertRaises(UserError):  # the lock or the access rule, both UserError
            self.trip_3.with_user(self.user_requester).write({"purpose_category_id": research.id})
        self.assertEqual(self.trip_3.purpose_category_id.name, "Internship")
