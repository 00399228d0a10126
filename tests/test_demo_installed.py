from odoo.tests import TransactionCase, tagged

from ..demo_scenario.agreements import AGREEMENTS
from ..demo_scenario.delegations import DELEGATIONS
from ..demo_scenario.scholar import VISITS
from .test_demo_scenario_dates import CASE_STATES, TRIP_STATES


@tagged("post_install", "-at_install")
class TestDemoInstalled(TransactionCase):
    """Installing the module with demo data (as Apps or `odoo-bin -i` do; this test database was
    built so) runs the demo scenario: the records are in their demo statuses, moved through their
    transitions (the chatter says who), and no trip got a late submission it did not ask for."""

    def _ref(self, xmlid):
        return self.env.ref(f"intl_cooperation.{xmlid}")

    def test_statuses(self):
        self.assertTrue(self.env.company.chart_template)  # a chart is installed with Accounting
        for suffix, state in TRIP_STATES.items():
            trip = self._ref(f"intl_trip_{suffix}_demo")
            self.assertEqual(trip.state, state, suffix)
            self.assertFalse(trip.late_submission_reason, suffix)
        for suffix, state in CASE_STATES.items():
            self.assertEqual(self._ref(f"intl_trip_{suffix}_demo").case_ids.state, state, suffix)
        for suffix, state in AGREEMENTS:
            agreement = self._ref(f"intl_agreement_{suffix}_demo")
            # the daily run puts a signed agreement whose start has come in force; IAEA's is terminated
            expected = {"signed": ("signed", "in_force", "expired", "terminated")}.get(state, (state,))
            self.assertIn(agreement.state, expected, suffix)
        for suffix, state, _reason in DELEGATIONS:
            self.assertEqual(self._ref(f"intl_delegation_{suffix}_demo").state, state, suffix)
        for key, state in VISITS.items():
            visit = self._ref(f"intl_scholar_visit_{key}_demo")
            # the approved act leaves the visit ended; paid (with a chart of accounts), it is done
            expected = {"act": ("ended",), "done": ("done", "ended")}.get(state, (state,))
            self.assertIn(visit.state, expected, key)
            self.assertFalse(visit.late_override_reason, key)
        # the registrar's home: a study plan waiting, results to recognise; last year's learner's
        # transcript of records imported and recognised into her transcript
        plans = self.env["intl.study.plan"].search([
            ("programme_id", "=", self._ref("intl_degree_programme_tu_berlin_demo").id)])
        self.assertEqual(sorted(plans.mapped("state")), ["approved", "recognised", "registrar"])
        recognised = plans.filtered(lambda plan: plan.state == "recognised")
        self.assertTrue(all(recognised.line_ids.mapped("converted_grade")))
        grades = recognised.learner_id.grade_ids.filtered(lambda grade: grade.source == "recognised")
        self.assertEqual(grades.study_plan_line_id, recognised.line_ids)
        mobility = self.env["intl.mobility"].search([("learner_id", "=", recognised.learner_id.id)])
        self.assertEqual((mobility.state, mobility.credits_recognised), ("completed", recognised.home_credits))
        # this year's annual report in draft, last year's approved
        year = self._ref("intl_trip_draft_demo").create_date.year
        reports = self.env["intl.annual.report"].search([("company_id", "=", self.env.company.id)])
        states = {report.year: report.state for report in reports}
        self.assertEqual(states.get(year), "draft")
        self.assertEqual(states.get(year - 1), "approved")
        # last year's and this year's figures so far count the mobility realised and the credits
        # recognised (last academic year's mobilities end in one of the two, whatever the day)
        figures = reports.filtered(lambda report: report.year in (year - 1, year)).figure_ids
        for code in ("mobility_realised", "mobility_months", "mobility_credits"):
            self.assertGreater(sum(figures.filtered(lambda f, c=code: f.code == c).mapped("value")), 0, code)

    def test_moved_by_the_demo_users(self):
        trip = self._ref("intl_trip_returned_demo")
        system = self.env.ref("base.partner_root") | self.env.ref("base.partner_admin")
        steps = trip.message_ids.filtered(lambda m: m.author_id not in system)
        # submitted, approved by the unit head, DIC and Management, each by that demo user
        self.assertGreaterEqual(len(steps), 4)
        self.assertIn(self._ref("user_rector").partner_id, steps.author_id)
        # filed in time under the 15-day rule: the chatter dates the submission on that day
        filed = min(steps.mapped("date"))
        self.assertGreaterEqual((trip.date_departure - filed.date()).days, self.env.company.intl_trip_submit_days)
        late = self._ref("intl_trip_draft_late_demo")
        self.assertTrue(late.submission_late)
        self.assertTrue(late.late_request_pending)
        rector = self._ref("user_rector")
        self.assertTrue(late.activity_ids.filtered(lambda a: a.user_id == rector))

    def test_agreement_drafts_models_and_annexes(self):
        """DP 717 5.1.3 and 5.1.5 in the demo: the model agreements of the kinds, a draft in two
        versions (the first from the model), the version Legal approved, annexes reviewed."""
        templates = self.env["intl.agreement.template"].search([])
        self.assertEqual(set(templates.kind_id.mapped("code")), {"memorandum", "cooperation", "protocol",
                                                                 "double_degree"})
        self.assertTrue(all(t.file_kk and t.file_ru and t.file_en for t in templates))
        mines = self._ref("intl_agreement_mines_demo")
        self.assertEqual(mines.draft_version_ids.mapped("version"), [2, 1])
        self.assertTrue(mines.draft_version_ids.filtered(lambda v: v.version == 1).template_id)
        self.assertTrue(self._ref("intl_agreement_tsinghua_demo").draft_approved_version_id)
        annexes = self._ref("intl_agreement_tu_berlin_demo").annex_ids.sorted("number")
        self.assertEqual(annexes.mapped("state"), ["in_force", "legal_review"])
        self.assertTrue(annexes[1].approval_user_ids & self._ref("user_legal"))
