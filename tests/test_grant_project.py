from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import IntlCommon
from .common_trip import IntlTripMoneyCommon
from .jsonrpc_common import JsonRpcRefusalMixin


class GrantProjectCommon:
    """A proposal to a foreign funder, its principal investigator the requester of the institute."""

    def _project(self, user=None, **vals):
        today = self.today
        return self.env["intl.grant.project"].with_user(user or self.user_officer).create({
            "name": "Digital twins of mining processes", "acronym": "MINETWIN",
            "call": "Horizon Europe MSCA Staff Exchanges 2027", "funder_id": self.funder.id,
            "partner_ids": [Command.set(self.grant_partner.ids)],
            "principal_investigator_id": self.pi_employee.id, "amount_budget": 250000.0,
            "currency_id": self.env.ref("base.EUR").id,
            "date_start": date(today.year, 1, 1), "date_end": date(today.year + 2, 12, 31), **vals})

    def _running(self, project, user=None):
        user = user or self.user_officer
        project.with_user(user).action_submit()
        project.with_user(user).action_win()
        project.with_user(user).action_start()
        self.assertEqual(project.state, "running")
        return project


@tagged("post_install", "-at_install")
class TestGrantProject(GrantProjectCommon, IntlTripMoneyCommon):
    """§1 activity 7, §5.1.5: the register of foreign grant projects, from the proposal to the end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.funder = Partner.create({"name": "European Research Executive Agency", "is_company": True})
        cls.grant_partner = cls.partner_host
        cls.pi_employee = cls.employee_requester
        cls.user_dic_director = new_test_user(
            cls.env, login="grant_dic_director", groups="base.group_user,intl_cooperation.group_intl_director",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)])

    def _flush_tracking(self):
        """The tracking of the statuses is written at the end of each request (precommit)."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def test_lifecycle_by_dic(self):
        project = self._project()
        self._flush_tracking()
        self.assertEqual((project.state, project.institute_id), ("proposal", self.institute),
                         "the institute comes from the principal investigator")
        project.with_user(self.user_officer).action_submit()
        self.assertEqual(project.state, "submitted")
        self._flush_tracking()
        self.assertTrue(project.reference.startswith("GRANT/"))
        self.assertEqual(project.date_submitted, self.today)
        # what the funder received is fixed
        with self.assertRaises(UserError):
            project.with_user(self.user_officer).write({"call": "Another call"})
        project.with_user(self.user_officer).action_win()
        self.assertEqual(project.state, "won")
        self._flush_tracking()
        self.assertTrue(project.analytic_account_id, "the project's account comes with the award")
        self.assertEqual(project.analytic_account_id.plan_id,
                         self.env.ref("intl_cooperation.account_analytic_plan_intl_grant"))
        project.with_user(self.user_officer).action_start()
        self.assertEqual(project.state, "running")
        self._flush_tracking()
        with self.assertRaises(UserError):
            project.with_user(self.user_officer).write({"analytic_account_id": False})
        project.with_user(self.user_officer).action_close()
        self.assertEqual(project.state, "closed")
        self._flush_tracking()
        states = project.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state").mapped("new_value_char")
        self.assertEqual(set(states), {"Submitted", "Won", "Running", "Closed"})
        # a rejected proposal comes back as a new proposal
        lost = self._project(name="Lost proposal")
        lost.with_user(self.user_officer).action_submit()
        lost.with_user(self.user_officer).action_reject()
        self.assertEqual(lost.state, "rejected")
        with self.assertRaises(UserError):
            lost.with_user(self.user_officer).action_start()
        lost.with_user(self.user_officer).action_reset()
        self.assertEqual((lost.state, lost.date_submitted), ("proposal", False))

    def test_form_takes_the_institute_of_the_investigator(self):
        form = Form(self.env["intl.grant.project"].with_user(self.user_officer))
        form.name = "Form project"
        form.call = "Erasmus+ Jean Monnet"
        form.funder_id = self.funder
        form.principal_investigator_id = self.employee_requester_other
        self.assertEqual(form.institute_id, self.other_institute)
        self.assertEqual(form.currency_id, self.company.currency_id)
        project = form.save()
        self.assertEqual((project.state, project.reference), ("proposal", "/"))

    def test_guards_and_statuses(self):
        project = self._project(amount_budget=0.0)
        with self.assertRaises(UserError) as caught:
            project.with_user(self.user_officer).action_submit()
        self.assertIn("budget", str(caught.exception))
        with self.assertRaises(ValidationError):
            self._project(date_start=self.today, date_end=self.today - timedelta(days=1))
        with self.assertRaises(UserError):  # statuses move only through the actions
            project.with_user(self.user_officer).write({"state": "running"})
        with self.assertRaises(UserError):
            project.with_user(self.user_officer).write({"date_submitted": self.today})
        with self.assertRaises(UserError):  # the principal investigator does not move their own project
            self._project(principal_investigator_id=self.employee_officer.id).with_user(
                self.user_officer).action_submit()
        with self.assertRaises(UserError):
            self._running(self._project()).with_user(self.user_officer).unlink()

    def test_access_per_role(self):
        project = self._project()
        other = self._project(name="Geology project", principal_investigator_id=self.employee_requester_other.id)
        self.assertEqual(other.institute_id, self.other_institute)
        # DIC writes; the others never
        for user in (self.user_requester, self.user_coordinator, self.user_management, self.user_accountant,
                     self.user_hr):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["intl.grant.project"].with_user(user).create({
                        "name": "Mine", "call": "X", "funder_id": self.funder.id,
                        "principal_investigator_id": self.pi_employee.id})
                project.invalidate_recordset()
                with self.assertRaises(AccessError):
                    project.with_user(user).write({"note": "changed"})
                with self.assertRaises(UserError):
                    project.with_user(user).action_submit()
        readers = {
            self.user_requester: project,  # the principal investigator, their own
            self.user_coordinator: project,  # their institute's
            self.user_requester_other: other,
            self.user_management: project | other,
            self.user_accountant: project | other,
            self.user_hr: self.env["intl.grant.project"],
        }
        for user, readable in readers.items():
            with self.subTest(user=user.login):
                (project | other).invalidate_recordset()
                self.assertEqual(self.env["intl.grant.project"].with_user(user).search(
                    [("id", "in", (project | other).ids)]), readable)
                for record in (project | other) - readable:
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["name"])
        # the form opens for each reader (the counts of what they may see: a requester reads no
        # delegation)
        for user in (self.user_requester, self.user_coordinator, self.user_accountant):
            project.invalidate_recordset()
            self.assertEqual(project.with_user(user).read(["trip_count", "delegation_count"])[0]["delegation_count"], 0)
        # spending: accountants (and DIC, management), not the coordinator nor the PI
        project.invalidate_recordset()
        self.assertEqual(project.with_user(self.user_accountant).read(["amount_spent"])[0]["amount_spent"], 0.0)
        for user in (self.user_coordinator, self.user_requester):
            project.invalidate_recordset()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                project.with_user(user).read(["amount_spent"])

    def test_trip_funded_by_a_running_project_spends_on_its_account(self):
        project = self._project()
        with self.assertRaises(ValidationError):  # a proposal funds nothing
            self._create_trip(grant_project_id=project.id)
        self._running(project)
        trip = self._create_trip(grant_project_id=project.id)
        self.assertEqual(trip.grant_project_id, project)
        self._approve(trip)
        with self.assertRaises(UserError):  # fixed from the submission, as the funding
            trip.with_user(self.user_officer).write({"grant_project_id": False})
        self._pay(trip)
        self._return(trip)
        report = self._report(trip, [(self.cat_fares, 280000.0, self.kzt),
                                     (self.cat_accommodation, 150000.0, self.kzt)])
        self.assertEqual(report.state, "posted")
        expense = report.move_id.line_ids.filtered(lambda line: line.account_id.account_type == "expense")
        self.assertTrue(expense)
        for line in expense:
            self.assertEqual(line.analytic_distribution[str(project.analytic_account_id.id)], 100.0)
        project.invalidate_recordset()
        self.assertEqual(project.with_user(self.user_accountant).amount_spent, 430000.0)
        self.assertEqual(project.trip_count, 1)
        entries = self.env["account.analytic.line"].with_user(self.user_accountant).search(
            project.with_user(self.user_accountant).action_view_spending()["domain"])
        self.assertEqual(entries.move_line_id.move_id, report.move_id)
        # a closed project funds no new trip
        project.with_user(self.user_officer).action_close()
        with self.assertRaises(ValidationError):
            self._create_trip(grant_project_id=project.id, departure=self.today + timedelta(days=50))

    def test_delegation_names_a_running_project(self):
        project = self._project()
        Delegation = self.env["intl.delegation"].with_user(self.user_officer)
        vals = {"partner_id": self.partner_host.id, "purpose": "Project meeting", "institute_id": self.institute.id,
                "date_arrival": self.today + timedelta(days=30), "date_departure": self.today + timedelta(days=33),
                "company_id": self.company.id}
        with self.assertRaises(ValidationError):
            Delegation.create(dict(vals, grant_project_id=project.id))
        self._running(project)
        delegation = Delegation.create(dict(vals, grant_project_id=project.id))
        self.assertEqual(project.delegation_count, 1)
        self.assertEqual(project.action_view_delegations()["domain"], [("grant_project_id", "=", project.id)])
        self.assertEqual(delegation.grant_project_id, project)

    def test_annual_report_and_indicators_count_projects(self):
        year = self.today.year
        submitted = self._project(name="Submitted")
        submitted.with_user(self.user_officer).action_submit()
        self._running(self._project(name="Running"))
        won = self._project(name="Won", principal_investigator_id=self.employee_requester_other.id)
        won.with_user(self.user_officer).action_submit()
        won.with_user(self.user_officer).action_win()
        self._project(name="Only a proposal")
        report = self.env["intl.annual.report"].with_user(self.user_dic_director).create(
            {"year": year, "company_id": self.company.id})
        report.action_refresh_figures()
        figures = {(figure.code, figure.dimension_label or ""): figure.value for figure in report.figure_ids
                   if figure.section == "grants"}
        self.assertEqual(figures[("grant_submitted", "")], 3)
        self.assertEqual(figures[("grant_won", "")], 2)
        self.assertEqual(figures[("grant_running", "")], 1)
        self.assertEqual(figures[("grant_running_by_institute", self.institute.display_name)], 1)
        drill = report.figure_ids.filtered(lambda figure: figure.code == "grant_won").action_open_records()
        self.assertEqual(set(self.env["intl.grant.project"].search(drill["domain"]).mapped("name")), {"Won", "Running"})
        indicators = self.env["intl.institute.indicator"].with_user(self.user_dic_director).create([
            {"institute_id": institute.id, "year": year, "code": code, "company_id": self.company.id}
            for institute in (self.institute, self.other_institute)
            for code in ("grants_submitted", "grants_won", "grants_running")])
        actual = {(indicator.institute_id, indicator.code): indicator.actual for indicator in indicators}
        self.assertEqual(actual, {
            (self.institute, "grants_submitted"): 2.0, (self.institute, "grants_won"): 1.0,
            (self.institute, "grants_running"): 1.0,
            (self.other_institute, "grants_submitted"): 1.0, (self.other_institute, "grants_won"): 1.0,
            (self.other_institute, "grants_running"): 0.0,
        })


