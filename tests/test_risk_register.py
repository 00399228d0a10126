from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_annual_report import YEAR, AnnualReportCommon


@tagged("post_install", "-at_install")
class TestRiskRegister(AnnualReportCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.risk = cls.env.ref("intl_cooperation.intl_risk_agreement_delays")
        cls.risk.write({"owner_id": cls.user_officer.id, "company_id": cls.company.id,
                        "indicator": "agreement_lead_time", "threshold": 30})
        cls.activity_type = cls.env.ref("intl_cooperation.mail_activity_type_risk")

    def _approval_round(self, agreement, created, decided):
        """An approved round of ``agreement``: submitted on ``created``, approved on ``decided``."""
        line = self.env["intl.approval.line"]._lifecycle_create([{
            "res_model": "intl.agreement", "res_id": agreement.id, "purpose": "default",
            "name": "Management", "state": "approved", "decided_on": decided}])
        self.env.cr.execute("UPDATE intl_approval_line SET create_date = %s WHERE id = %s",
                            (created, line.id))
        self.env.invalidate_all()

    def _activities(self):
        return self.env["mail.activity"].search([
            ("res_model", "=", "intl.risk"), ("res_id", "=", self.risk.id),
            ("activity_type_id", "=", self.activity_type.id)])

    def test_seeded_from_the_procedure(self):
        risks = self.env["intl.risk"].search([])
        self.assertGreaterEqual(len(risks), 4)
        self.assertEqual(self.risk.mitigation, "Electronic document flow.")
        self.assertEqual(self.risk.score, 12)
        self.assertTrue(self.risk.indicator_live)
        scholar = self.env.ref("intl_cooperation.intl_risk_scholar_documents")
        self.assertEqual(scholar.indicator_live, "intl.scholar.visit" in self.env)

    def test_crossing_the_threshold_raises_exactly_one_activity(self):
        now = fields.Datetime.now()
        self._approval_round(self.agreement_1, now - timedelta(days=20), now - timedelta(days=1))
        Risk = self.env["intl.risk"]
        Risk._cron_check_risks()
        self.assertAlmostEqual(self.risk.indicator_value, 19.0, places=0)
        self.assertFalse(self.risk.in_alert)
        self.assertFalse(self._activities())
        # a second agreement took 60 days: the average (about 39 days) crosses 30
        second = self.agreement_1.copy({"title": "Second memorandum"})
        second._lifecycle_write({"state": "in_force"})
        self._approval_round(second, now - timedelta(days=62), now - timedelta(days=2))
        Risk._cron_check_risks()
        self.assertTrue(self.risk.in_alert)
        self.assertEqual(len(self._activities()), 1)
        self.assertEqual(self._activities().user_id, self.user_officer)
        # the cron runs again: still one activity
        Risk._cron_check_risks()
        Risk._cron_check_risks()
        self.assertEqual(len(self._activities()), 1)
        # back under the threshold, then over again: a new crossing, a new activity
        self.risk.write({"threshold": 45})
        Risk._cron_check_risks()
        self.assertFalse(self.risk.in_alert)
        self.risk.write({"threshold": 30})
        Risk._cron_check_risks()
        self.assertEqual(len(self._activities()), 2)

    def test_cron_query_count_does_not_grow_with_the_records(self):
        """The risk check costs the same number of queries with fifty more agreements in force."""
        Risk = self.env["intl.risk"]

        def queries():
            Risk._cron_check_risks()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Risk._cron_check_risks()
            self.env.flush_all()
            return self.cr.sql_log_count - before
        baseline = queries()
        for _i in range(50):
            copy = self.agreement_1.copy({"title": "Copy"})
            copy._lifecycle_write({"state": "in_force"})
        self.assertEqual(queries(), baseline, "the risk check grows with the agreements")

    def test_funds_used_by_november(self):
        risk = self.env.ref("intl_cooperation.intl_risk_scholar_refusal")
        risk.write({"allocated_amount": 1000000.0, "owner_id": self.user_officer.id,
                    "company_id": self.company.id})
        with freeze_time(f"{YEAR}-12-01"):
            risk._check_indicators()
        # 150 000 spent (posted) by the end of November out of 1 000 000
        self.assertAlmostEqual(risk.indicator_value, 15.0)
        self.assertTrue(risk.in_alert)

    def test_reviews_are_kept_and_the_register_is_the_directors(self):
        review = self.env["intl.risk.review"].with_user(self.user_officer).create({
            "risk_id": self.risk.id, "decision": "Move the approvals to the electronic flow"})
        self.assertEqual(self.risk.last_review_date, fields.Date.context_today(review))
        with self.assertRaises(UserError):
            review.with_user(self.user_dic_director).write({"decision": "Other"})
        with self.assertRaises(UserError):
            review.with_user(self.user_dic_director).unlink()
        # the owner updates the assessment, not the thresholds
        self.risk.with_user(self.user_officer).write({"likelihood": "4"})
        with self.assertRaises(UserError):
            self.risk.with_user(self.user_officer).write({"threshold": 90})
        with self.assertRaises(UserError):
            self.risk.with_user(self.user_dic_director).write({"in_alert": True})
        # a requester who owns no risk sees none
        with self.assertRaises(AccessError):
            self.risk.with_user(self.user_requester).read(["name"])


@tagged("post_install", "-at_install")
class TestInstituteIndicators(AnnualReportCommon):

    def test_actuals_status_and_access(self):
        Indicator = self.env["intl.institute.indicator"].with_user(self.user_dic_director)
        mine, other = Indicator.create([
            {"institute_id": self.institute.id, "year": YEAR, "code": "trips_out", "target": 4,
             "company_id": self.company.id},
            {"institute_id": self.other_institute.id, "year": YEAR, "code": "trips_out", "target": 1,
             "company_id": self.company.id},
        ])
        agreements = Indicator.create({"institute_id": self.institute.id, "year": YEAR,
                                       "code": "agreements_in_force", "target": 2,
                                       "company_id": self.company.id})
        self.assertEqual((mine.actual, other.actual, agreements.actual), (2, 1, 3))
        self.assertEqual((mine.status, other.status, agreements.status), ("behind", "met", "met"))
        # the institute's director and coordinator see their institute's indicators only
        visible = self.env["intl.institute.indicator"].with_user(self.user_director_other).search([])
        self.assertEqual(visible, other)
        visible = self.env["intl.institute.indicator"].with_user(self.user_coordinator).search([])
        self.assertEqual(visible, mine | agreements)
        with self.assertRaises(AccessError):
            other.with_user(self.user_coordinator).read(["target"])
        # targets are the DIC Director's; actual values are computed
        with self.assertRaises(UserError):
            mine.with_user(self.user_coordinator).write({"target": 1})
        with self.assertRaises(UserError):
            mine.with_user(self.user_officer).write({"target": 1})
        with self.assertRaises(UserError):
            mine.with_user(self.user_dic_director).write({"actual": 10})
        mine.with_user(self.user_dic_director).write({"target": 2})
        self.assertEqual(mine.status, "met")


    def test_daily_refresh_goes_through_every_indicator_in_batches(self):
        Indicator = self.env["intl.institute.indicator"].with_user(self.user_dic_director)
        with freeze_time(f"{YEAR}-12-14 03:00:00"):
            indicators = Indicator.create([
                {"institute_id": institute.id, "year": YEAR, "code": code, "target": 1,
                 "company_id": self.company.id}
                for code in ("trips_out", "agreements_in_force")
                for institute in (self.institute, self.other_institute)])
        cron = self.env.ref("intl_cooperation.ir_cron_intl_indicator_refresh")
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id, "remaining": 0, "done": 0})
        Cron = self.env["intl.institute.indicator"].with_context(ir_cron_progress_id=progress.id)
        refreshed = []
        with freeze_time(f"{YEAR}-12-15 03:00:00"):
            for _run in range(3):
                Cron._cron_refresh(batch_size=2)
                refreshed.append((progress.done, progress.remaining))
        # two batches of two, then nothing left: each indicator once, none forgotten
        self.assertEqual(refreshed, [(2, 2), (2, 2), (0, 0)])
        self.assertEqual(set(indicators.mapped("date_refreshed")),
                         {fields.Datetime.to_datetime(f"{YEAR}-12-15 03:00:00")})

    def test_people_indicators_per_institute(self):
        """Scholar hours, incoming students and learners abroad, per institute, from real records."""
        Indicator = self.env["intl.institute.indicator"].with_user(self.user_dic_director)
        indicators = Indicator.create([
            {"institute_id": institute.id, "year": YEAR, "code": code, "target": 1, "company_id": self.company.id}
            for code in ("scholar_hours", "incoming_students", "learners_out")
            for institute in (self.institute, self.other_institute)])
        actual = {(i.code, i.institute_id): i.actual for i in indicators}
        self.assertEqual(actual, {
            ("scholar_hours", self.institute): 6.0, ("scholar_hours", self.other_institute): 5.5,
            ("incoming_students", self.institute): 2, ("incoming_students", self.other_institute): 0,
            ("learners_out", self.institute): 1, ("learners_out", self.other_institute): 1,
        })


