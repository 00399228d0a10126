"""DP 717 5.4.1-5.4.3: a delegation is held to its papers.

The preliminary information is known before the invitation, the memo 403-03 is attached when the
rector decides (the route step's documents), the estimate when the programme is approved, the
protocol 403-02 names the director who signs it and its signed original is verified before the
visit closes; the printed memos carry their form code.
"""
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .jsonrpc_common import JsonRpcRefusalMixin
from .test_intl_delegation import DelegationCommon

MEMO = "intl_document_type_service_memo"
ESTIMATE = "intl_document_type_cost_estimate"
PROTOCOL = "intl_document_type_protocol"


@tagged("post_install", "-at_install")
class TestClauseDelegationPapers(DelegationCommon):

    def _incomplete_visit(self):
        """A visit whose member list is waiting: a member without position and workplace, no
        contact phone, no language, no hotel booking."""
        return self._create_visit(
            contact_phone=False, lang_id=False, hotel_room_category=False, hotel_room_count=0,
            hotel_occupant_count=0,
            member_ids=[Command.create({"surname": "Schmidt", "first_name": "Anna", "is_head": True})])

    def test_invitation_waits_for_the_preliminary_information(self):
        visit = self._incomplete_visit()
        self._run_to(visit, "approved")
        officer = visit.with_user(self.user_officer)
        self.assertTrue(officer.can_send_invitation, "the button shows; the guard says what is missing")
        for expected in ("Schmidt Anna", "contact person", "language", "hotel booking"):
            self.assertIn(expected, officer.invitation_missing)
        with self.assertRaises(UserError) as refused:
            officer.action_send_invitation()
        for expected in ("position and workplace of Schmidt Anna", "contact person", "language of communication",
                         "hotel booking"):
            self.assertIn(expected, str(refused.exception))
        self.assertEqual(visit.state, "approved")
        # the e-mailed invitation is the same transition: refused as well
        with self.assertRaises(UserError):
            officer.action_send_invitation_mail()
        officer.write({"contact_phone": "+49 30 314 0", "lang_id": self.env.ref("base.lang_en").id})
        officer.member_ids.write({"position": "Vice-President", "workplace": "TU Berlin"})
        with self.assertRaises(UserError) as refused:
            officer.action_send_invitation()
        self.assertIn("hotel booking", str(refused.exception))
        # nobody needs a hotel: no booking asked
        officer.member_ids.write({"needs_hotel": False})
        self.assertFalse(officer.invitation_missing)
        officer.action_send_invitation()
        self.assertEqual(visit.state, "invitation_sent")

    def test_a_delegation_without_members_is_not_invited(self):
        visit = self._create_visit(member_ids=[])
        self._run_to(visit, "approved")
        with self.assertRaises(UserError) as refused:
            visit.with_user(self.user_officer).action_send_invitation()
        self.assertIn("members of the delegation", str(refused.exception))

    def test_memo_403_03_at_the_rectors_decision(self):
        step = self.env.ref("intl_cooperation.intl_approval_route_step_delegation_decision")
        memo = self.env.ref(f"intl_cooperation.{MEMO}")
        self.assertEqual(step.document_type_ids, memo)
        visit = self._create_visit()
        with self.assertRaises(UserError) as refused:
            visit.with_user(self.user_officer).action_request_decision()
        self.assertIn("403-03", str(refused.exception))
        self.assertEqual(visit.state, "draft")
        line = self._attach_paper(visit, MEMO)
        visit.with_user(self.user_officer).action_request_decision()
        self.assertEqual(visit.state, "decision_requested")
        self.assertEqual(visit.approval_line_ids.filtered("is_current").document_type_ids, memo)
        # DIC rejects the memo meanwhile: the rector cannot decide on it
        line.with_user(self.user_officer).action_reject()
        with self.assertRaises(UserError) as refused:
            visit.with_user(self.user_management).action_approval_approve()
        self.assertIn("403-03", str(refused.exception))
        self.assertEqual(visit.state, "decision_requested")
        line.with_user(self.user_officer).action_reset()
        visit.with_user(self.user_management).action_approval_approve()
        self.assertEqual(visit.state, "approved")

    def test_estimate_at_the_programme_step(self):
        step = self.env.ref("intl_cooperation.intl_approval_route_step_delegation_programme")
        self.assertEqual(step.document_type_ids, self.env.ref(f"intl_cooperation.{ESTIMATE}"))
        visit = self._create_visit()
        self._run_to(visit, "invitation_sent")
        with self.assertRaises(UserError) as refused:
            visit.with_user(self.user_officer).action_submit_programme()
        self.assertIn(self.env.ref(f"intl_cooperation.{ESTIMATE}").display_name, str(refused.exception))
        self._attach_paper(visit, ESTIMATE)
        visit.with_user(self.user_officer).action_submit_programme()
        self.assertEqual(visit.state, "programme_review")

    def test_a_step_without_documents_asks_for_none(self):
        """The link is the DIC Director's: a step left without documents decides without them."""
        step = self.env.ref("intl_cooperation.intl_approval_route_step_delegation_decision")
        step.document_type_ids = False
        visit = self._create_visit()
        visit.with_user(self.user_officer).action_request_decision()
        self.assertEqual(visit.state, "decision_requested")
        # the update links it again only while the step has none
        self.assertEqual(self.env["intl.approval.route.step"]._intl_link_step_documents(), step)
        self.assertFalse(self.env["intl.approval.route.step"]._intl_link_step_documents())

    def test_protocol_names_its_director_and_is_signed_before_closing(self):
        visit = self._create_visit()
        self._run_to(visit, "in_progress")
        officer = visit.with_user(self.user_officer)
        self._fill_protocol(officer)
        officer.protocol_director_id = False
        with self.assertRaises(UserError) as refused:
            officer.action_submit_protocol()
        self.assertIn("responsible director", str(refused.exception))
        officer.protocol_director_id = self.employee_director_institute
        officer.action_submit_protocol()
        visit.with_user(self.user_management).action_approval_approve()
        self.assertEqual(visit.state, "protocol_approved")
        with self.assertRaises(UserError) as refused:
            officer.action_close()
        self.assertIn("403-02", str(refused.exception))
        # attached but not verified: the original is not confirmed yet
        line = self._attach_paper(visit, PROTOCOL)
        self.assertEqual(line.state, "received")
        with self.assertRaises(UserError):
            officer.action_close()
        # the original is what verification confirms
        with self.assertRaises(UserError):
            line.with_user(self.user_officer).action_verify()
        line.with_user(self.user_officer)._do_check(original=True)
        officer.action_close()
        self.assertEqual(visit.state, "closed")

    def test_coordinator_does_not_close(self):
        visit = self._create_visit()
        self._run_to(visit, "protocol_approved")
        self._sign_protocol(visit)
        with self.assertRaises(AccessError):
            visit.with_user(self.user_coordinator).action_close()
        self.assertEqual(visit.state, "protocol_approved")

    def test_printed_memos_carry_their_form_code(self):
        visit = self._create_visit()
        Report = self.env["ir.actions.report"]
        for xmlid in ("intl_delegation_report_decision_memo", "intl_delegation_report_memo_vehicle",
                      "intl_delegation_report_memo_halls", "intl_delegation_report_memo_tech",
                      "intl_delegation_report_memo_photo"):
            report = self.env.ref(f"intl_cooperation.{xmlid}")
            html = Report._render_qweb_html(report.report_name, visit.ids)[0].decode()
            with self.subTest(report=xmlid):
                self.assertIn("Form 403-03", html)
                self.assertTrue(report.print_report_name.startswith("'403-03 "))
        protocol = self.env.ref("intl_cooperation.intl_delegation_report_protocol")
        html = Report._render_qweb_html(protocol.report_name, visit.ids)[0].decode()
        self.assertIn("Form 403-02", html)


