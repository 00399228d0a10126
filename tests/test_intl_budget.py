from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common_scholar import IntlScholarCommon
from .common_trip import IntlTripMoneyCommon
from .test_intl_delegation import INVITATION_INFO, attach_paper

EXPENSE_TYPES = ("expense", "expense_direct_cost", "expense_depreciation")


class IntlBudgetCommon(IntlScholarCommon, IntlTripMoneyCommon):
    """A budget of the trips' year for the state budget, and a university-wide one for scholars."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = (cls.today + timedelta(days=30)).year
        cls.budget = cls.env["intl.budget"].create({
            "year": cls.year, "company_id": cls.company.id, "funding_source_id": cls.funding_budget.id,
            "amount_allocated": 1000000.0})

    def _submit(self, trip):
        trip.with_user(self.user_requester).action_submit()
        return trip

    def _sql_figures(self, budget):
        """The budget's three figures by hand, in SQL."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("SELECT amount_allocated FROM intl_budget WHERE id = %s", [budget.id])
        [allocated] = cr.fetchone()
        # a trip without funding lines commits its estimate to its budget, one with funding lines
        # each line's share (or amount over the lines' total) to the line's budget
        cr.execute("""
            SELECT COALESCE(SUM(trip.estimate_total), 0) FROM intl_trip trip
             WHERE trip.budget_id = %(b)s AND trip.state IN ('approved', 'returned')
               AND NOT COALESCE(trip.no_advance, FALSE) AND trip.money_state IN ('to_pay', 'advanced', 'to_approve')
               AND trip.id NOT IN (SELECT trip_id FROM intl_trip_funding_line)
            UNION ALL
            SELECT COALESCE(SUM(trip.estimate_total * CASE WHEN totals.shares = totals.lines THEN line.share / 100.0
                                                           ELSE line.amount / NULLIF(totals.amount, 0) END), 0)
              FROM intl_trip_funding_line line
              JOIN intl_trip trip ON trip.id = line.trip_id
              JOIN (SELECT trip_id, COUNT(*) AS lines, COUNT(*) FILTER (WHERE share > 0) AS shares,
                           SUM(amount) AS amount FROM intl_trip_funding_line GROUP BY trip_id) totals
                ON totals.trip_id = trip.id
             WHERE line.budget_id = %(b)s AND trip.state IN ('approved', 'returned')
               AND NOT COALESCE(trip.no_advance, FALSE) AND trip.money_state IN ('to_pay', 'advanced', 'to_approve')
        """, {"b": budget.id})
        committed = sum(float(amount) for [amount] in cr.fetchall())
        column = budget.analytic_account_id.root_plan_id._column_name()
        cr.execute(f"""
            SELECT COALESCE(-SUM(line.amount), 0) FROM account_analytic_line line
              JOIN account_account account ON account.id = line.general_account_id
             WHERE line.{column} = %s AND account.account_type IN %s""",
                   [budget.analytic_account_id.id, EXPENSE_TYPES])
        [spent] = cr.fetchone()
        return float(allocated), float(committed), float(spent)


