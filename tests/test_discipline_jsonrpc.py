import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common_discipline import IntlDisciplineCommon
from .jsonrpc_common import JsonRpcRefusalMixin


@tagged("post_install", "-at_install")
class TestDisciplineJsonRpc(JsonRpcRefusalMixin, IntlDisciplineCommon, HttpCase):
    """Over JSON-RPC, as any client would: the traveller proposes their return and nothing more; the
    unit head confirms it; cases come only from an act; only HR enters working day transfers."""

    def _login(self, user):
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def _return_wizard(self, trip, mode, vals):
        context = {"default_trip_id": trip.id, "default_mode": mode}
        wizard_id = self._call("intl.trip.return", "create", [vals], {"context": context})
        wizard_id = wizard_id[0] if isinstance(wizard_id, list) else wizard_id
        return self._call("intl.trip.return", "action_confirm", [[wizard_id]], {"context": context})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_roles_over_jsonrpc(self):
        with freeze_time("2026-10-01 06:00:00"):  # applied for in time
            trip = self._week_trip(monday=date(2026, 11, 2))  # ends Friday 6 November 2026
        back = self._local(2026, 11, 10, 9)  # Tuesday: Monday is missed
        back_text = back.strftime("%Y-%m-%d %H:%M:%S")
        # the traveller
        self._login(self.user_requester)
        self._return_wizard(trip, "propose", {
            "return_at": back_text, "evidence": base64.b64encode(b"%PDF-1.4 stamp").decode(),
            "evidence_name": "passport-stamp.pdf"})
        refused = [
            ("intl.trip", "write", [[trip.id], {"return_at": back_text}], UserError),
            ("intl.trip", "write", [[trip.id], {"state": "returned"}], UserError),
            ("intl.trip", "write", [[trip.id], {"return_confirmed_by_id": self.user_requester.id}],
             UserError),
            ("intl.trip", "action_register_return", [[trip.id]], UserError),
            ("intl.disciplinary.case", "create", [{"employee_id": self.employee_requester.id,
                                                   "kind": "late_return"}], AccessError),
            ("intl.working.day.transfer", "create", [{
                "name": "Forged decree", "date_worked": "2026-11-07", "date_off": "2026-11-13"}],
             AccessError),
        ]
        for model, method, args, refusal in refused:
            with self.subTest(model=model, method=method, args=args), self.assertRpcRefused(refusal):
                self._call(model, method, args)
        with self.assertRpcRefused(UserError):
            self._return_wizard(trip, "confirm", {"return_at": back_text})
        trip.invalidate_recordset()
        self.assertEqual(trip.state, "approved")
        self.assertEqual(trip.return_proposed_at, back)
        # the unit head confirms it
        self._login(self.user_head)
        self._return_wizard(trip, "confirm", {"return_at": back_text})
        trip.invalidate_recordset()
        self.assertEqual(trip.read(["state", "missed_days"])[0],
                         {"id": trip.id, "state": "returned", "missed_days": 1})
        self.assertEqual(trip.return_confirmed_by_id, self.user_head)
        # HR: no case by hand, no measured fact by hand; the transfers are theirs
        self._login(self.user_hr)
        with self.assertRpcRefused(UserError):
            self._call("intl.disciplinary.case", "create", [{
                "employee_id": self.employee_requester.id, "kind": "late_return", "trip_id": trip.id}])
        transfer_id = self._call("intl.working.day.transfer", "create", [{
            "name": "Decree (test)", "date_worked": "2026-11-07", "date_off": "2026-11-13",
            "company_id": self.company.id}])
        transfer = self.env["intl.working.day.transfer"].browse(
            transfer_id[0] if isinstance(transfer_id, list) else transfer_id)
        self.assertTrue(transfer.leave_id)
        self.assertFalse(self.env["intl.disciplinary.case"].search([("trip_id", "=", trip.id)]))
