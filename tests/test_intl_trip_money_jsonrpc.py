from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common_trip import IntlTripMoneyCommon
from .jsonrpc_common import JsonRpcRefusalMixin


@tagged("post_install", "-at_install")
class TestIntlTripMoneyJsonRpc(JsonRpcRefusalMixin, IntlTripMoneyCommon, HttpCase):
    """Over JSON-RPC, as an accountant: no advance beyond what the trip still has to receive,
    whatever the client sends and whenever its wizard was opened."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def _wizard(self, trip, vals=None):
        context = {"default_trip_id": trip.id, "default_kind": "advance"}
        wizard_id = self._call("intl.trip.payment.wizard", "create",
                               [{"trip_id": trip.id, "kind": "advance", **(vals or {})}], {"context": context})
        return wizard_id[0] if isinstance(wizard_id, list) else wizard_id

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_accountant_cannot_advance_beyond_the_estimate(self):
        trip = self._approve(self._create_trip())  # 500 000 KZT
        self.user_accountant.password = "trip_accountant-pw-1"
        self.authenticate(self.user_accountant.login, "trip_accountant-pw-1")
        # more than the estimate, typed in the client
        too_much = self._wizard(trip, {"amount": 500000.01})
        with self.assertRpcRefused(UserError):
            self._call("intl.trip.payment.wizard", "action_confirm", [[too_much]])
        # a wizard opened before a colleague paid the trip
        stale = self._wizard(trip)
        self.assertEqual(self._call("intl.trip.payment.wizard", "read", [[stale], ["amount"]])[0]["amount"],
                         500000.0)
        self._pay(trip, 200000.0)
        with self.assertRpcRefused(UserError):
            self._call("intl.trip.payment.wizard", "action_confirm", [[stale]])
        # a payment record sent posted is refused by the engine, a draft one is never posted by RPC
        with self.assertRpcRefused(UserError):
            self._call("intl.trip.payment", "create", [{
                "trip_id": trip.id, "kind": "advance", "amount": 900000.0, "state": "posted",
                "journal_id": self.bank_journal.id, "currency_id": self.kzt.id}])
        trip.invalidate_recordset()
        self.assertEqual(trip.read(["amount_advanced"])[0]["amount_advanced"], 200000.0)
        # the rest, as proposed now, is paid
        rest = self._wizard(trip)
        self._call("intl.trip.payment.wizard", "action_confirm", [[rest]])
        trip.invalidate_recordset()
        self.assertEqual(trip.read(["amount_advanced"])[0]["amount_advanced"], 500000.0)