@tagged("post_install", "-at_install")
class TestGrantProjectJsonRpc(JsonRpcRefusalMixin, GrantProjectCommon, IntlCommon, HttpCase):
    """Over JSON-RPC: only DIC writes a project, nobody writes its status, readers per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.funder = cls.env["res.partner"].create({"name": "DFG", "is_company": True})
        cls.grant_partner = cls.partner_institution
        cls.pi_employee = cls.employee_requester
        cls.today = date.today()

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_refusals(self):
        project = self._project()
        other = self._project(name="Other institute", principal_investigator_id=self.employee_requester_other.id)
        self.user_coordinator.password = "coordinator-pw-1"
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        with self.assertRpcRefused(AccessError):
            self._call("intl.grant.project", "create", [[{
                "name": "Mine", "call": "X", "funder_id": self.funder.id,
                "principal_investigator_id": self.pi_employee.id}]])
        with self.assertRpcRefused(AccessError):
            self._call("intl.grant.project", "write", [[project.id], {"note": "changed"}])
        with self.assertRpcRefused(UserError):
            self._call("intl.grant.project", "action_submit", [[project.id]])
        with self.assertRpcRefused(AccessError):
            self._call("intl.grant.project", "read", [[other.id], ["name"]])
        with self.assertRpcRefused(AccessError):
            self._call("intl.grant.project", "read", [[project.id], ["amount_spent"]])
        self.assertEqual(self._call("intl.grant.project", "read", [[project.id], ["state"]])[0]["state"], "proposal")
        self.user_officer.password = "officer-pw-1"
        self.authenticate(self.user_officer.login, "officer-pw-1")
        for vals in ({"state": "running"}, {"date_decided": "2026-01-01"}, {"reference": "GRANT/FORGED"}):
            with self.subTest(vals=vals), self.assertRpcRefused(UserError):
                self._call("intl.grant.project", "write", [[project.id], vals])
        with self.assertRpcRefused(UserError):
            self._call("intl.grant.project", "create", [[{
                "name": "Forged", "call": "X", "funder_id": self.funder.id,
                "principal_investigator_id": self.pi_employee.id, "state": "won"}]])
        project.invalidate_recordset()
        self.assertEqual(project.read(["state", "reference", "date_decided"])[0],
                         {"id": project.id, "state": "proposal", "reference": "/", "date_decided": False})
        self._call("intl.grant.project", "action_submit", [[project.id]])
        project.invalidate_recordset()
        self.assertEqual(project.read(["state"])[0]["state"], "submitted")
        with self.assertRpcRefused(UserError):  # the call the funder received is fixed
            self._call("intl.grant.project", "write", [[project.id], {"call": "Another call"}])
        with self.assertRpcRefused(ValidationError):  # a submitted project funds no trip yet
            self._call("intl.trip", "create", [[{
                "employee_id": self.employee_officer.id, "country_id": self.env.ref("base.de").id,
                "city": "Berlin", "purpose": "Project meeting", "assignment": "Meet",
                "date_departure": str(self.today + timedelta(days=40)),
                "date_return": str(self.today + timedelta(days=43)), "grant_project_id": project.id}]])
