"""The current approvers of a record and the closing of a decided step's activities.

``approval_user_ids`` is not stored: it is read from the record's pending step and searched
through the pending approval lines (the record rules, the "To Approve" filters, the lists).
A decided step's activities are marked done in one write (archived with their date done)
instead of Odoo's deletion: they leave the to-do lists, the counters, the record's activities
and the activity views all the same.
"""
import json

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .agreement_common import AgreementCommon


@tagged("post_install", "-at_install")
class TestApprovalCurrentApprovers(AgreementCommon):

    @staticmethod
    def _read_as(record, user, fname="title"):
        """What ``user`` reads of ``record`` from the database, not from the creator's cache."""
        record = record.with_user(user)
        record.invalidate_recordset()
        return record.read([fname])[0][fname]

    def _new_legal_user(self):
        """A legal reviewer who joins the group once the legal step is open: not its approver."""
        groups = self.env.ref("intl_cooperation.group_intl_legal") | self.env.ref("base.group_user")
        return self.env["res.users"].create({
            "name": "Legal Newcomer", "login": "t_legal_newcomer", "email": "legal.newcomer@example.com",
            "company_id": self.env.company.id, "company_ids": [Command.set(self.env.company.ids)],
            "groups_id": [Command.set(groups.ids)],
        })

    def test_rule_follows_the_pending_step(self):
        """The Legal group's rule (``approval_user_ids``) lets the step's approver read and write
        the agreement at its step, not before, and never a legal user who is not its approver."""
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        with self.assertRaises(AccessError):
            self._read_as(agreement, self.user_legal)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        newcomer = self._new_legal_user()
        self.assertIn(self.user_legal, agreement.approval_user_ids)
        self.assertNotIn(newcomer, agreement.approval_user_ids)
        self.assertEqual(self._read_as(agreement, self.user_legal), agreement.sudo().title)
        with self.assertRaises(AccessError):
            self._read_as(agreement, newcomer)
        with self.assertRaises(AccessError):
            agreement.with_user(newcomer).write({"financial_terms": "Not my step"})
        Agreement = self.env["intl.agreement"]
        self.assertEqual(Agreement.with_user(self.user_legal).search([("id", "=", agreement.id)]), agreement)
        self.assertFalse(Agreement.with_user(newcomer).search([("id", "=", agreement.id)]))
        # the legal reviewer's write rule is the same condition
        agreement.with_user(self.user_legal).write({"financial_terms": "Each party bears its own costs."})
        agreement.with_user(self.user_legal).action_approval_approve()
        self.assertNotIn(self.user_legal, agreement.approval_user_ids)
        with self.assertRaises(AccessError):
            agreement.with_user(self.user_legal).write({"financial_terms": "Changed after its step"})
        with self.assertRaises(AccessError):
            self._read_as(agreement, newcomer)

    def test_to_approve_search(self):
        """The "To Approve" filter finds exactly the records pending at the user's step, in every
        form the views and rules write it; the other operators answer as on a stored field."""
        first, second, third = (self._create_agreement(title=f"Memorandum {number}") for number in range(3))
        for agreement in first | second:
            self._to_drafting(agreement)
        first.with_user(self.user_dic_director).action_approval_approve()
        ours = (first | second | third).ids

        def found(user, domain):
            return self.env["intl.agreement"].with_user(user).search([("id", "in", ours), *domain])

        director, legal = self.user_dic_director, self.user_legal
        self.assertEqual(found(director, [("approval_user_ids", "in", [director.id])]), second)
        self.assertEqual(found(director, [("approval_user_ids", "in", director.id)]), second)
        self.assertEqual(found(director, [("approval_user_ids", "=", director.id)]), second)
        self.assertEqual(found(legal, [("approval_user_ids", "in", [legal.id])]), first)
        self.assertEqual(found(self.user_officer, [("approval_user_ids", "not in", [director.id])]), first | third)
        self.assertEqual(found(self.user_officer, [("approval_user_ids", "!=", director.id)]), first | third)
        self.assertEqual(found(self.user_officer, [("approval_user_ids", "=", False)]), third)
        self.assertEqual(found(self.user_officer, [("approval_user_ids", "!=", False)]), first | second)
        self.assertEqual(found(self.user_officer, [("approval_user_ids", "ilike", legal.name)]), first)
        self.assertEqual(found(self.user_officer, [("approval_user_ids", "not ilike", legal.name)]),
                         second | third)
        self.assertEqual(found(self.user_officer, [("approval_user_ids", "any", [("id", "=", legal.id)])]), first)
        self.assertEqual(found(self.user_officer, [("approval_user_ids", "not any", [("id", "=", legal.id)])]),
                         second | third)
        self.assertEqual(found(self.user_officer, [("approval_user_ids.login", "=", legal.login)]), first)
        # the same answer as the field read on each record
        for user in (director, legal):
            records = self.env["intl.agreement"].browse(ours)
            self.assertEqual(found(user, [("approval_user_ids", "in", user.id)]),
                             records.filtered(lambda record, user=user: user in record.approval_user_ids))
        # through a relation, as the rules of the agreement's conditions and annexes read it
        self.assertTrue(first.draft_version_ids and second.draft_version_ids)
        self.assertEqual(self.env["intl.agreement.draft.version"].search([
            ("agreement_id", "in", ours), ("agreement_id.approval_user_ids", "in", [legal.id])]).agreement_id, first)
        # once every step is decided, nobody is awaited
        first.with_user(legal).action_approval_approve()
        first.with_user(self.user_management).action_approval_approve()
        self.assertFalse(found(self.user_officer, [("id", "=", first.id), ("approval_user_ids", "!=", False)]))
        self.assertFalse(first.approval_user_ids)

    def test_list_costs_no_query_per_record(self):
        """A list of records awaiting the user, with their approvers, costs the same queries for
        one record as for four."""
        agreements = self.env["intl.agreement"]
        for number in range(4):
            agreement = self._create_agreement(title=f"Memorandum {number}")
            self._to_drafting(agreement)
            agreements |= agreement
        director = self.user_dic_director
        Agreement = self.env["intl.agreement"].with_user(director)

        def cost(records):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            rows = Agreement.search_read(
                [("id", "in", records.ids), ("approval_user_ids", "in", director.id)],
                ["title", "approval_user_ids", "approval_step", "can_approve"])
            self.assertEqual(len(rows), len(records))
            self.assertTrue(all(director.id in row["approval_user_ids"] and row["can_approve"] for row in rows))
            return self.cr.sql_log_count - start

        cost(agreements)  # the caches of a working session (rules, groups)
        self.assertEqual(cost(agreements[:1]), cost(agreements))

    def test_decided_step_activities_closed(self):
        """The decided step's activities, of every approver of the step, are marked done in one
        write: gone from the to-do lists, the counters, the systray's lists, the record's
        activities and the activity view; an assignee whose activity was due is told, as at a deletion."""
        approval_type = self.env.ref("intl_cooperation.mail_activity_type_approval")
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        activities = agreement.activity_ids.filtered(lambda activity: activity.activity_type_id == approval_type)
        self.assertIn(self.user_dic_director, activities.user_id)
        self.assertGreater(len(activities), 1, "the whole DIC Director group is asked")
        due = activities.filtered(lambda activity: activity.user_id == self.user_dic_director)
        due.date_deadline = fields.Date.today()
        self.env.cr.precommit.data.pop("bus.bus.values", None)
        Activity = self.env["mail.activity"]
        agreement.with_user(self.user_dic_director).action_approval_approve()
        activities.invalidate_recordset()
        self.assertEqual(set(activities.mapped("active")), {False})
        self.assertEqual(set(activities.mapped("date_done")), {fields.Date.context_today(agreement)})
        self.assertFalse(agreement.activity_ids & activities)
        self.assertIn(self.user_legal, agreement.activity_ids.user_id)
        for user in activities.user_id:
            self.assertFalse(Activity.with_user(user).search([("id", "in", activities.ids)]))
        groups = self.env["res.users"].with_user(self.user_dic_director)._get_activity_groups()
        self.assertFalse([group for group in groups if group["model"] == "intl.agreement"])
        # the list the systray opens for a model (activity_user_id): the open activities only
        Agreement = self.env["intl.agreement"]
        for user, expected in ((self.user_dic_director, Agreement), (self.user_legal, agreement)):
            self.assertEqual(Agreement.with_user(user).search(
                [("id", "=", agreement.id), ("activity_user_id", "=", user.id)]), expected)
        data = Activity.with_user(self.user_officer).get_activity_data("intl.agreement", [("id", "=", agreement.id)])
        shown = {activity_id for by_type in data["grouped_activities"].values()
                 for values in by_type.values() for activity_id in values["ids"]}
        self.assertFalse(shown & set(activities.ids))
        self.assertTrue(shown)
        # the systray counter of the director (whose activity was due) goes down by one
        told = [json.loads(values["channel"]) for values in self.env.cr.precommit.data.get("bus.bus.values", [])
                if json.loads(values["message"]) == {"type": "mail.activity/updated",
                                                     "payload": {"activity_deleted": True}}]
        self.assertEqual(told, [[self.env.cr.dbname, "res.partner", self.user_dic_director.partner_id.id]])

    def test_closing_costs_one_query(self):
        """Closing the activities of a step (here the DIC Director group's) is one query."""
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        line = agreement.approval_line_ids.filtered(lambda line: line.state == "pending")
        activities = agreement._approval_step_activities([(agreement, line)])
        self.assertGreater(len(activities), 1)
        self.env.flush_all()
        with self.assertQueryCount(1):
            agreement._approval_close_activities(activities)
        self.assertFalse(agreement.activity_ids & activities)
        self.assertFalse(activities.filtered("active"))

    def test_rejected_step_activities_closed(self):
        """A rejection closes its step's activities the same way."""
        approval_type = self.env.ref("intl_cooperation.mail_activity_type_approval")
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        activities = agreement.activity_ids.filtered(lambda activity: activity.activity_type_id == approval_type)
        self.assertIn(self.user_legal, activities.user_id)
        action = agreement.with_user(self.user_legal).action_approval_reject()
        self.env["intl.approval.reject"].with_user(self.user_legal).with_context(**action["context"]).create(
            {"reason": "The liability clause is missing"}).action_reject()
        self.assertEqual(agreement.state, "draft")
        activities.invalidate_recordset()
        self.assertEqual(set(activities.mapped("active")), {False})
        self.assertTrue(all(activities.mapped("date_done")))
        self.assertFalse(agreement.activity_ids.filtered(lambda activity: activity.activity_type_id == approval_type))
        self.assertFalse(agreement.approval_user_ids)
