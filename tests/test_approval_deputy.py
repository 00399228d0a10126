from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .agreement_common import AgreementCommon
from .common_trip import IntlTripCommon
from .test_intl_delegation import DelegationCommon


def _legal_line(agreement):
    return agreement.sudo().approval_line_ids.filtered(lambda line: line.record_state == "legal_review")


@tagged("post_install", "-at_install")
class TestApprovalPositions(DelegationCommon):
    """The decision makers DP 717 names resolve from the company's positions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        g = "base.group_user,intl_cooperation.group_intl_management"
        cls.user_vr_science = new_test_user(cls.env, login="t_vr_science", groups=g, name="VR Science")
        cls.user_vr_academic = new_test_user(cls.env, login="t_vr_academic", groups=g, name="VR Academic")
        cls.user_programmes = new_test_user(
            cls.env, login="t_programmes", groups="base.group_user,intl_cooperation.group_intl_officer",
            name="Programmes Head")
        Employee = cls.env["hr.employee"]
        cls.employee_vr_science = Employee.create({"name": "VR Science", "user_id": cls.user_vr_science.id})
        cls.employee_vr_academic = Employee.create({"name": "VR Academic", "user_id": cls.user_vr_academic.id})
        cls.employee_programmes = Employee.create({"name": "Programmes", "user_id": cls.user_programmes.id})
        cls.env.company.write({
            "intl_vice_rector_science_id": cls.employee_vr_science.id,
            "intl_vice_rector_academic_id": cls.employee_vr_academic.id,
            "intl_programmes_head_id": cls.employee_programmes.id,
        })

    def _resolve(self, xmlid, record):
        return self.env.ref(xmlid)._resolve_users(record)

    def test_each_step_resolves_to_the_person_the_procedure_names(self):
        visit = self._create_visit()
        ref = "intl_cooperation.intl_approval_route_step_"
        # 5.3 the order: the rector or the vice-rector for science and international cooperation
        self.assertEqual(self._resolve(ref + "trip_management", visit), self.user_management | self.user_vr_science)
        # 5.4.1 the rector decides on the visit; 5.4.3 programme and protocol 403-02
        self.assertEqual(self._resolve(ref + "delegation_decision", visit), self.user_management)
        for step in ("delegation_programme", "delegation_protocol"):
            self.assertEqual(self._resolve(ref + step, visit), self.user_management | self.user_vr_academic)
        # 5.5 the plan of invited scholars; 7.1 the annual report by the rector
        self.assertEqual(self._resolve(ref + "scholar_plan_rector", visit),
                         self.user_management | self.user_vr_science)
        self.assertEqual(self._resolve(ref + "annual_report_rector", visit), self.user_management)
        # the route steps of the data name a role, not the Management group any more
        for step in ("trip_management", "delegation_decision", "delegation_programme", "delegation_protocol",
                     "scholar_plan_rector", "annual_report_rector"):
            self.assertEqual(self.env.ref(ref + step).approver_type, "role", step)
        step = self.env["intl.approval.route.step"].create({
            "route_id": self.env.ref("intl_cooperation.intl_approval_route_scholar_visit").id,
            "name": "Programmes office", "approver_type": "role", "role": "programmes_head", "sequence": 99})
        self.assertEqual(step._resolve_users(visit), self.user_programmes)

    def test_vacant_positions(self):
        visit = self._create_visit()
        step = self.env.ref("intl_cooperation.intl_approval_route_step_delegation_programme")
        self.env.company.intl_vice_rector_academic_id = False
        self.assertEqual(step._resolve_users(visit), self.user_management)
        # no rector and no vice-rector named: the Management group decides
        self.env.company.intl_rector_id = False
        management = self.env.ref("intl_cooperation.group_intl_management").users
        self.assertEqual(step._resolve_users(visit), management.filtered(lambda u: not u.share))
        # no head of the programmes office: nobody, the step goes to the next level
        self.env.company.intl_programmes_head_id = False
        office = step.copy({"role": "programmes_head"})
        self.assertFalse(office._resolve_users(visit))

    def test_signatory_is_the_rector_or_a_vice_rector(self):
        visit = self._create_visit()
        with self.assertRaises(ValidationError):
            visit.signatory_id = self.employee_legal
        with self.assertRaises(ValidationError):
            self._create_visit(signatory_id=self.employee_officer.id)
        visit.signatory_id = self.employee_vr_academic
        visit.signatory_id = self.employee_vr_science
        self.assertEqual(visit.signatory_id, self.employee_vr_science)


@tagged("post_install", "-at_install")
class TestApprovalDeputy(AgreementCommon):
    """A deputy decides the approver's steps in their date range, not outside it, never about themselves."""

    def _deputy(self, deputy, date_from, date_to, user=None, approver=None):
        return self.env["intl.approval.deputy"].with_user(user or self.user_legal).create({
            "user_id": (approver or self.user_legal).id, "deputy_id": deputy.id,
            "date_from": date_from, "date_to": date_to, "reason": "leave"})

    def _at_legal_step(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, "legal_review")
        return agreement

    def test_deputy_decides_in_the_range(self):
        today = fields.Date.context_today(self.env["intl.approval.deputy"])
        self._deputy(self.user_officer, today - timedelta(days=1), today + timedelta(days=5))
        agreement = self._at_legal_step()
        line = _legal_line(agreement)
        self.assertIn(self.user_legal, line.user_ids)
        self.assertIn(self.user_officer, line.user_ids)
        self.assertEqual(line.deputy_user_ids, self.user_officer)
        approval = self.env.ref("intl_cooperation.mail_activity_type_approval")
        self.assertIn(self.user_officer, agreement.activity_ids.filtered(
            lambda a: a.activity_type_id == approval).user_id)
        agreement.with_user(self.user_officer).action_approval_approve()
        self.assertEqual(agreement.state, "management")
        self.assertEqual(line.decided_by_id, self.user_officer)
        self.assertEqual(line.deputy_of_id, self.user_legal)
        note = agreement.message_ids.filtered(lambda m: "deputy of" in (m.body or ""))
        self.assertIn(self.user_legal.name, note.body)
        self.assertEqual(note.intl_body_key, "Approved: %(step)s")

    def test_deputy_outside_the_range_cannot_decide(self):
        today = fields.Date.context_today(self.env["intl.approval.deputy"])
        deputy = self._deputy(self.user_officer, today + timedelta(days=10), today + timedelta(days=20))
        agreement = self._at_legal_step()
        self.assertNotIn(self.user_officer, _legal_line(agreement).user_ids)
        with self.assertRaises(UserError):
            agreement.with_user(self.user_officer).action_approval_approve()
        # the range starts: the open step goes to the deputy as well
        deputy.with_user(self.user_legal).date_from = today
        self.assertIn(self.user_officer, _legal_line(agreement).user_ids)
        # the range ends: the deputy leaves the step and cannot decide it any more
        deputy.with_user(self.user_legal).write({"date_from": today - timedelta(days=5),
                                                 "date_to": today - timedelta(days=1)})
        self.assertNotIn(self.user_officer, _legal_line(agreement).user_ids)
        self.assertFalse(_legal_line(agreement).deputy_user_ids)
        with self.assertRaises(UserError):
            agreement.with_user(self.user_officer).action_approval_approve()
        agreement.with_user(self.user_legal).action_approval_approve()
        self.assertEqual(agreement.state, "management")

    def test_deputy_never_decides_about_themselves(self):
        today = fields.Date.context_today(self.env["intl.approval.deputy"])
        agreement = self._at_legal_step()
        # the coordinator initiated the agreement: as the legal reviewer's deputy they get nothing
        self.assertIn(self.user_coordinator, agreement._approval_excluded_users())
        self._deputy(self.user_coordinator, today, today + timedelta(days=3))
        self.assertNotIn(self.user_coordinator, _legal_line(agreement).user_ids)
        self.assertFalse(_legal_line(agreement).deputy_user_ids)
        with self.assertRaises(UserError):
            agreement.with_user(self.user_coordinator).action_approval_approve()

    def test_who_names_a_deputy(self):
        today = fields.Date.context_today(self.env["intl.approval.deputy"])
        with self.assertRaises(AccessError):
            self._deputy(self.user_accountant, today, today, user=self.user_officer)
        with self.assertRaises(ValidationError):
            self._deputy(self.user_legal, today, today)
        with self.assertRaises(ValidationError):
            self._deputy(self.user_officer, today, today - timedelta(days=1))
        deputy = self._deputy(self.user_accountant, today, today, user=self.user_hr)
        self.assertEqual(deputy.user_id, self.user_legal)
        deputy.invalidate_recordset()
        self.assertEqual(deputy.with_user(self.user_accountant).read(["user_id"])[0]["user_id"][0],
                         self.user_legal.id)
        with self.assertRaises(AccessError):
            deputy.with_user(self.user_accountant).write({"date_to": today + timedelta(days=9)})
        deputy.invalidate_recordset()
        with self.assertRaises(AccessError):
            deputy.with_user(self.user_registrar).read(["user_id"])


