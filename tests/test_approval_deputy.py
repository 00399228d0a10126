import importlib.util
import os
import re
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

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
        # 5.3 the order's amendment (an extension) as the order
        self.assertEqual(self._resolve(ref + "trip_extension_management", visit),
                         self.user_management | self.user_vr_science)
        # 5.5.1 an invited scholar's file: the head of the international programmes office, then
        # the DIC Director
        self.assertEqual(self._resolve(ref + "scholar_visit_programmes", visit), self.user_programmes)
        director = self.env.ref("intl_cooperation.group_intl_director").users.filtered(
            lambda user: not user.share and user.active)
        self.assertIn(self.user_dic_director, director)
        self.assertEqual(self._resolve(ref + "scholar_visit_dic", visit), director)
        route = self.env.ref("intl_cooperation.intl_approval_route_scholar_visit")
        self.assertEqual(route.step_ids.sorted("sequence")[:2].mapped("role"), ["programmes_head", False])
        # 5.1.3 an agreement's signing: Management
        management = self.env.ref("intl_cooperation.group_intl_management").users.filtered(
            lambda user: not user.share and user.active)
        self.assertEqual(self._resolve(ref + "agreement_management", visit), management)

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
        # the legal review agrees (келісу): the step's verb
        self.assertEqual(note.intl_body_key, "Agreed: %(step)s")

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
            self._run_approval_notices()
        line = _legal_line(agreement)
        self.assertEqual(line.date_deadline, date(2026, 2, 11))
        activity = agreement.activity_ids.filtered(lambda a: a.user_id == self.user_legal)
        self.assertEqual(activity.date_deadline, date(2026, 2, 11))
        Line = self.env["intl.approval.line"]
        with freeze_time("2026-02-10 05:00:00"):
            Line._cron_escalate()
        self.assertFalse(line.reminded_on)
        self.user_legal.lang = "ru_RU"
        # the notice of the step's opening (with its links) came before: the reminder is the new one
        opening_notice = self._mails(line, self.user_legal)
        with freeze_time("2026-02-11 05:00:00"):
            Line._cron_escalate()
        self.assertTrue(line.reminded_on)
        self.assertTrue(agreement.message_ids.filtered(lambda m: m.intl_body_key and "Reminder" in m.intl_body_key))
        # the reminder is an e-mail to the approver, in their language, with the summary and
        # their own links, which decide exactly as the button (test_approval_link.py)
        mail = self._mails(line, self.user_legal) - opening_notice
        self.assertEqual(len(mail), 1)
        self.assertTrue(mail.subject.startswith("Напоминание:"), mail.subject)
        self.assertIn(agreement.title, mail.body_html)
        self.assertIn("11.02.2026", mail.body_html)
        self.assertNotIn(mail.mail_message_id, agreement.message_ids, "personal: not in the chatter")
        with freeze_time("2026-02-11 05:00:00"):
            for action in ("approve", "reject"):
                params = self._link_params(mail, line, action)
                self.assertFalse(line.with_user(self.user_legal)._approval_link_error(
                    params["uid"], action, params["exp"], params["token"]))
        # the next run does not remind again
        with freeze_time("2026-02-12 05:00:00"):
            Line._cron_escalate()
        self.assertEqual(len(self._mails(line, self.user_legal) - opening_notice), 1)
        # two working days of grace: Thursday 12 and Friday 13; escalated on Monday 16
        with freeze_time("2026-02-13 05:00:00"):
            Line._cron_escalate()
        self.assertFalse(line.escalated_on)
        with self.assertRaises(UserError):
            agreement.with_user(self.user_dic_director).action_approval_approve()
        director_before = self._mails(line, self.user_dic_director)  # told of their own earlier step
        with freeze_time("2026-02-16 05:00:00"):
            Line._cron_escalate()
        self.assertTrue(line.escalated_on)
        self.assertIn(self.user_dic_director, line.user_ids)
        self.assertTrue(agreement.message_ids.filtered(
            lambda m: m.intl_body_key and m.intl_body_key.startswith("Escalated to")))
        self.assertTrue(agreement.activity_ids.filtered(lambda a: a.user_id == self.user_dic_director))
        # the next level is told by e-mail, with its own links
        mail = self._mails(line, self.user_dic_director) - director_before
        self.assertEqual(len(mail), 1)
        self.assertTrue(mail.subject.startswith("Escalated to you:"), mail.subject)
        self.assertIn(self.user_legal.name, mail.body_html)
        with freeze_time("2026-02-16 05:00:00"):
            params = self._link_params(mail, line, "approve")
            self.assertFalse(line.with_user(self.user_dic_director)._approval_link_error(
                params["uid"], "approve", params["exp"], params["token"]))
        self.assertEqual(len(self._mails(line, self.user_legal) - opening_notice), 1,
                         "the approver was reminded once")
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, "management")
        self.assertEqual(line.decided_by_id, self.user_dic_director)
        self.assertTrue(line.decided_late)

    def _mails(self, line, user):
        return self.env["mail.mail"].sudo().search([
            ("model", "=", line.res_model), ("res_id", "=", line.res_id),
            ("recipient_ids", "in", user.partner_id.ids)])

    def _link_params(self, mail, line, action):
        match = re.search(rf'/intl/approval/{line.id}/{action}\?uid=(\d+)&(?:amp;)?exp=(\d+)&(?:amp;)?token=(\w+)',
                          mail.body_html)
        self.assertTrue(match, f"the {action} link is in the e-mail")
        return dict(zip(("uid", "exp", "token"), match.groups(), strict=True))

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
        """3 late steps, then 50: the same queries, reminders and escalation e-mails included.

        The next level is one user here, so each kind of row (e-mails, messages, activities)
        stays under the 100 the ORM inserts in one statement (the cron's batch is 100 steps:
        past 100 rows, one INSERT more per 100, the same at any number of late steps)."""
        route = self.env.ref("intl_cooperation.intl_approval_route_agreement")
        route.escalation_group_id = self.env["res.groups"].create({
            "name": "Next level (test)", "users": [fields.Command.set(self.user_dic_director.ids)]})
        self._queries(self._late_lines(1))  # warms the caches, as the daily cron worker has
        few = self._late_lines(3)
        count = self._queries(few)
        many = self._late_lines(50)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(count):
            self.env["intl.approval.line"]._cron_escalate()
            self.env.flush_all()
        self.assertTrue(all(many.mapped("escalated_on")))
        self.assertTrue(all(many.mapped("reminded_on")))
        self.assertEqual(many.mapped("user_ids") - self.user_legal, self.user_dic_director)
        Mail = self.env["mail.mail"].sudo()
        domain = [("model", "=", "intl.agreement"), ("res_id", "in", many.mapped("res_id"))]
        self.assertEqual(Mail.search_count([*domain, ("recipient_ids", "in", self.user_legal.partner_id.ids)]), 50)
        self.assertEqual(Mail.search_count([*domain, ("recipient_ids", "in", self.user_dic_director.partner_id.ids)]),
                         50)


