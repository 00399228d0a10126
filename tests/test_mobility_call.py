from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .degree_common import DegreeCommon
from .ewp_common import EwpCommon


class MobilityCallCommon(EwpCommon, DegreeCommon):
    """A signed agreement with its cooperation conditions, and learners with their transcripts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.commission = cls.user_director_institute

    def setUp(self):
        super().setUp()
        self.agreement = self._to_signed(self._agreement_with_conditions())
        self.studies = self.agreement.condition_ids.filtered(
            lambda c: c.direction == "outgoing" and c.mobility_type == "studies")
        self.teaching = self.agreement.condition_ids.filtered(lambda c: c.mobility_type == "teaching")

    def _call(self, condition=None, user=None, **vals):
        return self.env["intl.mobility.call"].with_user(user or self.user_coordinator).create({
            "condition_id": (condition or self.studies).id, "academic_year": "2026/2027",
            "date_deadline": self.today + timedelta(days=20), "semester": "autumn",
            "commission_user_ids": [Command.set(self.commission.ids)], **vals,
        })

    def _apply(self, call, user=None, **vals):
        application = self.env["intl.mobility.application"].with_user(user or self.user_coordinator).create({
            "call_id": call.id, **vals})
        self._attach_all(application)
        application.with_user(user or self.user_coordinator).action_submit()
        return application


@tagged("post_install", "-at_install")
class TestMobilityCall(MobilityCallCommon):
    """Calls under the cooperation conditions: the quota, eligibility, and the double degrees' selection engine."""

    def test_seats_come_from_the_quota(self):
        call = self._call()
        self.assertEqual((call.seats, call.quota_available), (2, 2))
        self.assertEqual(call.required_lang_id, self.lang_en)
        self.assertEqual(call.required_cefr, "B2")
        # (assertRaises, not assertRaisesRegex: its savepoint undoes the refused record)
        with self.assertRaises(ValidationError) as refusal:
            self._call(semester="spring")  # the year's quota is used up by the first call
        self.assertIn("record the reason", str(refusal.exception))
        with self.assertRaises(ValidationError):
            call.with_user(self.user_coordinator).seats = 3
        extra = self._call(semester="spring", quota_reason="The partner agreed in writing to one more place.")
        self.assertEqual((extra.seats, extra.quota_available), (1, 0))
        self.assertEqual(call.seats, 2)
        with self.assertRaises(ValidationError):
            extra.with_user(self.user_coordinator).quota_reason = False
        with self.assertRaises(ValidationError) as refusal:
            self._call(academic_year="2030/2031")
        self.assertIn("does not cover", str(refusal.exception))
        with self.assertRaises(AccessError):
            self._call(user=self.user_coordinator_other, academic_year="2027/2028")

    def test_selection_within_the_seats(self):
        call = self._call(seats=1, min_gpa=3.5)
        call.with_user(self.user_coordinator).action_open()
        best = self._apply(call, learner_id=self._create_learner("MC-1", grades=("A", "A", "A-")).id)
        second = self._apply(call, learner_id=self._create_learner("MC-2").id)
        weak_language = self._apply(call, learner_id=self._create_learner("MC-3", cert=("B1", 5.0)).id)
        low_gpa = self._apply(call, learner_id=self._create_learner("MC-4", grades=("B", "B", "B")).id)
        doctoral = self._apply(call, learner_id=self._create_learner("MC-5", level="doctoral").id)
        self.assertEqual([a.eligible for a in (best, second, weak_language, low_gpa, doctoral)],
                         [True, True, False, False, False])
        self.assertIn("B2", weak_language.eligibility_note)
        self.assertFalse(low_gpa.gpa_ok)
        self.assertFalse(doctoral.level_ok)
        with self.assertRaises(UserError):  # the commission decides only once applications are closed
            call.with_user(self.commission).action_decide()
        call.with_user(self.user_coordinator).action_close_applications()
        self.assertEqual((best.rank, second.rank), (1, 2))
        with self.assertRaisesRegex(UserError, "protocol"):
            call.with_user(self.commission).action_decide()
        call.with_user(self.user_coordinator).decision_ref = "MC-7/2026"
        with self.assertRaises(UserError):  # not a commission member
            call.with_user(self.user_coordinator_other).action_decide()
        call.with_user(self.commission).action_decide()
        self.assertEqual(call.state, "decided")
        self.assertEqual([a.state for a in (best, second, weak_language, low_gpa, doctoral)],
                         ["selected", "reserve", "ineligible", "ineligible", "ineligible"])
        self.assertEqual(call.selected_count, 1)  # never more than the seats

    def test_staff_apply_themselves(self):
        call = self._call(condition=self.teaching, commission_user_ids=[Command.set(
            (self.commission | self.user_requester).ids)])
        self.assertEqual(call.seats, 2)
        call.with_user(self.user_coordinator).action_open()
        application = self.env["intl.mobility.application"].with_user(self.user_requester).create({
            "call_id": call.id, "employee_id": self.employee_requester.id, "motivation": "Guest lectures"})
        self.assertTrue(application.eligible)
        with self.assertRaisesRegex(UserError, "dossier"):
            application.with_user(self.user_requester).action_submit()
        self._attach_all(application)
        application.with_user(self.user_requester).action_submit()
        self.assertEqual(application.state, "submitted")
        application.invalidate_recordset()
        with self.assertRaises(AccessError):
            application.with_user(self.user_requester_other).read(["state"])
        with self.assertRaises(ValidationError):  # a staff call takes staff
            self.env["intl.mobility.application"].with_user(self.user_coordinator).create({
                "call_id": call.id, "learner_id": self._create_learner("MC-S").id})
        call.with_user(self.user_coordinator).action_close_applications()
        call.with_user(self.user_coordinator).decision_ref = "MC-8/2026"
        with self.assertRaisesRegex(UserError, "applied"):  # nobody decides a call they applied to
            call.with_user(self.user_requester).action_decide()
        call.with_user(self.commission).action_decide()
        self.assertEqual(application.state, "selected")

    def test_nobody_appoints_themselves(self):
        """The engine the intakes share: a coordinator names the commission, never themselves."""
        me = self.user_coordinator
        with self.assertRaises(UserError) as refused:  # assertRaises: rolled back to a savepoint
            self._call(commission_user_ids=[Command.set((self.commission | me).ids)])
        self.assertIn("appoint yourself", str(refused.exception))
        with self.assertRaises(UserError) as refused:  # assertRaises: rolled back to a savepoint
            self.env["intl.mobility.call"].with_user(me).with_context(default_commission_user_ids=[me.id]).create({
                "condition_id": self.studies.id, "academic_year": "2026/2027", "semester": "autumn",
                "date_deadline": self.today + timedelta(days=20), "seats": 1, "quota_reason": "Consent"})
        self.assertIn("appoint yourself", str(refused.exception))
        call = self._call()
        with self.assertRaises(UserError) as refused:  # assertRaises: rolled back to a savepoint
            call.with_user(me).write({"commission_user_ids": [Command.link(me.id)]})
        self.assertIn("appoint yourself", str(refused.exception))
        call.with_user(self.user_officer).write({"commission_user_ids": [Command.link(me.id)]})  # DIC appoints
        call.invalidate_recordset()
        self.assertIn(me.id, call.with_user(me).read(["commission_user_ids"])[0]["commission_user_ids"])

    def test_call_needs_signed_agreement(self):
        draft = self._agreement_with_conditions()
        call = self._call(condition=draft.condition_ids[0])
        with self.assertRaisesRegex(UserError, "not signed"):
            call.with_user(self.user_coordinator).action_open()
        with self.assertRaisesRegex(UserError, "open"):
            self.env["intl.mobility.application"].with_user(self.user_coordinator).create({
                "call_id": call.id, "learner_id": self._create_learner("MC-D").id})