@tagged("post_install", "-at_install")
class TestApprovalEscalation(AgreementCommon):
    """Deadlines in working days, the reminder at the deadline, the next level after the grace period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("intl_cooperation.intl_approval_route_step_agreement_legal").deadline_days = 3
        cls.env.company.intl_approval_grace_days = 2
        # a working week of Monday to Friday without the demo's time off (the public holidays
        # of the module apply to every calendar; February 2026 has none)
        calendar = cls.env["resource.calendar"].create({"name": "Legal 5x8 (test)", "tz": "Asia/Almaty"})
        cls.env.company.resource_calendar_id = calendar
        cls.employee_legal.resource_calendar_id = calendar

    def test_deadline_counts_working_days(self):
        # opened on Friday 6 February 2026: Monday, Tuesday, Wednesday
        with freeze_time("2026-02-06 05:00:00"):
            agreement = self._create_agreement()
            self._to_drafting(agreement)
            agreement.with_user(self.user_dic_director).action_approval_approve()
        line = _legal_line(agreement)
        self.assertEqual(line.date_deadline, date(2026, 2, 11))
        activity = agreement.activity_ids.filtered(lambda a: a.user_id == self.user_legal)
        self.assertEqual(activity.date_deadline, date(2026, 2, 11))
        Line = self.env["intl.approval.line"]
        with freeze_time("2026-02-10 05:00:00"):
            Line._cron_escalate()
        self.assertFalse(line.reminded_on)
        with freeze_time("2026-02-11 05:00:00"):
            Line._cron_escalate()
        self.assertTrue(line.reminded_on)
        self.assertTrue(agreement.message_ids.filtered(lambda m: m.intl_body_key and "Reminder" in m.intl_body_key))
        # two working days of grace: Thursday 12 and Friday 13; escalated on Monday 16
        with freeze_time("2026-02-13 05:00:00"):
            Line._cron_escalate()
        self.assertFalse(line.escalated_on)
        with self.assertRaises(UserError):
            agreement.with_user(self.user_dic_director).action_approval_approve()
        with freeze_time("2026-02-16 05:00:00"):
            Line._cron_escalate()
        self.assertTrue(line.escalated_on)
        self.assertIn(self.user_dic_director, line.user_ids)
        self.assertTrue(agreement.message_ids.filtered(
            lambda m: m.intl_body_key and m.intl_body_key.startswith("Escalated to")))
        self.assertTrue(agreement.activity_ids.filtered(lambda a: a.user_id == self.user_dic_director))
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, "management")
        self.assertEqual(line.decided_by_id, self.user_dic_director)
        self.assertTrue(line.decided_late)

    def _late_lines(self, count):
        agreements = self.env["intl.agreement"]
        for _i in range(count):
            agreements |= self._create_agreement()
        route = self.env.ref("intl_cooperation.intl_approval_route_agreement")
        step = self.env.ref("intl_cooperation.intl_approval_route_step_agreement_legal")
        opened = fields.Datetime.now() - timedelta(days=40)
        return self.env["intl.approval.line"].sudo()._lifecycle_create([{
            "res_model": "intl.agreement", "res_id": agreement.id, "route_id": route.id,
            "step_id": step.id, "name": step.name, "state": "pending", "deadline_days": 3,
            "user_ids": [fields.Command.set(self.user_legal.ids)], "activated_on": opened,
        } for agreement in agreements])

    def _queries(self, lines):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.env["intl.approval.line"]._cron_escalate()
        self.env.flush_all()
        self.assertTrue(all(lines.mapped("escalated_on")))
        return self.cr.sql_log_count - before

    def test_cron_queries_do_not_grow_with_the_late_steps(self):
        self._queries(self._late_lines(1))  # warms the caches, as the daily cron worker has
        few = self._late_lines(3)
        count = self._queries(few)
        many = self._late_lines(15)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(count):
            self.env["intl.approval.line"]._cron_escalate()
            self.env.flush_all()
        self.assertTrue(all(many.mapped("escalated_on")))
        self.assertTrue(all(many.mapped("reminded_on")))
        self.assertEqual(many.mapped("user_ids") - self.user_legal,
                         self.env.ref("intl_cooperation.intl_approval_route_agreement")._escalation_users())


@tagged("post_install", "-at_install")
class TestApprovalLeadTime(AgreementCommon):
    """Lead times and the risk-1 indicator equal a hand-computed SQL."""

    def test_figures_equal_sql(self):
        route = self.env.ref("intl_cooperation.intl_approval_route_agreement")
        step = self.env.ref("intl_cooperation.intl_approval_route_step_agreement_legal")
        now = fields.Datetime.now().replace(microsecond=0)
        vals = []
        for index in range(8):
            agreement = self._create_agreement()
            opened = now - timedelta(days=30 + index * 3)
            vals.append({
                "res_model": "intl.agreement", "res_id": agreement.id, "route_id": route.id,
                "step_id": step.id, "name": step.name, "state": "approved", "deadline_days": 3,
                "user_ids": [fields.Command.set(self.user_legal.ids)], "activated_on": opened,
                "decided_on": opened + timedelta(days=index, hours=2), "decided_by_id": self.user_legal.id})
        self.env["intl.approval.line"].sudo()._lifecycle_create(vals)
        self.env.flush_all()
        today = fields.Date.context_today(self.env["intl.risk"])
        since = datetime.combine(today - timedelta(days=365), datetime.min.time())
        self.env.cr.execute("""
            SELECT count(*) FILTER (WHERE decided_on::date > date_deadline), count(*)
              FROM intl_approval_line
             WHERE state IN ('approved', 'rejected') AND decided_on >= %s
               AND activated_on IS NOT NULL AND date_deadline IS NOT NULL""", [since])
        late, total = self.env.cr.fetchone()
        self.assertGreater(late, 0)
        self.assertGreater(total, late)
        value = self.env["intl.risk"]._indicator_approval_late_share(self.env.company, today)
        self.assertAlmostEqual(value, 100.0 * late / total)
        # the report's average lead time per process and approver
        self.env.cr.execute("""
            SELECT avg(EXTRACT(EPOCH FROM decided_on - activated_on) / 86400.0)
              FROM intl_approval_line
             WHERE res_model = 'intl.agreement' AND decided_by_id = %s AND activated_on IS NOT NULL
               AND state IN ('approved', 'rejected')""", [self.user_legal.id])
        [expected] = self.env.cr.fetchone()
        [[average]] = self.env["intl.approval.line"].sudo()._read_group(
            [("record_model_id.model", "=", "intl.agreement"), ("decided_by_id", "=", self.user_legal.id),
             ("activated_on", "!=", False), ("state", "in", ("approved", "rejected"))],
            [], ["lead_time_days:avg"])
        self.assertAlmostEqual(average, float(expected), places=6)
        risk = self.env.ref("intl_cooperation.intl_risk_agreement_delays")
        self.assertEqual(risk.indicator, "approval_late_share")
        risk.company_id = self.env.company
        risk._check_indicators()
        self.assertAlmostEqual(risk.indicator_value, 100.0 * late / total, delta=0.01)


@tagged("post_install", "-at_install")
class TestApprovalDeputyTrip(IntlTripCommon):
    """A trip of an approver proposes their deputy for its dates."""

    def test_trip_proposes_the_deputy(self):
        trip = self.env["intl.trip"].with_user(self.user_head).create(
            self._trip_vals(employee_id=self.employee_head.id))
        Deputy = self.env["intl.approval.deputy"].with_user(self.user_head)
        with Form(Deputy.with_context(default_trip_id=trip.id)) as form:
            self.assertEqual(form.user_id, self.user_head)
            self.assertEqual(form.reason, "trip")
            self.assertEqual(form.date_from, trip.date_departure)
            self.assertEqual(form.date_to, trip.date_return)
            form.deputy_id = self.user_coordinator
        deputy = form.save()
        self.assertEqual(deputy.trip_id, trip)
        users = self.user_head
        # the trip is a month away: nobody stands in for the unit head today
        self.assertFalse(Deputy._deputies_of(users))
        with freeze_time(trip.date_departure):
            self.assertEqual(Deputy._deputies_of(users), self.user_coordinator)
        with freeze_time(trip.date_return + timedelta(days=1)):
            self.assertFalse(Deputy._deputies_of(users))
