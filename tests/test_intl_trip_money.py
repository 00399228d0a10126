from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_trip import IntlTripMoneyCommon


@tagged("post_install", "-at_install")
class TestIntlTripMoney(IntlTripMoneyCommon):

    def test_full_trip_spent_less(self):
        trip = self._approve(self._create_trip())
        self.assertEqual(trip.estimate_total, 500000.0)
        self.assertEqual(trip.money_state, "to_pay")
        partner = self.employee_requester.work_contact_id
        advance = self._pay(trip)
        bank_code = advance.account_payment_id.outstanding_account_id.code
        self.assertEqual(advance.amount, 500000.0)
        self.assertEqual(advance.move_id.state, "posted")
        self.assertEqual(self._lines(advance.move_id), sorted([
            ("1250", 500000.0, 0.0, partner.id), (bank_code, 0.0, 500000.0, partner.id)]))
        self.assertEqual(trip.money_state, "advanced")
        self._return(trip)
        self.assertEqual(trip.state, "returned")
        self.assertEqual(trip.report_deadline, trip.date_return_actual + timedelta(days=10))
        report = self._report(trip, [(self.cat_per_diem, 150000.0, self.kzt),
                                     (self.cat_accommodation, 200000.0, self.kzt),
                                     (self.cat_fares, 120000.0, self.kzt)])
        self.assertEqual(report.total_amount, 470000.0)
        self.assertEqual(self._lines(report.move_id), sorted([
            ("7211", 150000.0, 0.0, partner.id), ("7212", 320000.0, 0.0, partner.id),
            ("1250", 0.0, 470000.0, partner.id)]))
        self.assertEqual(trip.money_state, "to_settle")
        self.assertEqual(trip.amount_balance, 30000.0)
        self._settle(trip)
        refund = trip.payment_ids.filtered(lambda p: p.kind == "return")
        self.assertEqual(refund.account_payment_id.payment_type, "inbound")
        self.assertEqual(self._lines(refund.move_id), sorted([
            (refund.account_payment_id.outstanding_account_id.code, 30000.0, 0.0, partner.id),
            ("1250", 0.0, 30000.0, partner.id)]))
        self.assertEqual(trip.amount_balance, 0.0)
        self.assertEqual(trip.money_state, "settled")
        advance_lines = trip._advance_move_lines()
        self.assertEqual(len(advance_lines), 3)
        self.assertTrue(all(advance_lines.mapped("reconciled")))
        self.assertEqual(len(advance_lines.full_reconcile_id), 1)
        self.assertEqual(sum(advance_lines.mapped("balance")), 0.0)
        trip.with_user(self.user_requester).write({"results": "<p>Curriculum agreed</p>"})
        trip.with_user(self.user_requester).action_submit_assignment_report()
        self.assertEqual(trip.state, "done")

    def test_a_stale_wizard_does_not_pay_twice(self):
        """Two accountants open the payment wizard of one trip; the second confirms after the first
        paid it: refused, the trip is never advanced beyond its estimate (found by make load)."""
        with freeze_time(self.today):
            trip = self._approve(self._create_trip())
            first, second = self._payment_wizard(trip), self._payment_wizard(trip)
            self.assertEqual((first.amount, second.amount), (500000.0, 500000.0))
            first.action_confirm()
            with self.assertRaises(UserError) as refused:
                second.action_confirm()
            message = str(refused.exception)
            self.assertIn(trip.name, message)
            self.assertIn("left to advance on its estimate", message)
            self.assertIn("a colleague may have paid it meanwhile", message)
            self.assertEqual(trip.amount_advanced, 500000.0)
            self.assertEqual(trip.amount_to_advance, 0.0)
            self.assertEqual(len(trip.payment_ids.filtered(lambda p: p.state == "posted")), 1)
            # a wizard opened now proposes nothing more, and nothing more is paid
            self.assertEqual(self._payment_wizard(trip).amount, 0.0)
            with self.assertRaises(UserError) as refused:
                self._payment_wizard(trip, 1.0).action_confirm()
            self.assertIn("left to advance on its estimate", str(refused.exception))
            self.assertEqual(trip.amount_advanced, 500000.0)

    def test_partial_advances_then_exactly_the_rest(self):
        with freeze_time(self.today):
            trip = self._approve(self._create_trip())
            self._pay(trip, 300000.0)
            wizard = self._payment_wizard(trip)
            self.assertEqual(wizard.amount, 200000.0)  # the rest, proposed
            wizard.amount = 200000.01
            with self.assertRaises(UserError) as refused:
                wizard.action_confirm()
            self.assertIn("left to advance on its estimate", str(refused.exception))
            self.assertEqual(trip.amount_advanced, 300000.0)
            self._pay(trip, 150000.0)
            self._pay(trip)  # the rest: 50 000
            self.assertEqual(trip.payment_ids.filtered(lambda p: p.state == "posted").mapped("amount"),
                             [300000.0, 150000.0, 50000.0])
            self.assertEqual(trip.amount_advanced, trip.estimate_total)
            self.assertEqual(trip.amount_to_advance, 0.0)
            # a reversed advance frees what it paid
            trip.payment_ids[-1].with_user(self.user_accountant).action_reverse()
            self.assertEqual(self._payment_wizard(trip).amount, 50000.0)

    def test_spent_exactly_the_advance(self):
        trip = self._approve(self._create_trip())
        self._pay(trip, 300000.0)
        self._pay(trip, 200000.0)  # several advances
        self.assertEqual(trip.amount_advanced, 500000.0)
        self._return(trip)
        self._report(trip, [(self.cat_fares, 500000.0, self.kzt)])
        self._settle(trip)
        self.assertEqual(len(trip.payment_ids), 2)  # nothing to return or to pay
        self.assertTrue(all(trip._advance_move_lines().mapped("reconciled")))
        self.assertEqual(trip.money_state, "settled")

    def test_spent_more_than_the_advance(self):
        trip = self._approve(self._create_trip())
        partner = self.employee_requester.work_contact_id
        self._pay(trip)
        self._return(trip)
        self._report(trip, [(self.cat_fares, 560000.0, self.kzt)])
        self.assertEqual(trip.amount_balance, -60000.0)
        self._settle(trip)
        payment = trip.payment_ids.filtered(lambda p: p.kind == "reimbursement")
        self.assertEqual(payment.journal_id, self.company.intl_reimbursement_journal_id)
        self.assertEqual(self._lines(payment.move_id), sorted([
            ("1250", 60000.0, 0.0, partner.id),
            (payment.account_payment_id.outstanding_account_id.code, 0.0, 60000.0, partner.id)]))
        self.assertEqual(trip.amount_balance, 0.0)
        self.assertTrue(all(trip._advance_move_lines().mapped("reconciled")))

    def test_foreign_currency_lines(self):
        trip = self._approve(self._create_trip(lines=[(self.cat_accommodation, 2, 250.0, self.eur)]))
        self.assertEqual(trip.estimate_total, 250000.0)
        advance = self._pay(trip)  # the estimate is in euros: so is the advance
        self.assertEqual((advance.currency_id, advance.amount), (self.eur, 500.0))
        self.assertEqual(trip.money_currency_id, self.eur)
        self._return(trip)
        report = self._report(trip, [(self.cat_accommodation, 400.0, self.eur),
                                     (self.cat_per_diem, 10000.0, self.kzt)])
        self.assertEqual(report.line_ids[0].amount_company, 200000.0)
        self.assertEqual(report.total_amount, 420.0)
        self.assertEqual(report.total_amount_company, 210000.0)
        self._settle(trip)
        self.assertEqual(trip.amount_returned, 80.0)
        self.assertEqual(trip.money_state, "settled")
        lines = trip._advance_move_lines()
        self.assertEqual(set(lines.currency_id.mapped("name")), {"EUR"})
        self.assertTrue(all(lines.mapped("reconciled")))

    def test_reversal_never_deletes(self):
        trip = self._approve(self._create_trip())
        advance = self._pay(trip, 100000.0)
        with self.assertRaises(UserError):
            advance.unlink()
        advance.with_user(self.user_accountant).action_reverse()
        self.assertEqual(advance.state, "reversed")
        move = advance.sudo().move_id
        self.assertTrue(move.exists())
        self.assertEqual(move.reversal_move_ids.state, "posted")
        self.assertEqual(trip.amount_advanced, 0.0)
        self.assertTrue(all(trip._advance_move_lines().mapped("reconciled")))

    def test_host_funded_trip_skips_money(self):
        trip = self._approve(self._create_trip(lines=[], funding_source_id=self.funding_host.id))
        wizard = self._payment_wizard(trip, 1000.0)
        with self.assertRaisesRegex(UserError, "needs no advance"):
            wizard.action_confirm()
        self._return(trip)
        with self.assertRaises(UserError):
            trip.with_user(self.user_accountant).action_settle()
        trip.with_user(self.user_requester).write({"results": "<p>Done</p>"})
        trip.with_user(self.user_requester).action_submit_assignment_report()
        self.assertEqual(trip.state, "done")

    def test_only_accountants_post(self):
        trip = self._approve(self._create_trip())
        with self.assertRaises(AccessError):
            self.env["intl.trip.payment.wizard"].with_user(self.user_requester).create({
                "trip_id": trip.id, "amount": 1000.0, "journal_id": self.bank_journal.id})
        with self.assertRaises(UserError):
            trip.with_user(self.user_officer).action_pay_advance()
        self._pay(trip)
        self._return(trip)
        report = self._report(trip, [(self.cat_fares, 1000.0, self.kzt)], post=False)
        with self.assertRaises(UserError):
            report.with_user(self.user_requester).action_post()
        with self.assertRaises(AccessError):
            report.with_user(self.user_requester).line_ids.amount = 5.0
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).action_settle()
        with self.assertRaises(AccessError):
            self.env["account.move"].with_user(self.user_requester).create({
                "move_type": "entry", "journal_id": self.misc_journal.id})

    def test_missing_settings_give_clear_error(self):
        trip = self._approve(self._create_trip())
        self.company.intl_advance_account_id = False
        wizard = self._payment_wizard(trip)
        with self.assertRaisesRegex(UserError, "Set the employee advances account"):
            wizard.action_confirm()
