from odoo.exceptions import UserError
from odoo.tests import tagged

from .agreement_common import AgreementCommon


@tagged("post_install", "-at_install")
class TestApprovalEngine(AgreementCommon):
    """The foundation approval engine, exercised on agreements and their seeded route."""

    def _approval_activities(self, record):
        approval_type = self.env.ref("intl_cooperation.mail_activity_type_approval")
        return record.activity_ids.filtered(lambda a: a.activity_type_id == approval_type)

    def test_full_route(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        lines = agreement.approval_line_ids.sorted("sequence")
        self.assertEqual(lines.mapped("record_state"), ["dic_review", "legal_review", "management"])
        self.assertEqual(lines.mapped("state"), ["pending", "waiting", "waiting"])
        self.assertEqual(lines.route_id, self.env.ref("intl_cooperation.intl_approval_route_agreement"))
        for user, state in ((self.user_dic_director, "legal_review"), (self.user_legal, "management"),
                            (self.user_management, "approved")):
            agreement.with_user(user).action_approval_approve()
            self.assertEqual(agreement.state, state)
        self.assertEqual(lines.mapped("state"), ["approved"] * 3)
        self.assertEqual(lines.mapped("decided_by_id"),
                         self.user_dic_director | self.user_legal | self.user_management)
        self.assertTrue(all(lines.mapped("decided_on")))
        self.assertFalse(agreement.approval_step)
        self.assertFalse(agreement.can_approve)

    def test_out_of_turn_refused(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        self.assertFalse(agreement.with_user(self.user_management).can_approve)
        self.assertTrue(agreement.with_user(self.user_dic_director).can_approve)
        with self.assertRaisesRegex(UserError, "awaits the decision"):
            agreement.with_user(self.user_management).action_approval_approve()
        self.assertEqual(agreement.approval_line_ids.filtered(lambda line: line.state == "pending").record_state,
                         "dic_review")

    def test_approving_twice_refused(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        with self.assertRaises(UserError):
            agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, "legal_review")

    def test_approving_cancelled_refused(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        agreement.with_user(self.user_officer).action_cancel()
        with self.assertRaises(UserError):
            agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(set(agreement.approval_line_ids.mapped("state")), {"cancelled"})

    def test_not_waiting_refused(self):
        agreement = self._create_agreement()
        with self.assertRaisesRegex(UserError, "not waiting"):
            agreement.with_user(self.user_dic_director).action_approval_approve()

    def test_reject_needs_reason_and_returns_to_draft(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        action = agreement.with_user(self.user_legal).action_approval_reject()
        self.assertEqual(action["res_model"], "intl.approval.reject")
        Wizard = self.env["intl.approval.reject"].with_user(self.user_legal).with_context(**action["context"])
        with self.assertRaises(UserError):
            Wizard.create({"reason": "   "}).action_reject()
        self.assertEqual(agreement.state, "legal_review")
        Wizard.create({"reason": "The liability clause is missing"}).action_reject()
        self.assertEqual(agreement.state, "draft")
        lines = agreement.approval_line_ids.sorted("sequence")
        self.assertEqual(lines.mapped("state"), ["approved", "rejected", "cancelled"])
        self.assertEqual(lines[1].comment, "The liability clause is missing")
        self.assertTrue(agreement.message_ids.filtered(lambda m: "liability clause" in (m.body or "")))
        self.assertFalse(self._approval_activities(agreement))
        # a rejected proposal can be submitted again: a new round starts
        agreement.with_user(self.user_coordinator).action_submit()
        agreement.with_user(self.user_officer).action_approval_submit()
        self.assertEqual(agreement.state, "dic_review")
        current = agreement.approval_line_ids.filtered("is_current")
        self.assertEqual(set(current.mapped("round")), {2})
        self.assertEqual(len(current), 3)

    def test_reject_out_of_turn_refused(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        with self.assertRaises(UserError):
            agreement.with_user(self.user_management).action_approval_reject()
        wizard = self.env["intl.approval.reject"].with_user(self.user_management).with_context(
            active_model="intl.agreement", active_ids=agreement.ids).create({"reason": "No"})
        with self.assertRaises(UserError):
            wizard.action_reject()

    def test_direct_write_of_approved_state_refused(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        with self.assertRaisesRegex(UserError, "change only through its actions"):
            agreement.with_user(self.user_officer).write({"state": "approved"})
        with self.assertRaises(UserError):
            agreement.write({"state": "approved"})
        self.assertEqual(agreement.state, "drafting")

    def test_activities_for_current_approvers(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        activities = self._approval_activities(agreement)
        director_group = self.env.ref("intl_cooperation.group_intl_director")
        expected = director_group.users.filtered(lambda u: not u.share)
        self.assertEqual(activities.user_id, expected)
        self.assertIn(self.user_dic_director, activities.user_id)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        activities.invalidate_recordset()
        self.assertFalse(activities.filtered("active"), "decided step: its activities are closed (done)")
        self.assertFalse(agreement.activity_ids & activities)
        activities = self._approval_activities(agreement)
        self.assertIn(self.user_legal, activities.user_id)
        self.assertNotIn(self.user_dic_director, activities.user_id)
        agreement.with_user(self.user_legal).action_approval_approve()
        agreement.with_user(self.user_management).action_approval_approve()
        self.assertFalse(self._approval_activities(agreement))

    def test_chatter_entries(self):
        agreement = self._create_agreement()
        # commit-time hooks end the creation's transaction: the next changes are tracked
        self.env.cr.flush()
        self._to_drafting(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        bodies = " ".join(agreement.message_ids.mapped("body"))
        self.assertIn("Submitted for approval", bodies)
        # the DIC Director's step agrees (келісу), the rector's approves (бекіту)
        self.assertIn("Agreed: DIC Director", bodies)
        # the state changes are tracked (tracking values are written at commit)
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        tracked = agreement.message_ids.sudo().tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertTrue(tracked)
        # the decision and the status change it made are one message (the note, the change under it)
        agreed = agreement.message_ids.filtered(lambda m: m.intl_body_key == "Agreed: %(step)s")
        self.assertEqual(len(agreed), 1)
        label = dict(agreement._fields["state"]._description_selection(self.env))[agreement.state]
        self.assertEqual(agreed.sudo().tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state").new_value_char, label)
        self.assertFalse(agreement.message_ids.filtered(
            lambda m: not m.intl_body_key and m.sudo().tracking_value_ids.filtered(
                lambda t: t.field_id.name == "state" and t.new_value_char == label)))

    def test_decision_without_status_change_is_a_note(self):
        """A step whose decision leaves the status as it is logs its note alone."""
        agreement = self._create_agreement()
        self.env.cr.flush()
        self._to_drafting(agreement)
        before = agreement.state
        lines = agreement.sudo().approval_line_ids.filtered(lambda line: line.state == "waiting")
        lines[:1]._lifecycle_write({"record_state": before})  # the next step keeps the record where it is
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, before)
        agreed = agreement.message_ids.filtered(lambda m: m.intl_body_key == "Agreed: %(step)s")
        self.assertEqual(len(agreed), 1)
        self.assertFalse(agreed.sudo().tracking_value_ids)

    def test_required_documents_block_the_step(self):
        agreement = self._create_agreement()
        self._to_dic_review(agreement)
        agreement.with_user(self.user_officer).action_start_negotiation()
        agreement.with_user(self.user_officer).action_draft_ready()
        self._fill_draft(agreement)
        self.assertFalse(agreement.documents_complete)
        with self.assertRaisesRegex(UserError, "Verify the mandatory documents"):
            agreement.with_user(self.user_dic_director).action_approval_approve()
        self._verify_memo(agreement)
        self.assertTrue(agreement.documents_complete)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, "legal_review")

    def test_no_route_refused(self):
        self.env.ref("intl_cooperation.intl_approval_route_agreement").active = False
        agreement = self._create_agreement()
        self._attach_memo(agreement)
        agreement.with_user(self.user_coordinator).action_submit()
        with self.assertRaisesRegex(UserError, "No approval route"):
            agreement.with_user(self.user_officer).action_approval_submit()

    def test_bound_action_approves_several(self):
        first, second = self._create_agreement(), self._create_agreement(title="Second memorandum")
        for agreement in first | second:
            self._to_drafting(agreement)
        action = self.env.ref("intl_cooperation.intl_agreement_action_server_approve")
        action.with_user(self.user_dic_director).with_context(
            active_model="intl.agreement", active_ids=(first | second).ids
        ).run()
        self.assertEqual((first | second).mapped("state"), ["legal_review", "legal_review"])
        reject = self.env.ref("intl_cooperation.intl_agreement_action_server_reject")
        result = reject.with_user(self.user_legal).with_context(
            active_model="intl.agreement", active_ids=(first | second).ids
        ).run()
        self.assertEqual(result["res_model"], "intl.approval.reject")
        self.assertEqual(result["context"]["active_ids"], (first | second).ids)
