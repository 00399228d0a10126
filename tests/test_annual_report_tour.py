from datetime import date

from odoo.tests import HttpCase, tagged

from .common_annual_report import YEAR, AnnualReportCommon


@tagged("post_install", "-at_install")
class TestAnnualReportTour(AnnualReportCommon, HttpCase):
    """The DIC Director computes, writes and submits the report in the browser; the rector
    approves it; the approved figures stay whatever happens to the records afterwards."""

    def test_director_drafts_rector_approves_figures_frozen(self):
        self.assertEqual(YEAR, 2025)  # the tour types the year
        self.start_tour("/odoo/action-intl_cooperation.intl_annual_report_action",
                        "intl_annual_report_director_tour", login=self.user_dic_director.login)
        report = self.env["intl.annual.report"].search(
            [("year", "=", YEAR), ("company_id", "=", self.company.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.state, "submitted")
        self.assertIn("grew in every institute", report.summary)
        self.assertIn("partnerships", report.conclusions)
        self.assertEqual(self._totals(report)["trip_count"], 3)
        self.assertEqual(self.user_rector, report.approval_user_ids & self.user_rector)

        self.start_tour(f"/odoo/action-intl_cooperation.intl_annual_report_action/{report.id}",
                        "intl_annual_report_rector_tour", login=self.user_rector.login)
        self.assertEqual(report.state, "approved")
        self.assertEqual(report.approved_by_id, self.user_rector)
        frozen = {(f.code, f.dimension_label): f.value for f in report.figure_ids}

        # a trip of the year moves to the next year after the approval
        self.trip_3._lifecycle_write({"date_departure": date(YEAR + 1, 2, 1),
                                      "date_return": date(YEAR + 1, 2, 5)})
        self.env.invalidate_all()
        self.assertEqual({(f.code, f.dimension_label): f.value for f in report.figure_ids}, frozen)
        self.assertEqual(self._totals(report)["trip_count"], 3)
