from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .degree_common import DegreeCommon
from .jsonrpc_common import JsonRpcRefusalMixin


@tagged("post_install", "-at_install")
class TestDegreeJsonRpc(JsonRpcRefusalMixin, DegreeCommon, HttpCase):
    """Over JSON-RPC, as any client would: statuses and workflow fields of double degrees and mobility
    change only through their actions."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_workflow_fields_refused(self):
        application = self._apply(self._create_learner("RPC-1"))
        mobility = self.env["intl.mobility"].with_user(self.user_officer).create({
            "participant_type": "learner", "learner_id": application.learner_id.id, "direction": "outgoing",
            "partner_id": self.partner_institution.id, "academic_year": "2026/2027",
            "date_start": "2026-10-01", "date_end": "2027-02-28",
        })
        self.user_coordinator.password = "coordinator-pw-1"
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        refused = [
            ("intl.degree.programme", self.programme.id, {"state": "closed"}),
            ("intl.degree.programme", self.programme.id, {"agreement_id": False}),
            ("intl.degree.intake", self.intake.id, {"state": "decided"}),
            ("intl.degree.intake", self.intake.id, {"decision_date": "2026-01-01"}),
            ("intl.degree.application", application.id, {"state": "selected"}),
            ("intl.degree.application", application.id, {"rank": 1}),
            ("intl.degree.application", application.id, {"eligible": False}),
            ("intl.mobility", mobility.id, {"state": "completed"}),
        ]
        for model, res_id, vals in refused:
            with self.subTest(model=model, vals=vals), self.assertRpcRefused(UserError):
                self._call(model, "write", [[res_id], vals])
        with self.assertRpcRefused(UserError):
            self._call("intl.degree.programme", "create", [[{
                "title": "Forged", "partner_id": self.partner_institution.id, "institute_id": self.institute.id,
                "state": "active"}]], {"context": {"intl_lifecycle_path": True, "install_mode": True}})
        # what the coordinator may do goes through
        self._call("intl.degree.application", "write", [[application.id], {"motivation": "Data science"}])
        application.invalidate_recordset()
        self.assertEqual(application.read(["state", "rank", "motivation"])[0],
                         {"id": application.id, "state": "submitted", "rank": 0, "motivation": "Data science"})
        self.assertEqual(self.programme.read(["state"])[0]["state"], "active")

    @mute_logger("odoo.http")
    def test_no_self_appointment_to_the_commission(self):
        """A coordinator appoints nobody to a commission they sit on by their own hand: neither
        by a write nor by creating the intake with themselves (values or context default)."""
        self.user_coordinator.password = "coordinator-pw-1"
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        me = self.user_coordinator.id
        intakes = self.env["intl.degree.intake"].search_count([])
        vals = {"programme_id": self.programme.id, "academic_year": "2028/2029",
                "date_deadline": str(self.today + timedelta(days=40)), "seats": 2}
        attempts = [
            ("create", [[dict(vals, commission_user_ids=[Command.set([me])])]], {}),
            ("create", [[dict(vals, commission_user_ids=[Command.link(me),
                                                          Command.link(self.user_director_institute.id)])]], {}),
            ("create", [[vals]], {"context": {"default_commission_user_ids": [me]}}),
            ("write", [[self.intake.id], {"commission_user_ids": [Command.link(me)]}], {}),
            ("write", [[self.intake.id], {"commission_user_ids": [Command.set([me])]}], {}),
        ]
        for method, args, kwargs in attempts:
            with self.subTest(method=method, args=args, kwargs=kwargs), self.assertRpcRefused(UserError):
                self._call("intl.degree.intake", method, args, kwargs)
        self.assertEqual(self.env["intl.degree.intake"].search_count([]), intakes)
        self.intake.invalidate_recordset()
        self.assertEqual(self.intake.read(["commission_user_ids"])[0]["commission_user_ids"],
                         self.user_director_institute.ids)
        # another person on the commission is appointed as before, at create and by a write
        created = self._call("intl.degree.intake", "create", [[dict(
            vals, commission_user_ids=[Command.set(self.user_director_institute.ids)])]])
        intake = self.env["intl.degree.intake"].browse(created)
        self.assertEqual(intake.commission_user_ids, self.user_director_institute)
        # DIC appoints the coordinator: they sit on it and may stay when the commission changes
        intake.with_user(self.user_officer).write({"commission_user_ids": [Command.link(me)]})
        self._call("intl.degree.intake", "write", [intake.ids, {
            "commission_user_ids": [Command.unlink(self.user_director_institute.id)]}])
        intake.invalidate_recordset()
        self.assertEqual(intake.commission_user_ids, self.user_coordinator)