@tagged("post_install", "-at_install")
class TestApprovalLeadTime(AgreementCommon):
    """Lead times and the risk-1 indicator equal a hand-computed SQL."""

    def _decided_lines(self, count, company=None, days_late=None):
        """``count`` decided legal steps of agreements of ``company``, the index-th decided
        after ``days_late(index)`` days (3 working days to decide)."""
        route = self.env.ref("intl_cooperation.intl_approval_route_agreement")
        step = self.env.ref("intl_cooperation.intl_approval_route_step_agreement_legal")
        now = fields.Datetime.now().replace(microsecond=0)
        vals = []
        for index in range(count):
            agreement = self._create_agreement()
            if company:
                # the test's coordinator works in the main company: the record moves to the branch
                agreement.sudo()._lifecycle_write({"company_id": company.id})
            opened = now - timedelta(days=30 + index * 3)
            vals.append({
                "res_model": "intl.agreement", "res_id": agreement.id, "route_id": route.id,
                "step_id": step.id, "name": step.name, "state": "approved", "deadline_days": 3,
                "user_ids": [fields.Command.set(self.user_legal.ids)], "activated_on": opened,
                "decided_on": opened + timedelta(days=(days_late or (lambda i: i))(index), hours=2),
                "decided_by_id": self.user_legal.id})
        return self.env["intl.approval.line"].sudo()._lifecycle_create(vals)

    def test_indicator_per_company(self):
        """Risk 1 of each company counts the steps of its own records only."""
        other = self.env["res.company"].create({"name": "Branch campus (test)"})
        today = fields.Date.context_today(self.env["intl.risk"])
        # the branch: 4 steps, all decided in a day (on time); the main company: all 6 late
        branch = self._decided_lines(4, company=other, days_late=lambda _i: 0)
        main = self._decided_lines(6, days_late=lambda _i: 20)
        self.assertEqual(set(branch.mapped("company_id")), {other})
        self.assertEqual(set(main.mapped("company_id")), {self.env.company})
        self.assertFalse(any(branch.mapped("decided_late")))
        self.assertTrue(all(main.mapped("decided_late")))
        self.env.flush_all()
        Risk = self.env["intl.risk"]
        self.assertEqual(Risk._indicator_approval_late_share(other, today), 0.0)
        since = datetime.combine(today - timedelta(days=365), datetime.min.time())
        for company in (self.env.company, other):
            self.env.cr.execute("""
                SELECT count(*) FILTER (WHERE decided_on::date > date_deadline), count(*)
                  FROM intl_approval_line
                 WHERE state IN ('approved', 'rejected') AND decided_on >= %s AND company_id = %s
                   AND activated_on IS NOT NULL AND date_deadline IS NOT NULL""", [since, company.id])
            late, total = self.env.cr.fetchone()
            self.assertAlmostEqual(Risk._indicator_approval_late_share(company, today), 100.0 * late / total)
        # each company's risk register shows its own figure (check_company: the risk's owner and
        # company are the company's)
        risk = self.env.ref("intl_cooperation.intl_risk_agreement_delays")
        risk.company_id = self.env.company
        branch_risk = self.env["intl.risk"].create({
            "name": "Bureaucratic delays (branch)", "company_id": other.id, "owner_id": risk.owner_id.id,
            "indicator": "approval_late_share", "threshold": risk.threshold})
        (risk | branch_risk)._check_indicators()
        self.assertEqual(branch_risk.indicator_value, 0.0)
        self.assertGreater(risk.indicator_value, branch_risk.indicator_value)
        self.assertFalse(branch_risk.in_alert)

    def test_route_of_the_record_company(self):
        """A company's route serves that company's records only, whatever the companies the
        user works in; a step never names another company's route (check_company)."""
        other = self.env["res.company"].create({"name": "Branch campus (test)"})
        Route = self.env["intl.approval.route"]
        main_route = self.env.ref("intl_cooperation.intl_approval_route_agreement")
        branch_route = main_route.copy({"company_id": other.id, "sequence": 1, "name": "Branch agreements"})
        agreement = self._create_agreement()
        both = Route.with_context(allowed_company_ids=[self.env.company.id, other.id])
        self.assertEqual(both._find_routes(agreement)[agreement], main_route)
        moved = self._create_agreement()
        moved.sudo()._lifecycle_write({"company_id": other.id})
        self.assertEqual(Route._find_routes(moved)[moved], branch_route)
        step = branch_route.step_ids[:1]
        with self.assertRaises(UserError):
            self.env["intl.approval.line"].sudo()._lifecycle_create([{
                "res_model": "intl.agreement", "res_id": agreement.id, "route_id": branch_route.id,
                "step_id": step.id, "name": step.name}])

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
             WHERE state IN ('approved', 'rejected') AND decided_on >= %s AND company_id = %s
               AND activated_on IS NOT NULL AND date_deadline IS NOT NULL""", [since, self.env.company.id])
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


@tagged("post_install", "-at_install")
class TestApprovalMigration(TransactionCase):
    """A database installed before the positions gets the DP 717 deciders on its route steps
    (``migrations/18.0.1.1.0/post-migrate.py``), and keeps the steps the admin edited."""

    def _run_migration(self):
        path = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                            "migrations", "18.0.1.1.0", "post-migrate.py")
        spec = importlib.util.spec_from_file_location("intl_post_migrate_18_0_1_1_0", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()

    def test_old_steps_get_the_deciders_edited_ones_are_kept(self):
        ref = "intl_cooperation.intl_approval_route_step_"
        management = self.env.ref("intl_cooperation.group_intl_management")
        legal = self.env.ref("intl_cooperation.group_intl_legal")
        steps = {name: self.env.ref(ref + name) for name in (
            "trip_management", "trip_extension_management", "delegation_decision", "delegation_programme",
            "delegation_protocol", "scholar_plan_rector", "annual_report_rector")}
        expected = {name: step.role for name, step in steps.items()}
        # as installed before: the Management group on every step; the admin then gave the
        # protocol to the Legal group and the annual report to a user
        for step in steps.values():
            step.write({"approver_type": "group", "group_id": management.id, "role": False})
        steps["delegation_protocol"].group_id = legal
        steps["annual_report_rector"].write({"approver_type": "user", "user_id": self.env.ref("base.user_admin").id,
                                             "group_id": False})
        risk = self.env.ref("intl_cooperation.intl_risk_agreement_delays")
        risk.write({"indicator": "agreement_lead_time", "threshold": 30})
        self._run_migration()
        for name in ("trip_management", "trip_extension_management", "delegation_decision",
                     "delegation_programme", "scholar_plan_rector"):
            self.assertEqual((steps[name].approver_type, steps[name].role), ("role", expected[name]), name)
            self.assertFalse(steps[name].group_id)
        self.assertEqual(steps["delegation_protocol"].group_id, legal)
        self.assertEqual(steps["annual_report_rector"].approver_type, "user")
        self.assertEqual((risk.indicator, risk.threshold), ("approval_late_share", 20))
        # run again (or on an edited risk): nothing more changes
        risk.threshold = 35
        self._run_migration()
        self.assertEqual(risk.threshold, 35)
        self.assertEqual(steps["delegation_protocol"].group_id, legal)