@tagged("post_install", "-at_install")
class TestIntlBudget(IntlBudgetCommon):
    """Allocated, committed, spent; over-budget warned or refused; entries in the budget's account."""

    def test_budget_gets_its_analytic_account(self):
        self.assertTrue(self.budget.analytic_account_id)
        self.assertEqual(self.budget.analytic_account_id.plan_id,
                         self.env.ref("intl_cooperation.account_analytic_plan_intl_budget"))
        self.assertIn(str(self.year), self.budget.name)
        with self.assertRaises(ValidationError):
            self.env["intl.budget"].create({
                "year": self.year, "company_id": self.company.id,
                "funding_source_id": self.funding_budget.id})

    def test_who_may_change_a_budget(self):
        for user in (self.user_requester, self.user_coordinator, self.user_officer, self.user_management):
            budget = self.budget.with_user(user)
            budget.invalidate_recordset()
            self.assertEqual(budget.read(["amount_allocated"])[0]["amount_allocated"], 1000000.0)
            with self.assertRaises(AccessError):
                budget.write({"amount_allocated": 1.0})
            with self.assertRaises(AccessError):
                self.env["intl.budget"].with_user(user).create({
                    "year": self.year + 1, "company_id": self.company.id,
                    "funding_source_id": self.funding_budget.id})
        self.budget.with_user(self.user_accountant).write({"amount_allocated": 1500000.0})
        self.assertEqual(self.budget.amount_allocated, 1500000.0)
        with self.assertRaises(AccessError):
            self.budget.with_user(self.user_accountant).unlink()
        self._submit(self._create_trip())
        with self.assertRaises(ValidationError):
            self.budget.with_user(self.user_dic_director).unlink()  # trips are charged to it

    def test_figures_equal_hand_computed_sql(self):
        committed_trip = self._approve(self._create_trip())
        spent_trip = self._approve(self._create_trip(departure=self.today + timedelta(days=40)))
        self.assertEqual(committed_trip.budget_id, self.budget)
        self.assertEqual(self.budget.amount_committed, 1000000.0)
        self._pay(spent_trip)
        self._return(spent_trip)
        report = self._report(spent_trip, [(self.cat_fares, 280000.0, self.kzt),
                                           (self.cat_accommodation, 150000.0, self.kzt)])
        self.assertEqual(report.state, "posted")
        lines = report.move_id.line_ids.filtered(lambda line: line.account_id.account_type == "expense")
        self.assertTrue(lines)
        for line in lines:
            self.assertEqual(line.analytic_distribution, {str(self.budget.analytic_account_id.id): 100.0})
        self.budget.invalidate_recordset()
        figures = (self.budget.amount_allocated, self.budget.amount_committed, self.budget.amount_spent)
        self.assertEqual(figures, (1000000.0, 500000.0, 430000.0))
        self.assertEqual(figures, self._sql_figures(self.budget))
        self.assertEqual(self.budget.amount_left, 70000.0)
        entries = self.env["account.analytic.line"].search(self.budget.action_view_entries()["domain"])
        self.assertEqual(-sum(entries.mapped("amount")), 430000.0)
        self.assertEqual(entries.move_line_id.move_id, report.move_id)

    def test_over_budget_warned(self):
        self._approve(self._create_trip())  # 500 000 committed
        trip = self._create_trip(lines=[(self.cat_fares, 1, 600000.0, self.kzt)])
        self.assertTrue(trip.budget_exceeded)
        self.assertEqual(trip.budget_left, 500000.0)
        self.assertIn("100,000.00", trip.budget_warning.replace("\xa0", ","))
        self._submit(trip)
        self.assertEqual(trip.state, "to_head")
        self.assertEqual(trip.budget_id, self.budget)
        self.assertIn("Over the budget", trip.message_ids[:3].mapped("body")[0] + "".join(
            trip.message_ids.mapped("body")))

    def test_over_budget_refused_unless_management_allows(self):
        self.budget.on_exceed = "refuse"
        trip = self._create_trip(lines=[(self.cat_fares, 1, 1200000.0, self.kzt)])
        with self.assertRaisesRegex(UserError, "Management can allow it"):
            self._submit(trip)
        self.assertEqual(trip.state, "draft")
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester)._budget_allow_override("I need it")
        with self.assertRaises(UserError):
            trip.with_user(self.user_management)._budget_allow_override("  ")
        trip.with_user(self.user_management)._budget_allow_override("The rector's priority project")
        self.assertEqual(trip.budget_override_user_id, self.user_management)
        self._submit(trip)
        self.assertEqual(trip.state, "to_head")

    def test_within_budget_is_silent(self):
        trip = self._submit(self._create_trip())
        self.assertFalse(trip.budget_exceeded)
        self.assertEqual(trip.budget_left, 1000000.0)

    def test_budget_fields_are_the_engines(self):
        trip = self._create_trip()
        other = self.env["intl.budget"].create({
            "year": self.year, "company_id": self.company.id, "funding_source_id": self.funding_budget.id,
            "institute_id": self.other_institute.id, "amount_allocated": 10.0})
        for vals in ({"budget_id": other.id}, {"budget_override_reason": "mine"}):
            with self.assertRaises(UserError):
                trip.with_user(self.user_requester).write(vals)

    def test_institute_budget_first(self):
        own = self.env["intl.budget"].create({
            "year": self.year, "company_id": self.company.id, "funding_source_id": self.funding_budget.id,
            "institute_id": self.institute.id, "amount_allocated": 2000000.0})
        trip = self._submit(self._create_trip())
        self.assertEqual(trip.institute_id, self.institute)
        self.assertEqual(trip.budget_id, own)

    def test_scholar_contract_and_state_fee_join_the_budget(self):
        budget = self.env["intl.budget"].create({
            "year": (self.today + timedelta(days=45)).year, "company_id": self.company.id,
            "funding_source_id": self.scholar_programme.id, "amount_allocated": 5000000.0})
        visit = self._accepted_visit()
        self.assertEqual(visit.budget_id, budget)
        # the figures are summed from the database when read (no dependencies): as a new request
        budget.invalidate_recordset(["amount_committed"])
        self.assertEqual(budget.amount_committed, 1000000.0)
        fee = self.env["intl.scholar.fee"].with_user(self.user_officer).create({
            "visit_id": visit.id, "kind_id": self.fee_invitation.id})
        fee.with_user(self.user_accountant).action_post()
        self.assertEqual(fee.move_id.invoice_line_ids.analytic_distribution,
                         {str(budget.analytic_account_id.id): 100.0})
        budget.invalidate_recordset()
        self.assertEqual(budget.amount_spent, fee.amount)

    def test_risk_moves_with_real_postings(self):
        risk = self.env["intl.risk"].create({
            "name": "Funds not used by November", "indicator": "funds_used_november",
            "threshold": 50.0, "threshold_direction": "below", "company_id": self.company.id,
            "owner_id": self.user_officer.id})
        trip = self._approve(self._create_trip())
        with freeze_time(date(self.year, 11, 30)):
            risk._check_indicators()
        self.assertEqual(risk.indicator_value, 0.0)
        self._pay(trip)
        self._return(trip)
        self._report(trip, [(self.cat_fares, 300000.0, self.kzt)])
        with freeze_time(date(self.year, 11, 30)):
            risk._check_indicators()
            self.assertEqual(risk.indicator_value, 30.0)
            entries = self.env["account.analytic.line"].search(risk.action_view_funds_entries()["domain"])
        self.assertEqual(-sum(entries.mapped("amount")), 300000.0)

    def test_annual_report_and_indicator_read_the_books(self):
        own = self.env["intl.budget"].create({
            "year": self.year, "company_id": self.company.id, "funding_source_id": self.funding_budget.id,
            "institute_id": self.institute.id, "amount_allocated": 600000.0})
        committed = self._approve(self._create_trip())
        spent = self._approve(self._create_trip(departure=self.today + timedelta(days=40)))
        self.assertEqual((committed.budget_id, spent.budget_id), (own, own))
        self._pay(spent)
        self._return(spent)
        self._report(spent, [(self.cat_fares, 300000.0, self.kzt)])
        vals_list = self.env["intl.annual.report"]._compute_figure_vals(self.year, self.company)
        figures = {(vals["code"], vals["res_id"]): vals for vals in vals_list if vals["section"] == "money"}
        self.assertEqual(figures["money_allocated", False]["value"], 1600000.0)
        self.assertEqual(figures["money_committed", False]["value"], 500000.0)
        self.assertEqual(figures["money_booked", False]["value"], 300000.0)
        self.assertEqual(figures["money_booked_by_funding", self.funding_budget.id]["value"], 300000.0)
        booked = figures["money_booked", False]
        entries = self.env[booked["drill_model"]].search(safe_eval(booked["drill_domain"]))
        self.assertEqual(-sum(entries.mapped("amount")), 300000.0)
        self.assertEqual(entries.move_line_id.move_id, spent.advance_report_ids.move_id)
        actuals = self.env["intl.institute.indicator"]._actual_funds_spent(
            self.env["intl.annual.report"], self.year, self.company)
        self.assertEqual(actuals, {self.institute.id: 300000.0})

    def test_delegation_bills_carry_the_budget(self):
        budget = self.env["intl.budget"].create({
            "year": self.year, "company_id": self.company.id, "funding_source_id": self.funding_budget.id,
            "institute_id": self.institute.id, "amount_allocated": 400000.0})
        hotel = self.env["res.partner"].create({"name": "Hotel Kazakhstan (budget test)", "is_company": True})
        hotel_account = self.env["account.account"].create({
            "name": "Hospitality expenses", "code": "7213", "account_type": "expense"})
        category = self.env.ref("intl_cooperation.intl_delegation_cost_category_accommodation")
        category.with_company(self.company).account_id = hotel_account
        arrival = self.today + timedelta(days=30)
        officer = self.env["intl.delegation"].with_user(self.user_officer)
        visit = officer.create({
            "partner_id": self.partner_host.id, "purpose": "Joint programme (budget test)",
            "date_arrival": arrival, "date_departure": arrival + timedelta(days=2),
            "institute_id": self.institute.id, "company_id": self.company.id,
            "signatory_id": self.employee_management.id,
            "cooperation_level": "Agreement in force.", "prospects": "Double degree.",
            "member_ids": [Command.create({"surname": "Schmidt", "first_name": "Anna", "is_head": True,
                                           "position": "Dean", "workplace": "TU Berlin"})],
            "lang_id": self.env.ref("base.lang_en").id, **INVITATION_INFO,
            "programme_line_ids": [Command.create({"date": arrival, "name": "Meeting with the rector"})],
            "cost_line_ids": [Command.create({"category_id": category.id, "name": "Hotel rooms",
                                              "quantity": 4, "unit_price": 125000.0,
                                              "partner_id": hotel.id})],
            "guarantee_line_ids": [Command.create({"supplier_type": "hotel", "partner_id": hotel.id,
                                                   "services": "2 rooms, 2 nights", "amount": 500000.0})],
        })
        attach_paper(visit, "intl_document_type_service_memo", self.user_officer)
        visit.action_request_decision()
        visit.with_user(self.user_management).action_approval_approve()
        visit.action_send_invitation()
        self.assertTrue(visit.budget_exceeded, "500 000 needed, 400 000 allocated")
        attach_paper(visit, "intl_document_type_cost_estimate", self.user_officer)
        visit.action_submit_programme()
        visit.with_user(self.user_management).action_approval_approve()
        self.assertEqual(visit.state, "programme_approved")
        self.assertEqual(visit.budget_id, budget)
        # the figures are summed from the database when read (no dependencies): as a new request
        budget.invalidate_recordset(["amount_committed"])
        self.assertEqual(budget.amount_committed, 500000.0)
        visit.cost_line_ids.write({"actual_amount": 480000.0})
        with self.assertRaises(UserError):
            visit.action_create_bills()  # the officer is no accountant
        visit.with_user(self.user_accountant).action_create_bills()
        bill = visit.cost_line_ids.move_id
        self.assertEqual((bill.state, bill.move_type, bill.partner_id), ("posted", "in_invoice", hotel))
        self.assertEqual(bill.invoice_line_ids.analytic_distribution,
                         {str(budget.analytic_account_id.id): 100.0})
        self.assertEqual(visit.guarantee_line_ids.bill_ids, bill)
        budget.invalidate_recordset()
        self.assertEqual((budget.amount_committed, budget.amount_spent), (0.0, 480000.0))
        self.assertEqual(self._sql_figures(budget)[2], 480000.0)
        with self.assertRaises(UserError):
            visit.cost_line_ids.write({"actual_amount": 1.0})