@tagged("post_install", "-at_install")
class TestClauseDelegationPapersJsonRpc(JsonRpcRefusalMixin, DelegationCommon, HttpCase):
    """Over JSON-RPC: DIC cannot invite before the preliminary information, request the decision
    without the memo nor close without the signed protocol; the rector cannot decide on a rejected
    memo; a coordinator cannot close."""

    def _login(self, user):
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")

    def _call(self, model, method, args):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_refusals_over_jsonrpc(self):
        no_memo = self._create_visit()
        waiting = self._create_visit(contact_phone=False, lang_id=False)
        self._run_to(waiting, "approved")
        unsigned = self._create_visit()
        self._run_to(unsigned, "protocol_approved")
        rejected = self._create_visit()
        self._run_to(rejected, "decision_requested")
        rejected.sudo().document_line_ids.filtered(
            lambda line: line.type_id == self.env.ref(f"intl_cooperation.{MEMO}")
        ).with_user(self.user_officer).action_reject()
        self._login(self.user_officer)
        for record, method in ((no_memo, "action_request_decision"), (waiting, "action_send_invitation"),
                               (waiting, "action_send_invitation_mail"), (unsigned, "action_close")):
            with self.subTest(method=method), self.assertRpcRefused(UserError):
                self._call("intl.delegation", method, [record.ids])
        self._login(self.user_management)
        with self.assertRpcRefused(UserError):
            self._call("intl.delegation", "action_approval_approve", [rejected.ids])
        self._login(self.user_coordinator)
        with self.assertRpcRefused(AccessError):
            self._call("intl.delegation", "action_close", [unsigned.ids])
        (no_memo | waiting | unsigned | rejected).invalidate_recordset()
        self.assertEqual([rec["state"] for rec in (no_memo | waiting | unsigned | rejected).read(["state"])],
                         ["draft", "approved", "protocol_approved", "decision_requested"])
