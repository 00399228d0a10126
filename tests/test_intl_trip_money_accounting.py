import re
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.misc import format_date

from .common_trip import IntlTripMoneyCommon


@tagged("post_install", "-at_install")
class TestIntlTripMoneyAccounting(IntlTripMoneyCommon):
    """Foreign-currency advances, bank matching, norms, analytics, deductions, reopening."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.payroll_account = cls.env["account.account"].create({
            "name": "Payroll payable", "code": "3350", "account_type": "liability_payable",
            "reconcile": True})
        cls.company.intl_payroll_account_id = cls.payroll_account
        cls.de = cls.env.ref("base.de")
        Rate = cls.env["intl.per.diem.rate"]
        cls.norm_per_diem = Rate.create({
            "kind": "per_diem", "country_id": cls.de.id, "amount": 70.0, "currency_id": cls.eur.id,
            "date_from": "2025-01-01", "company_id": cls.company.id})
        cls.norm_hotel = Rate.create({
            "kind": "accommodation", "country_id": cls.de.id, "city": "Berlin", "amount": 150.0,
            "currency_id": cls.eur.id, "date_from": "2025-01-01", "company_id": cls.company.id})

    def _eur_trip(self, **vals):
        return self._approve(self._create_trip(
            lines=[(self.cat_fares, 1, 1000.0, self.eur)], **vals))

    def _rate(self, date, kzt_per_eur):
        self.env["res.currency.rate"].create({
            "currency_id": self.eur.id, "company_id": self.company.id, "name": date,
            "rate": 1 / kzt_per_eur})

    # ------------------------------------------------------------------
    # Currencies and exchange differences
    # ------------------------------------------------------------------

    def test_eur_advance_spent_more_books_exchange_difference(self):
        trip = self._eur_trip()
        advance = self._pay(trip)
        self.assertEqual((advance.currency_id, advance.amount), (self.eur, 1000.0))
        self.assertEqual(advance.amount_company, 500000.0)  # 1 EUR = 500 KZT today
        self.assertEqual(advance.account_payment_id.payment_type, "outbound")
        self.assertEqual(advance.account_payment_id.partner_id, self.employee_requester.work_contact_id)
        self._rate(trip.date_departure, 520.0)  # the euro rose before the traveller spent it
        self._return(trip)
        report = self._report(trip, [(self.cat_fares, 1100.0, self.eur)])
        self.assertEqual(report.total_amount, 1100.0)
        self.assertEqual(report.total_amount_company, 572000.0)
        self.assertEqual(trip.amount_balance, -100.0)
        self._settle(trip, date=trip.date_return_actual)
        reimbursement = trip.payment_ids.filtered(lambda p: p.kind == "reimbursement")
        self.assertEqual((reimbursement.currency_id, reimbursement.amount), (self.eur, 100.0))
        self.assertEqual(reimbursement.amount_company, 52000.0)
        lines = trip._advance_move_lines()
        self.assertEqual(len(lines), 3)
        self.assertTrue(all(lines.mapped("reconciled")))
        self.assertEqual(sum(lines.mapped("amount_currency")), 0.0)
        exchange = trip._advance_exchange_moves()
        self.assertTrue(exchange, "Odoo books the exchange difference of the advance")
        self.assertEqual(exchange.state, "posted")
        self.assertEqual(sum(exchange.line_ids.filtered(
            lambda line: line.account_id == self.advance_account).mapped("balance")), 20000.0)
        self.assertEqual(trip.money_state, "settled")

    def test_advance_currency_is_kept(self):
        trip = self._eur_trip()
        self._pay(trip, 400.0)
        with self.assertRaisesRegex(UserError, "EUR"):
            self.env["intl.trip.payment"].with_user(self.user_accountant).create({
                "trip_id": trip.id, "amount": 1000.0, "currency_id": self.kzt.id,
                "journal_id": self.bank_journal.id})._post()
        wizard = Form(self.env["intl.trip.payment.wizard"].with_user(self.user_accountant).with_context(
            default_trip_id=trip.id, default_kind="advance"))
        self.assertEqual(wizard.currency_id, self.eur)
        self.assertEqual(wizard.amount, 600.0)

    @freeze_time("2026-06-01 06:00:00")
    def test_advance_in_another_currency_up_to_the_remainder(self):
        """A tenge estimate paid in euros: the wizard proposes the rest in euros at the payment
        date's rate; more is refused, up to it is paid, the rest after a part is exact."""
        self._rate("2026-05-25", 520.0)
        trip = self._approve(self._create_trip(departure=date(2026, 7, 1)))  # 500 000 KZT
        form = Form(self.env["intl.trip.payment.wizard"].with_user(self.user_accountant).with_context(
            default_trip_id=trip.id, default_kind="advance"))
        self.assertEqual((form.currency_id, form.amount), (self.kzt, 500000.0))
        form.currency_id = self.eur
        self.assertEqual(form.amount, 961.54)  # 500 000 / 520
        form.date = date(2026, 5, 20)  # the rate of that day: 500
        self.assertEqual(form.amount, 1000.0)
        form.date = date(2026, 6, 1)
        # created with the currency given (as the demo does): the amount proposed in that currency
        given = self.env["intl.trip.payment.wizard"].with_user(self.user_accountant).create({
            "trip_id": trip.id, "kind": "advance", "currency_id": self.eur.id})
        self.assertEqual((given.currency_id, given.amount), (self.eur, 961.54))
        form.amount = 961.55
        wizard = form.save()
        with self.assertRaises(UserError) as refused:
            wizard.action_confirm()
        self.assertIn("left to advance on its estimate", str(refused.exception))
        self.assertIn("961.54", str(refused.exception))
        self.assertFalse(trip.payment_ids.filtered(lambda p: p.state == "posted"))
        wizard.amount = 400.0
        wizard.action_confirm()  # the currency is now the trip's: euros
        wizard = self._payment_wizard(trip)
        self.assertEqual((wizard.currency_id, wizard.amount), (self.eur, 561.54))
        wizard.amount = 561.55
        with self.assertRaises(UserError):
            wizard.action_confirm()
        wizard.amount = 561.54
        wizard.action_confirm()
        self.assertEqual(trip.amount_advanced, 961.54)
        self.assertEqual(self._payment_wizard(trip).amount, 0.0)

    @freeze_time("2026-06-01 06:00:00")
    def test_mixed_estimate_paid_in_its_foreign_currency(self):
        """Euro lines count at their amount, tenge lines at the payment date's rate."""
        self._rate("2026-05-25", 520.0)
        trip = self._approve(self._create_trip(departure=date(2026, 7, 1), lines=[
            (self.cat_accommodation, 2, 250.0, self.eur), (self.cat_fares, 1, 104000.0, self.kzt)]))
        wizard = self._payment_wizard(trip)
        self.assertEqual(wizard.currency_id, self.kzt)  # two currencies: proposed in tenge
        self.assertEqual(wizard.amount, trip.estimate_total)
        form = Form(wizard)
        form.currency_id = self.eur
        self.assertEqual(form.amount, 700.0)  # 500 EUR + 104 000 / 520
        form.amount = 700.01
        wizard = form.save()
        with self.assertRaises(UserError):
            wizard.action_confirm()
        wizard.amount = 700.0
        wizard.action_confirm()
        self.assertEqual((trip.money_currency_id, trip.amount_advanced), (self.eur, 700.0))

    def test_missing_rate_is_an_error_naming_currency_and_date(self):
        chf = self.env.ref("base.CHF")
        chf.active = True
        trip = self._approve(self._create_trip())
        # the date as the accountant reads it
        day = format_date(self.env(user=self.user_accountant), self.today)
        with self.assertRaisesRegex(UserError, r"CHF.*%s" % re.escape(day)):
            self.env["intl.trip.payment"].with_user(self.user_accountant).create({
                "trip_id": trip.id, "amount": 100.0, "currency_id": chf.id,
                "journal_id": self.bank_journal.id, "date": self.today})._post()
        self.assertFalse(trip.payment_ids.filtered(lambda p: p.state == "posted"))
        # the approved estimate is fixed: the draft of another trip meets the missing rate
        draft = self._create_trip()
        with self.assertRaisesRegex(UserError, "CHF"):
            draft.sudo().write({"estimate_line_ids": [Command.create({
                "category_id": self.cat_fares.id, "unit_amount": 100.0, "currency_id": chf.id})]})
            draft.estimate_line_ids.flush_recordset()

    # ------------------------------------------------------------------
    # Bank matching
    # ------------------------------------------------------------------

    def test_bank_statement_line_matches_the_returned_rest(self):
        trip = self._approve(self._create_trip())
        self._pay(trip)
        self._return(trip)
        self._report(trip, [(self.cat_fares, 470000.0, self.kzt)])
        return_date = trip.date_return_actual + timedelta(days=3)
        self._settle(trip, date=return_date, journal=self.bank_journal)
        refund = trip.payment_ids.filtered(lambda p: p.kind == "return")
        self.assertEqual(refund.date, return_date)
        self.assertFalse(refund.is_matched)
        statement_line = self.env["account.bank.statement.line"].create({
            "journal_id": self.bank_journal.id, "date": return_date + timedelta(days=1),
            "payment_ref": f"Return of advance {trip.name}", "amount": 30000.0,
            "partner_id": self.employee_requester.work_contact_id.id})
        with self.assertRaises(UserError):  # a statement line is matched by accountants only
            refund.with_user(self.user_requester)._match_statement_line(statement_line)
        action = refund.with_user(self.user_accountant).action_match_statement_line()
        wizard = Form(self.env[action["res_model"]].with_user(self.user_accountant).with_context(**action["context"]))
        self.assertIn(statement_line, wizard.suggested_line_ids)
        wizard.statement_line_id = statement_line
        wizard.save().action_confirm()
        self.assertTrue(statement_line.is_reconciled)
        refund.invalidate_recordset(["is_matched"])
        self.assertTrue(refund.is_matched)
        self.assertTrue(refund.account_payment_id.is_matched)
        outstanding = refund.move_id.line_ids.filtered(
            lambda line: line.account_id == refund.account_payment_id.outstanding_account_id)
        self.assertTrue(outstanding.reconciled)
        # a matched payment cannot be reversed, nor its settlement reopened
        with self.assertRaises(UserError):
            trip.with_user(self.user_accountant).action_reopen_settlement()

    # ------------------------------------------------------------------
    # Norms and receipts
    # ------------------------------------------------------------------

    def test_per_diem_above_norm_accepted_only_with_reason(self):
        trip = self._eur_trip()
        self._pay(trip)
        self._return(trip)
        # 5 days x 70 EUR = 350 EUR; 400 claimed; 4 nights x 150 EUR = 600 EUR, 500 claimed
        report = self._report(trip, [(self.cat_per_diem, 400.0, self.eur),
                                     (self.cat_accommodation, 500.0, self.eur)], post=False)
        per_diem, hotel = report.line_ids.sorted(lambda line: line.category_id.sequence)
        self.assertEqual((per_diem.norm_amount, per_diem.excess_amount), (350.0, 50.0))
        self.assertEqual(hotel.excess_amount, 0.0)
        self.assertEqual(report.excess_count, 1)
        with self.assertRaisesRegex(UserError, "norm"):
            report.with_user(self.user_accountant).action_post()
        with self.assertRaises(UserError):  # the traveller does not decide
            per_diem.with_user(self.user_requester)._do_decide_excess("accept", "Mine")
        with self.assertRaises(UserError):
            per_diem.with_user(self.user_requester).write({"excess_decision": "accept"})
        action = per_diem.with_user(self.user_accountant).action_decide_excess()
        wizard = self.env[action["res_model"]].with_user(self.user_accountant).create({
            "line_id": per_diem.id, "decision": "accept"})
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.action_confirm()
        wizard.reason = "The conference dinner was not provided as announced."
        wizard.action_confirm()
        self.assertEqual(per_diem.excess_decision, "accept")
        report.with_user(self.user_accountant).action_post()
        self.assertEqual(report.total_amount, 900.0)

    def test_excess_charged_to_the_traveller(self):
        trip = self._eur_trip()
        self._pay(trip)
        self._return(trip, days_after=-2)  # back two days early: 3 days of per diem
        self.assertEqual(trip._norm_days(), 3)
        report = self._report(trip, [(self.cat_per_diem, 350.0, self.eur)], post=False)
        self.assertEqual(report.line_ids.excess_amount, 140.0)
        report.line_ids.with_user(self.user_accountant)._do_decide_excess("charge", False)
        report.with_user(self.user_accountant).action_post()
        self.assertEqual(report.total_amount, 210.0)
        self.assertEqual(trip.amount_balance, 790.0)

    def test_receipts_required_except_per_diem(self):
        trip = self._approve(self._create_trip())
        self._pay(trip)
        self._return(trip)
        report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id, "line_ids": [
                Command.create({"category_id": self.cat_per_diem.id, "name": "Per diem",
                                "amount": 100000.0}),
                Command.create({"category_id": self.cat_fares.id, "name": "Flight",
                                "amount": 300000.0})]})
        with self.assertRaisesRegex(UserError, "receipt"):
            report.with_user(self.user_requester).action_submit()
        flight = report.line_ids.filtered(lambda line: line.name == "Flight")
        flight.with_user(self.user_requester).write({
            "attachment_ids": [Command.set(self._receipt().ids)], "receipt_number": "TK-42"})
        report.with_user(self.user_requester).action_submit()
        self.assertEqual(report.state, "submitted")
        line = flight.with_user(self.user_accountant)
        line.invalidate_recordset()
        self.assertTrue(line.read(["attachment_ids"])[0]["attachment_ids"])

    def test_estimate_proposes_from_the_norms_by_grade(self):
        self.employee_requester.intl_job_grade = "deputy"
        self.env["intl.per.diem.rate"].create({
            "kind": "per_diem", "country_id": self.de.id, "amount": 90.0, "currency_id": self.eur.id,
            "date_from": "2021-01-01", "job_grade": "deputy", "company_id": self.company.id})
        trip = self._create_trip(lines=[(self.cat_fares, 1, 300000.0, self.kzt)])
        trip.with_user(self.user_requester).action_propose_per_diem()
        per_diem = trip.estimate_line_ids.filtered(lambda line: line.category_id == self.cat_per_diem)
        hotel = trip.estimate_line_ids.filtered(lambda line: line.category_id == self.cat_accommodation)
        self.assertEqual((per_diem.quantity, per_diem.unit_amount, per_diem.currency_id),
                         (5, 90.0, self.eur))
        self.assertEqual((hotel.quantity, hotel.unit_amount), (4, 150.0))
        other = self.env["intl.trip"].create(self._trip_vals(
            city="Munich", employee_id=self.employee_requester_other.id))
        self.assertEqual(other._find_norm("per_diem"), self.norm_per_diem)
        self.assertNotEqual(other._find_norm("accommodation"), self.norm_hotel)

    # ------------------------------------------------------------------
    # Funding, analytics, exemptions
    # ------------------------------------------------------------------

    def test_analytic_distribution_on_every_entry_line_of_a_grant_trip(self):
        plan = self.env["account.analytic.plan"].create({"name": "Funding"})
        Analytic = self.env["account.analytic.account"]
        grant = Analytic.create({"name": "Grant AP-19", "plan_id": plan.id, "company_id": False})
        budget = Analytic.create({"name": "Budget 2026", "plan_id": plan.id, "company_id": False})
        grant_source = self.env.ref("intl_cooperation.intl_funding_source_grant")
        trip = self._create_trip(funding_source_id=grant_source.id)
        trip.with_user(self.user_requester).write({"funding_line_ids": [
            Command.create({"source_id": grant_source.id, "share": 60.0,
                            "analytic_account_id": grant.id}),
            Command.create({"source_id": self.funding_budget.id, "share": 40.0,
                            "analytic_account_id": budget.id})]})
        self._approve(trip)
        self._pay(trip)
        self._return(trip)
        self._report(trip, [(self.cat_fares, 510000.0, self.kzt)])
        self._settle(trip)
        trip = trip.sudo()
        expected = {str(grant.id): 60.0, str(budget.id): 40.0}
        moves = trip.payment_ids.move_id | trip.advance_report_ids.move_id
        self.assertEqual(len(moves), 3)
        for line in moves.line_ids:
            self.assertEqual(line.analytic_distribution, expected, line.display_name)
        expense = trip.advance_report_ids.move_id.line_ids.filtered(lambda line: line.debit)
        self.assertEqual(sorted(expense.analytic_line_ids.mapped("amount")), [-306000.0, -204000.0])

    def test_funding_shares_add_up(self):
        trip = self._create_trip()
        with self.assertRaises(ValidationError):
            trip.with_user(self.user_requester).write({"funding_line_ids": [
                Command.create({"source_id": self.funding_budget.id, "share": 60.0})]})

    def test_host_paid_categories_and_personal_funds(self):
        accommodation = self.cat_accommodation
        trip = self._create_trip(lines=[(self.cat_fares, 1, 300000.0, self.kzt)])
        trip.with_user(self.user_requester).write({"host_category_ids": [Command.set(accommodation.ids)]})
        with self.assertRaises(ValidationError):
            trip.with_user(self.user_requester).write({"estimate_line_ids": [Command.create({
                "category_id": accommodation.id, "unit_amount": 50000.0})]})
        self._approve(trip)
        self._pay(trip)
        self._return(trip)
        with self.assertRaises(ValidationError):
            self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
                "trip_id": trip.id, "line_ids": [Command.create({
                    "category_id": accommodation.id, "name": "Hotel", "amount": 1000.0})]})
        personal = self.env.ref("intl_cooperation.intl_funding_source_personal")
        own = self._approve(self._create_trip(funding_source_id=personal.id))
        self.assertTrue(own.no_advance)
        self.assertEqual(own.money_state, "none")
        wizard = self._payment_wizard(own, 1000.0)
        with self.assertRaisesRegex(UserError, "needs no advance"):
            wizard.action_confirm()
        self._return(own)
        self.assertFalse(own._advance_report_missing())
        with self.assertRaises(UserError):
            own.with_user(self.user_requester).action_new_advance_report()
        own.with_user(self.user_requester).write({"results": "<p>Paid it myself</p>"})
        own.with_user(self.user_requester).action_submit_assignment_report()
        self.assertEqual(own.state, "done")  # no advance report, no settlement to wait for

    # ------------------------------------------------------------------
    # Deduction, cancellation, reopening, printing
    # ------------------------------------------------------------------

    def test_rest_deducted_from_salary(self):
        trip = self._eur_trip()
        self._pay(trip)
        self._return(trip)
        self._report(trip, [(self.cat_fares, 900.0, self.eur)])
        self._settle(trip, method="deduction")
        deduction = trip.payment_ids.filtered(lambda p: p.kind == "deduction")
        self.assertEqual((deduction.amount, deduction.currency_id), (100.0, self.eur))
        self.assertEqual(deduction.move_id.journal_id, self.company.intl_expense_journal_id)
        self.assertEqual(sorted(deduction.move_id.line_ids.mapped("account_id.code")), ["1250", "3350"])
        self.assertEqual(trip.amount_deducted, 100.0)
        self.assertEqual(trip.amount_balance, 0.0)
        self.assertTrue(all(trip._advance_move_lines().mapped("reconciled")))

    def test_cancel_with_advance_needs_its_return_first(self):
        trip = self._eur_trip()
        self._pay(trip)
        with self.assertRaisesRegex(UserError, "return"):
            trip.with_user(self.user_requester).action_cancel()
        self._pay(trip, 1000.0, kind="return")
        trip.with_user(self.user_requester).action_cancel()
        self.assertEqual(trip.state, "cancel")
        self.assertEqual(trip.money_state, "settled")
        self.assertTrue(all(trip.sudo()._advance_move_lines().mapped("reconciled")))

    def test_settlement_reopened_restores_open_items(self):
        trip = self._eur_trip()
        self._pay(trip)
        self._rate(trip.date_departure, 520.0)
        self._return(trip)
        self._report(trip, [(self.cat_fares, 1100.0, self.eur)])
        self._settle(trip, date=trip.date_return_actual)
        exchange = trip._advance_exchange_moves()
        self.assertTrue(exchange)
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).action_reopen_settlement()
        trip.with_user(self.user_accountant).action_reopen_settlement()
        self.assertFalse(trip.settled_date)
        self.assertEqual(trip.money_state, "to_settle")
        self.assertEqual(trip.amount_balance, -100.0)
        settlement = trip.payment_ids.filtered("is_settlement")
        self.assertEqual(settlement.state, "reversed")
        self.assertTrue(exchange.sudo().reversal_move_ids)
        open_items = trip.sudo()._advance_move_lines().filtered(lambda line: not line.reconciled)
        self.assertEqual(sum(open_items.mapped("amount_residual_currency")), -100.0)  # owed to him
        self._settle(trip, date=trip.date_return_actual)
        self.assertEqual(trip.money_state, "settled")
        self.assertTrue(all(trip._advance_move_lines().mapped("reconciled")))

    def test_access_to_money_records(self):
        trip = self._approve(self._create_trip())
        trip_other = self.env["intl.trip"].create(self._trip_vals(
            employee_id=self.employee_requester_other.id))
        self.env["intl.trip.funding.line"].create({
            "trip_id": trip_other.id, "source_id": self.funding_budget.id, "share": 100.0})
        funding = trip_other.funding_line_ids.with_user(self.user_requester)
        with self.assertRaises(AccessError):
            funding.read(["share"])
        with self.assertRaises(AccessError):
            self.env["intl.trip.settle.wizard"].with_user(self.user_requester).create(
                {"trip_id": trip.id})
        with self.assertRaises(AccessError):
            self.env["intl.trip.excess.wizard"].with_user(self.user_requester).create({})
        payment = self._pay(trip, 1000.0).with_user(self.user_requester)
        payment.invalidate_recordset()
        self.assertEqual(payment.read(["amount", "kind"])[0]["amount"], 1000.0)
        with self.assertRaises(AccessError):
            payment.read(["account_payment_id"])
        with self.assertRaises(AccessError):
            payment.with_user(self.user_requester_other).read(["amount"])
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).write({"settled_date": self.today})
        with freeze_time(trip.approved_date_to + timedelta(days=1)):
            self.assertTrue(trip.with_user(self.user_accountant).read(["amount_balance"]))
