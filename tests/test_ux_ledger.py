from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common_trip import IntlTripMoneyCommon


@tagged("post_install", "-at_install")
class TestUxLedger(IntlTripMoneyCommon):
    """Issue 25, blocker 3: the accountant reads the module's journal items and the 1250 ledger."""

    def _settled_trip(self):
        trip = self._approve(self._create_trip())
        self._pay(trip)
        self._return(trip)
        self._report(trip, [(self.cat_fares, 120000.0, self.kzt), (self.cat_accommodation, 100.0, self.eur)])
        self._settle(trip)
        self.assertEqual(trip.money_state, "settled")
        return trip

    def test_accountant_reads_the_journal_items(self):
        trip = self._settled_trip()
        accountant = self.user_accountant
        self.assertFalse(accountant.has_group("base.group_system"))
        self.assertFalse(accountant.has_group("account.group_account_manager"))
        self.assertTrue(accountant.has_group("account.group_account_readonly"))
        moves = self.env["account.move"].search([("intl_trip_id", "=", trip.id)])
        self.assertEqual(moves, trip.payment_ids.move_id | trip.advance_report_ids.move_id
                         | trip._advance_exchange_moves())
        lines = moves.line_ids
        lines.invalidate_recordset()
        rows = lines.with_user(accountant).read(
            ["debit", "credit", "account_id", "partner_id", "analytic_distribution", "intl_trip_id"])
        self.assertEqual(len(rows), len(lines))
        self.assertEqual({row["intl_trip_id"][0] for row in rows}, {trip.id})
        self.assertAlmostEqual(sum(row["debit"] for row in rows), sum(row["credit"] for row in rows))
        # the journal items page of the entry form is there for the accountant
        arch = self.env["account.move"].with_user(accountant).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="aml_tab"', arch)
        self.assertIn('name="analytic_distribution"', arch)

    def test_advances_ledger_per_trip_with_reconciliation(self):
        trip = self._settled_trip()
        other = self._approve(self._create_trip())
        self._pay(other, 200000.0)
        Line = self.env["account.move.line"].with_user(self.user_accountant)
        action = Line.action_intl_advances_ledger()
        self.assertEqual(action["res_model"], "account.move.line")
        self.assertIn("group_by_intl_trip", str(action["context"]))
        ledger = Line.search(action["domain"])
        self.assertEqual(ledger.account_id, self.advance_account)
        self.assertEqual(ledger.intl_trip_id, trip | other)
        groups = Line._read_group(action["domain"], ["intl_trip_id"], ["balance:sum", "amount_residual:sum"])
        sums = {group: (balance, residual) for group, balance, residual in groups}
        self.assertEqual(sums[trip][1], 0.0)  # settled: every 1250 item of the trip reconciled
        self.assertTrue(all(ledger.filtered(lambda aml: aml.intl_trip_id == trip).mapped("reconciled")))
        self.assertEqual(sums[other], (200000.0, 200000.0))
        # per traveller and per account: plain filters on the same items
        self.assertEqual(Line.search_count(action["domain"] + [
            ("partner_id", "=", self.employee_requester.work_contact_id.id),
            ("intl_trip_id", "=", trip.id)]), len(trip.sudo()._advance_move_lines()))
        journal_items = trip.with_user(self.user_accountant).action_view_journal_items()
        self.assertEqual(Line.search(journal_items["domain"]).move_id.intl_trip_id, trip)

    def test_others_do_not_read_the_books(self):
        trip = self._settled_trip()
        with self.assertRaises(AccessError):
            self.env["account.move.line"].with_user(self.user_requester).search(
                [("intl_trip_id", "=", trip.id)])
        with self.assertRaises(AccessError):
            self.env["account.move.line"].with_user(self.user_officer).action_intl_advances_ledger()


@tagged("post_install", "-at_install")
class TestUxLedgerTour(IntlTripMoneyCommon, HttpCase):

    def test_accountant_opens_the_trip_journal_items(self):
        self.user_accountant.lang = "en_US"
        trip = self._approve(self._create_trip())
        self._pay(trip)
        self.start_tour(f"/odoo/intl.trip/{trip.id}", "intl_ledger_accountant_tour",
                        login=self.user_accountant.login)
