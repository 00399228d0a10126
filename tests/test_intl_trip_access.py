from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestIntlTripAccess(IntlTripCommon):

    def test_requester_sees_only_own_trips(self):
        mine = self._create_trip()
        other = self.env["intl.trip"].create(self._trip_vals(employee_id=self.employee_requester_other.id))
        Trip = self.env["intl.trip"].with_user(self.user_requester)
        self.assertEqual(Trip.search([("id", "in", (mine | other).ids)]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.user_requester).read(["purpose"])
        with self.assertRaises(AccessError):
            other.with_user(self.user_requester).write({"purpose": "Mine now"})
        with self.assertRaises(AccessError):
            Trip.create(self._trip_vals(employee_id=self.employee_requester_other.id))

    def test_unit_head_and_coordinator_scope(self):
        mine = self._create_trip()
        other = self.env["intl.trip"].create(self._trip_vals(employee_id=self.employee_requester_other.id))
        both = mine | other
        self.assertEqual(self.env["intl.trip"].with_user(self.user_head).search([("id", "in", both.ids)]), mine)
        self.assertEqual(
            self.env["intl.trip"].with_user(self.user_coordinator).search([("id", "in", both.ids)]), mine)
        with self.assertRaises(AccessError):
            mine.with_user(self.user_coordinator).write({"city": "Munich"})
        self.assertEqual(self.env["intl.trip"].with_user(self.user_officer).search_count(
            [("id", "in", both.ids)]), 2)

    def test_unit_head_sees_exactly_the_unit_trips(self):
        """My Unit's Trips is a record rule, not a filter: without it the head still sees only the unit's."""
        colleague = self.env["hr.employee"].create({
            "name": "Colleague of the unit", "department_id": self.department.id, "company_id": self.company.id})
        mine = self._create_trip()
        colleague_trip = self.env["intl.trip"].create(self._trip_vals(employee_id=colleague.id))
        other = self.env["intl.trip"].create(self._trip_vals(employee_id=self.employee_requester_other.id))
        unit = mine | colleague_trip
        Trip = self.env["intl.trip"].with_user(self.user_head)
        # the action's search with its default filter removed, as a user may do
        action = self.env.ref("intl_cooperation.intl_trip_action_my_unit")
        self.assertEqual(Trip.search([("id", "in", (unit | other).ids)]), unit)
        self.assertEqual(Trip.search([("department_id.manager_id.user_id", "=", self.user_head.id)]), unit)
        self.assertIn("filter_my_unit", action.context)
        # over JSON-RPC: search_read and read of another unit's trip
        rows = Trip.search_read([("id", "in", (unit | other).ids)], ["name", "employee_id"])
        self.assertEqual({row["id"] for row in rows}, set(unit.ids))
        other.invalidate_recordset()
        with self.assertRaises(AccessError):
            other.with_user(self.user_head).read(["purpose"])
        with self.assertRaises(AccessError):
            other.with_user(self.user_head).write({"city": "Munich"})
        self.assertEqual(colleague_trip.with_user(self.user_head).read(["purpose"])[0]["purpose"],
                         "Joint curriculum workshop")

    def test_requester_cannot_edit_after_submission(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).write({"city": "Munich"})
        with self.assertRaises(AccessError):
            trip.with_user(self.user_requester).estimate_line_ids[0].unit_amount = 1.0
        with self.assertRaises(UserError):  # the engine's approved state cannot be written
            trip.with_user(self.user_requester).write({"state": "approved"})

    def test_accountant_and_hr_read_all_but_do_not_approve(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        self.assertTrue(trip.with_user(self.user_accountant).read(["estimate_total"]))
        self.assertTrue(trip.with_user(self.user_hr).read(["purpose"]))
        with self.assertRaises(AccessError):
            trip.with_user(self.user_hr).write({"results": "<p>HR notes</p>"})
        with self.assertRaises(UserError):
            trip.with_user(self.user_accountant).action_approval_approve()

    def test_requester_cannot_see_others_money_or_cases(self):
        trip = self._approve(self._create_trip())
        self.env["intl.trip.payment.wizard"].with_user(self.user_accountant).create({
            "trip_id": trip.id, "amount": 1000.0, "journal_id": self.bank_journal.id}).action_confirm()
        payment = trip.sudo().payment_ids
        with self.assertRaises(AccessError):
            payment.with_user(self.user_requester_other).read(["amount"])
        self.assertTrue(payment.with_user(self.user_requester).read(["amount"]))
        with self.assertRaises(AccessError):
            payment.with_user(self.user_requester).write({"amount": 1.0})
        with self.assertRaises(AccessError):
            self.env["intl.disciplinary.case"].with_user(self.user_requester).create({
                "employee_id": self.employee_requester_other.id, "kind": "late_return"})

    def test_configuration_is_read_only_for_requesters(self):
        with self.assertRaises(AccessError):
            self.funding_budget.with_user(self.user_requester).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.env["intl.per.diem.rate"].with_user(self.user_requester).create({
                "amount": 1.0, "currency_id": self.kzt.id})
        self.cat_fares.with_user(self.user_accountant).with_company(self.company).account_id = \
            self.travel_account