@tagged("post_install", "-at_install")
class TestReviewActions(AnnualReportCommon):

    def test_actions_followed_up_to_done(self):
        report = self._approve_report(self._new_report())
        report.with_user(self.user_dic_director).write({
            "review_summary": "<p>Mobility grew; agreements lag.</p>", "council_reference": "No. 7",
            "review_date": fields.Date.today(), "council_date": fields.Date.today()})
        action = self.env["intl.review.action"].with_user(self.user_dic_director).create({
            "report_id": report.id, "origin": "council", "name": "Shorten agreement approvals",
            "owner_id": self.user_officer.id, "date_deadline": fields.Date.today() + timedelta(days=30)})
        activity = action.activity_ids
        self.assertEqual((len(activity), activity.user_id), (1, self.user_officer))
        self.assertEqual(report.action_open_count, 1)
        # the owner sees their action, others do not
        with self.assertRaises(AccessError):
            action.with_user(self.user_requester).read(["name"])
        with self.assertRaises(UserError):
            action.with_user(self.user_officer).action_done()  # no result yet
        action.with_user(self.user_officer).write({"result": "Approval in 12 days on average"})
        with self.assertRaises(UserError):
            action.with_user(self.user_officer).write({"date_deadline": fields.Date.today()})
        action.with_user(self.user_officer).action_done()
        self.assertEqual(action.state, "done")
        self.assertFalse(action.activity_ids)
        report.invalidate_recordset()
        self.assertEqual(report.action_open_count, 0)
        with self.assertRaises(UserError):
            self.env["intl.review.action"].with_user(self.user_officer).create({
                "report_id": report.id, "name": "x", "owner_id": self.user_officer.id,
                "date_deadline": fields.Date.today()})


@tagged("post_install", "-at_install")
class TestAnnualReportAccess(AnnualReportCommon):

    def test_roles(self):
        report = self._new_report()
        # DIC officers and management read it; coordinators and requesters do not
        report.with_user(self.user_officer).read(["name"])
        report.with_user(self.user_rector).read(["name"])
        for user in (self.user_coordinator, self.user_requester, self.user_accountant):
            with self.assertRaises(AccessError):
                report.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.env["intl.annual.report.figure"].with_user(user).search([])
        with self.assertRaises(AccessError):
            self.env["intl.annual.report"].with_user(self.user_officer).create({"year": YEAR + 1})
        with self.assertRaises(AccessError):
            report.with_user(self.user_rector).write({"summary": "<p>Mine</p>"})
        with self.assertRaises(UserError):
            self.env["intl.annual.report.figure"].with_user(self.user_dic_director).create({
                "report_id": report.id, "section": "trips", "code": "trip_count", "value": 1000})
        with self.assertRaises(UserError):
            report.with_user(self.user_officer).action_refresh_figures()