@tagged("post_install", "-at_install")
class TestIntlBudgetFundingLines(IntlBudgetCommon):
    """A trip with several funding lines commits and spends each line's part on its own source's
    budget (year, company, source, institute), and each budget warns or refuses for its part."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.funding_grant = cls.env.ref("intl_cooperation.intl_funding_source_grant")
        cls.grant_budget = cls.env["intl.budget"].create({
            "year": cls.year, "company_id": cls.company.id, "funding_source_id": cls.funding_grant.id,
            "amount_allocated": 400000.0})

    def _split_trip(self, budget_share=60.0, **vals):
        """The default estimate (500 000 ₸) paid 60 % by the state budget, 40 % by the grant."""
        trip = self._create_trip(**vals)
        trip.with_user(self.user_requester).write({"funding_line_ids": [
            Command.create({"source_id": self.funding_budget.id, "share": budget_share}),
            Command.create({"source_id": self.funding_grant.id, "share": 100.0 - budget_share})]})
        return trip

    def test_each_line_commits_and_spends_on_its_budget(self):
        committed = self._approve(self._split_trip())
        spent = self._approve(self._split_trip(departure=self.today + timedelta(days=40)))
        for trip in (committed, spent):
            self.assertEqual(trip.budget_id, self.budget, "the main source's budget")
            self.assertEqual(trip.funding_line_ids.mapped("budget_id"), self.budget | self.grant_budget)
        (self.budget | self.grant_budget).invalidate_recordset()
        # 2 trips × 500 000: 60 % and 40 % of each
        self.assertEqual(self.budget.amount_committed, 600000.0)
        self.assertEqual(self.grant_budget.amount_committed, 400000.0)
        self._pay(spent)
        self._return(spent)
        report = self._report(spent, [(self.cat_fares, 280000.0, self.kzt),
                                      (self.cat_accommodation, 150000.0, self.kzt)])
        self.assertEqual(report.state, "posted")
        # the lines keep their sources' own accounts (their plans) and add their budgets' (the
        # budgets' plan), each for its share
        expected = {str(line.analytic_account_id.id): line.share
                    for line in spent.funding_line_ids if line.analytic_account_id}
        self.assertNotIn(self.budget.analytic_account_id.root_plan_id,
                         spent.funding_line_ids.analytic_account_id.root_plan_id)
        expected.update({str(self.budget.analytic_account_id.id): 60.0,
                         str(self.grant_budget.analytic_account_id.id): 40.0})
        expense = report.move_id.line_ids.filtered(lambda line: line.account_id.account_type == "expense")
        self.assertTrue(expense)
        for line in expense:
            self.assertEqual(line.analytic_distribution, expected)
        (self.budget | self.grant_budget).invalidate_recordset()
        # the posted 430 000: 258 000 (60 %) and 172 000 (40 %); the other trip stays committed
        self.assertEqual((self.budget.amount_allocated, self.budget.amount_committed, self.budget.amount_spent),
                         (1000000.0, 300000.0, 258000.0))
        self.assertEqual((self.grant_budget.amount_allocated, self.grant_budget.amount_committed,
                          self.grant_budget.amount_spent), (400000.0, 200000.0, 172000.0))
        self.assertEqual(self._sql_figures(self.budget), (1000000.0, 300000.0, 258000.0))
        self.assertEqual(self._sql_figures(self.grant_budget), (400000.0, 200000.0, 172000.0))
        self.assertEqual(self.grant_budget.amount_left, 28000.0)
        committed_action = self.grant_budget.action_view_committed()
        self.assertEqual(self.env["intl.trip"].search(committed_action["domain"]), committed)
        entries = self.env["account.analytic.line"].search(self.grant_budget.action_view_entries()["domain"])
        self.assertEqual(-sum(entries.mapped("amount")), 172000.0)
        # the annual report sums both budgets
        vals_list = self.env["intl.annual.report"]._compute_figure_vals(self.year, self.company)
        figures = {(vals["code"], vals["res_id"]): vals["value"] for vals in vals_list if vals["section"] == "money"}
        self.assertEqual(figures["money_committed", False], 500000.0)
        self.assertEqual(figures["money_booked", False], 430000.0)
        self.assertEqual(figures["money_booked_by_funding", self.funding_grant.id], 172000.0)

    def test_amounts_split_the_estimate_in_proportion(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).write({"funding_line_ids": [
            Command.create({"source_id": self.funding_budget.id, "amount": 100000.0}),
            Command.create({"source_id": self.funding_grant.id, "amount": 300000.0})]})
        self.assertEqual(trip.funding_line_ids.mapped("budget_share"), [25.0, 75.0])
        self._approve(trip)
        self.grant_budget.invalidate_recordset()
        self.assertEqual(self.grant_budget.amount_committed, 375000.0)
        self.assertEqual(self._sql_figures(self.grant_budget)[1], 375000.0)

    def test_the_line_over_its_budget_is_warned(self):
        self.grant_budget.amount_allocated = 150000.0
        trip = self._split_trip()
        self.assertTrue(trip.budget_exceeded)
        self.assertIn(self.grant_budget.name, trip.budget_warning)
        self.assertNotIn(self.budget.name, trip.budget_warning, "300 000 of 1 000 000: within")
        self._submit(trip)
        self.assertEqual(trip.state, "to_head")
        notes = "".join(trip.message_ids.mapped("body"))
        self.assertIn(f"Over the budget {self.grant_budget.name}", notes)
        self.assertNotIn(f"Over the budget {self.budget.name}", notes)

    def test_the_line_over_a_refusing_budget_is_refused(self):
        self.grant_budget.write({"amount_allocated": 150000.0, "on_exceed": "refuse"})
        trip = self._split_trip()
        with self.assertRaisesRegex(UserError, "Management can allow it") as caught:
            self._submit(trip)
        self.assertIn(self.grant_budget.name, str(caught.exception))
        self.assertEqual(trip.state, "draft")
        # the same trip with the grant paying less passes: 20 % = 100 000 of 150 000
        first, second = trip.funding_line_ids
        trip.with_user(self.user_requester).write({"funding_line_ids": [
            Command.update(first.id, {"share": 80.0}), Command.update(second.id, {"share": 20.0})]})
        self._submit(trip)
        self.assertEqual(trip.state, "to_head")

    def test_line_budget_is_the_engines(self):
        trip = self._split_trip()
        with self.assertRaises(UserError):
            trip.funding_line_ids[:1].with_user(self.user_requester).write({"budget_id": self.grant_budget.id})
        self._submit(trip)
        with self.assertRaises(ValidationError):
            self.grant_budget.write({"funding_source_id": self.funding_budget.id})  # charged through a line


@tagged("post_install", "-at_install")
class TestIntlBudgetJsonRpc(IntlBudgetCommon, HttpCase):
    """Over JSON-RPC, as any client: a refusing budget refuses the submission; nobody writes the
    budget fields; Management's override lets it through."""

    def _login(self, user):
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_over_budget_over_jsonrpc(self):
        self.budget.on_exceed = "refuse"
        trip = self._create_trip(lines=[(self.cat_fares, 1, 1200000.0, self.kzt)])
        self._login(self.user_requester)
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call("intl.trip", "action_submit", [trip.ids])
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call("intl.trip", "write", [trip.ids, {"budget_override_reason": "mine"}])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):  # a private method
            self._call("intl.trip", "_budget_allow_override", [trip.ids, "mine"])
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call("intl.trip", "action_budget_override", [trip.ids])
        [values] = self._call("intl.trip", "read", [trip.ids, ["budget_exceeded", "budget_left"]])
        self.assertEqual((values["budget_exceeded"], values["budget_left"]), (True, 1000000.0))
        self._login(self.user_management)
        action = self._call("intl.trip", "action_budget_override", [trip.ids])
        wizard_id = self._call("intl.budget.override", "create", [{"reason": "Priority project"}],
                               {"context": action["context"]})
        self._call("intl.budget.override", "action_confirm", [[wizard_id] if isinstance(wizard_id, int) else wizard_id])
        self._login(self.user_requester)
        self._call("intl.trip", "action_submit", [trip.ids])
        trip.invalidate_recordset()
        self.assertEqual(trip.state, "to_head")
        self.assertEqual(trip.budget_override_user_id, self.user_management)

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_funding_line_over_its_budget_over_jsonrpc(self):
        grant = self.env.ref("intl_cooperation.intl_funding_source_grant")
        grant_budget = self.env["intl.budget"].create({
            "year": self.year, "company_id": self.company.id, "funding_source_id": grant.id,
            "amount_allocated": 150000.0, "on_exceed": "refuse"})
        trip = self._create_trip()
        self._login(self.user_requester)
        self._call("intl.trip", "write", [trip.ids, {"funding_line_ids": [
            [0, 0, {"source_id": self.funding_budget.id, "share": 60.0}],
            [0, 0, {"source_id": grant.id, "share": 40.0}]]}])
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call("intl.trip", "action_submit", [trip.ids])
        [values] = self._call("intl.trip", "read", [trip.ids, ["budget_exceeded", "budget_warning", "state"]])
        self.assertTrue(values["budget_exceeded"])
        self.assertIn(grant_budget.name, values["budget_warning"])
        self.assertEqual(values["state"], "draft")
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call("intl.trip.funding.line", "write", [trip.funding_line_ids[:1].ids,
                                                            {"budget_id": grant_budget.id}])
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call("intl.trip", "write", [trip.ids, {"funding_line_ids": [
                [1, trip.funding_line_ids[1].id, {"budget_id": self.budget.id}]]}])
        self._login(self.user_management)
        action = self._call("intl.trip", "action_budget_override", [trip.ids])
        wizard_id = self._call("intl.budget.override", "create", [{"reason": "Grant topped up in March"}],
                               {"context": action["context"]})
        self._call("intl.budget.override", "action_confirm", [[wizard_id] if isinstance(wizard_id, int) else wizard_id])
        self._login(self.user_requester)
        self._call("intl.trip", "action_submit", [trip.ids])
        trip.invalidate_recordset()
        self.assertEqual(trip.state, "to_head")
        self.assertEqual(trip.funding_line_ids.budget_id, self.budget | grant_budget)
