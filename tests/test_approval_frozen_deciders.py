from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.sql_db import Cursor
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestApprovalFrozenDeciders(IntlTripCommon):
    """Who decides an open step is fixed when it opens: a change of the org chart (the unit
    head, the parent unit, the traveller's unit) or of a position holder (the rector) moves
    only the steps opened afterwards; the org chart's changes are tracked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_ids = [Command.set(cls.company.ids)]
        cls.user_hr_admin = new_test_user(
            cls.env, login="fd_hr_admin", groups="base.group_user,hr.group_hr_manager",
            company_id=cls.company.id, company_ids=company_ids)
        cls.user_new_head = new_test_user(
            cls.env, login="fd_new_head", groups="base.group_user", name="New Unit Head",
            company_id=cls.company.id, company_ids=company_ids)
        cls.employee_new_head = cls.env["hr.employee"].create({
            "name": "New Unit Head", "user_id": cls.user_new_head.id,
            "department_id": cls.department.id, "company_id": cls.company.id})
        cls.user_new_rector = new_test_user(
            cls.env, login="fd_new_rector", name="New Rector",
            groups="base.group_user,intl_cooperation.group_intl_management",
            company_id=cls.company.id, company_ids=company_ids)
        cls.employee_new_rector = cls.env["hr.employee"].create({
            "name": "New Rector", "user_id": cls.user_new_rector.id,
            "department_id": cls.institute.id, "company_id": cls.company.id})
        cls.company.intl_rector_id = cls.employee_management

    def _pending(self, trip):
        return trip.sudo().approval_line_ids.filtered(lambda line: line.state == "pending")

    def _can_approve(self, trip, user):
        trip.invalidate_recordset()
        return trip.with_user(user).can_approve

    def test_unit_head_moved_while_the_step_is_open(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        line = self._pending(trip)
        self.assertEqual(trip.state, "to_head")
        self.assertEqual(line.decider_user_ids, self.user_head)
        # HR administrators appoint another unit head and move the unit under another parent
        # (both changes are tracked: tests/test_edges.py, test_org_chart_is_hr_administrators)
        self.department.with_user(self.user_hr_admin).write({
            "manager_id": self.employee_new_head.id, "parent_id": self.other_institute.id})
        # the open step keeps the head it opened with
        self.assertTrue(self._can_approve(trip, self.user_head))
        self.assertFalse(self._can_approve(trip, self.user_new_head))
        with self.assertRaises(UserError):
            trip.with_user(self.user_new_head).action_approval_approve()
        self.assertEqual(trip.state, "to_head")
        trip.with_user(self.user_head).action_approval_approve()
        self.assertEqual(trip.state, "to_dic")
        self.assertEqual(line.decided_by_id, self.user_head)
        # a step opened afterwards goes to the new head
        later = self._create_trip()
        later.with_user(self.user_requester).action_submit()
        self.assertEqual(self._pending(later).decider_user_ids, self.user_new_head)
        # the former head decides it no more (nor reads it: the record rules follow the org chart)
        with self.assertRaises(UserError):
            later.with_user(self.user_head).action_approval_approve()
        later.with_user(self.user_new_head).action_approval_approve()
        self.assertEqual(later.state, "to_dic")

    def test_traveller_moved_to_another_unit_while_the_step_is_open(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        other_unit = self.env["hr.department"].create({
            "name": "Geology lab (frozen deciders)", "parent_id": self.other_institute.id,
            "manager_id": self.employee_new_head.id})
        self.employee_requester.with_user(self.user_hr_admin).write({"department_id": other_unit.id})
        self.assertFalse(self._can_approve(trip, self.user_new_head))
        self.assertTrue(self._can_approve(trip, self.user_head))
        trip.with_user(self.user_head).action_approval_approve()
        self.assertEqual(trip.state, "to_dic")

    def test_rector_replaced_while_the_step_is_open(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        trip.with_user(self.user_officer).action_approval_approve()
        self.assertEqual(trip.state, "to_management")
        self.assertEqual(self._pending(trip).decider_user_ids, self.user_management)
        # Settings: another rector holds the position from now on
        self.company.intl_rector_id = self.employee_new_rector
        self.assertFalse(self._can_approve(trip, self.user_new_rector))
        with self.assertRaises(UserError):
            trip.with_user(self.user_new_rector).action_approval_approve()
        trip.with_user(self.user_management).action_approval_approve()
        self.assertEqual(trip.state, "approved")

    def test_a_withdrawn_role_still_withdraws_the_decision(self):
        """A group step: who left the group no longer decides (that is no org-chart change)."""
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        self.assertIn(self.user_officer, self._pending(trip).decider_user_ids)
        self.user_officer.groups_id = [Command.unlink(
            self.env.ref("intl_cooperation.group_intl_officer").id)]
        self.assertFalse(self._can_approve(trip, self.user_officer))
        with self.assertRaises(UserError):
            trip.with_user(self.user_officer).action_approval_approve()

    def test_a_role_withdrawn_from_the_group_side(self):
        """The role is withdrawn on the group (its users), after the user's groups were read
        for a decision (the quick answer of a frozen decider reads them from Odoo's cache):
        the same refusal."""
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        self.assertTrue(self._can_approve(trip, self.user_officer))
        self.env.ref("intl_cooperation.group_intl_officer").users = [Command.unlink(self.user_officer.id)]
        self.assertFalse(self._can_approve(trip, self.user_officer))
        with self.assertRaises(UserError) as cm:
            trip.with_user(self.user_officer).action_approval_approve()
        self.assertIn("no longer an approver", str(cm.exception))

    def test_a_frozen_decider_of_a_group_step_is_answered_without_the_next_level(self):
        """A frozen decider still in the step's group decides: the check reads neither the
        route's next level nor its users (what the decider set of an escalated step reads)."""
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        line = self._pending(trip)
        self.assertEqual(line.step_id.approver_type, "group")
        self.user_officer._get_group_ids()
        self.env.flush_all()
        self.env.invalidate_all()
        queries = []
        execute = Cursor.execute

        def logged_execute(cr, query, params=None, log_exceptions=None):
            queries.append(str(query.code if isinstance(query, SQL) else query))
            return execute(cr, query, params, log_exceptions)

        with patch.object(Cursor, "execute", logged_execute):
            self.assertFalse(trip.with_user(self.user_officer)._approval_decide_reasons())
        self.assertTrue(queries)
        # the route (its next level) and the users of a group (the step's, the next level's)
        # are not read; the user's own groups may be (the record rules read them)
        self.assertFalse([query for query in queries if '"intl_approval_route"' in query
                          or ('FROM "res_users"' in query and "res_groups_users_rel" in query)],
                         "\n".join(queries))
