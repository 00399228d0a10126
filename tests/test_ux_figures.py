from odoo.tests import tagged

from .common_annual_report import AnnualReportCommon


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