@tagged("post_install", "-at_install")
class TestMobilityCallJsonRpc(MobilityCallCommon, HttpCase):
    """Over JSON-RPC: the quota and eligibility hold as in the interface."""

    def _rpc(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_refusals(self):
        call = self._call()
        call.with_user(self.user_coordinator).action_open()
        weak = self._apply(call, learner_id=self._create_learner("RPC-M1", cert=("B1", 5.0)).id)
        self.user_coordinator.password = "coordinator-pw-2"
        self.authenticate(self.user_coordinator.login, "coordinator-pw-2")
        refused = [
            ("intl.mobility.call", "write", [[call.id], {"seats": 5}]),
            ("intl.mobility.call", "write", [[call.id], {"state": "decided"}]),
            ("intl.mobility.call", "create", [[{"condition_id": self.studies.id, "academic_year": "2026/2027",
                                                "date_deadline": str(self.today), "seats": 1}]]),
            ("intl.mobility.application", "write", [[weak.id], {"eligible": True}]),
            ("intl.mobility.application", "write", [[weak.id], {"state": "selected"}]),
            ("intl.mobility.application", "write", [[weak.id], {"rank": 1}]),
            ("intl.mobility.call", "action_decide", [[call.id]]),
            ("intl.mobility.call", "write", [[call.id], {"min_gpa": 0.0}]),  # the rules are those announced
            ("intl.mobility.call", "write", [[call.id], {"required_cefr": "A1"}]),
            ("intl.mobility.application", "write", [[weak.id], {"motivation": "Rewritten"}]),
        ]
        for model, method, args in refused:
            with self.subTest(model=model, method=method, args=args), self.assertRaises(JsonRpcException):
                self._rpc(model, method, args)
        self._rpc("intl.mobility.call", "write", [[call.id], {"seats": 1}])
        call.invalidate_recordset()
        weak.invalidate_recordset()
        self.assertEqual(call.read(["seats", "state"])[0], {"id": call.id, "seats": 1, "state": "open"})
        self.assertEqual(weak.read(["eligible", "state"])[0], {"id": weak.id, "eligible": False, "state": "submitted"})
