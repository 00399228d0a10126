from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_intl_delegation import DelegationCommon


@tagged("post_install", "-at_install")
class TestIntlDelegationAccess(DelegationCommon):
    """Who sees and changes what on a delegation visit."""

    @staticmethod
    def _read_as(record, user, fnames):
        """What ``user`` reads of ``record`` from the database, not from the creator's cache."""
        record = record.with_user(user)
        record.invalidate_recordset()
        return record.read(fnames)[0]

    def test_coordinator_of_host_institute_reads_and_edits(self):
        visit = self._create_visit()
        as_coordinator = visit.with_user(self.user_coordinator)
        self.assertEqual(self._read_as(visit, self.user_coordinator, ["partner_id"])["partner_id"][0],
                         self.partner_institution.id)
        as_coordinator.write({"hall_details": "Hall 301"})
        as_coordinator.programme_line_ids[0].write({"place": "Hall 301"})
        self.assertIn(visit, self.env["intl.delegation"].with_user(self.user_coordinator).search([]))

    def test_coordinator_of_other_institute_cannot_read(self):
        visit = self._create_visit()
        Visit = self.env["intl.delegation"].with_user(self.user_coordinator_other)
        self.assertNotIn(visit, Visit.search([]))
        with self.assertRaises(AccessError):
            visit.with_user(self.user_coordinator_other).read(["purpose"])
        with self.assertRaises(AccessError):
            visit.member_ids.with_user(self.user_coordinator_other).read(["surname"])
        with self.assertRaises(AccessError):
            visit.cost_line_ids.with_user(self.user_coordinator_other).read(["amount"])
        with self.assertRaises(AccessError):
            visit.with_user(self.user_coordinator_other).write({"purpose": "Hijacked"})

    def test_host_employee_of_other_institute_sees_the_visit(self):
        visit = self._create_visit()
        visit.host_employee_ids |= self.employee_coordinator_other
        self.assertEqual(self._read_as(visit, self.user_coordinator_other, ["purpose"])["purpose"],
                         visit.sudo().purpose)

    def test_passport_data_only_for_dic(self):
        visit = self._create_visit()
        head = visit.member_ids.filtered("is_head")
        self.assertEqual(self._read_as(head, self.user_officer, ["passport_number"])["passport_number"],
                         "C01X00T47")
        for user in (self.user_coordinator, self.user_management, self.user_accountant):
            member = head.with_user(user)
            self.assertEqual(self._read_as(head, user, ["surname"])["surname"], "Schmidt")
            with self.assertRaises(AccessError):
                member.read(["passport_number"])
            with self.assertRaises(AccessError):
                member.read(["birth_date"])
            self.assertNotIn("passport_number", member.fields_get())
        with self.assertRaises(AccessError):
            head.with_user(self.user_coordinator).write({"passport_number": "X"})
        # the coordinator can still add a member without passport data
        visit.with_user(self.user_coordinator).write({
            "member_ids": [(0, 0, {"surname": "Fischer", "first_name": "Lena"})],
        })
        self.assertEqual(visit.member_count, 3)

    def test_requester_has_no_access(self):
        visit = self._create_visit()
        with self.assertRaises(AccessError):
            visit.with_user(self.user_requester).read(["purpose"])
        with self.assertRaises(AccessError):
            self.env["intl.delegation"].with_user(self.user_requester).create({
                "partner_id": self.partner_institution.id, "purpose": "x",
                "date_arrival": "2026-05-01", "date_departure": "2026-05-02",
                "institute_id": self.institute.id,
            })

    def test_management_reads_all_and_decides(self):
        visit = self._create_visit()
        as_rector = visit.with_user(self.user_management)
        self.assertEqual(self._read_as(visit, self.user_management, ["purpose"])["purpose"],
                         visit.sudo().purpose)
        with self.assertRaises(AccessError):
            as_rector.write({"purpose": "Changed by the rector"})
        with self.assertRaises(AccessError):
            self.env["intl.delegation"].with_user(self.user_management).create({
                "partner_id": self.partner_institution.id, "purpose": "x",
                "date_arrival": "2026-05-01", "date_departure": "2026-05-02",
                "institute_id": self.institute.id,
            })
        self._run_to(visit, "approved")
        self.assertEqual(visit.approval_line_ids.decided_by_id, self.user_management)

    def test_accountant_reads_and_enters_actual_costs_only(self):
        visit = self._create_visit()
        amount = visit.sudo().amount_total
        self.assertTrue(amount)
        self.assertEqual(self._read_as(visit, self.user_accountant, ["amount_total"])["amount_total"], amount)
        with self.assertRaises(AccessError):
            visit.with_user(self.user_accountant).write({"purpose": "x"})
        with self.assertRaises(AccessError):
            visit.guarantee_line_ids.with_user(self.user_accountant).write({"amount": 1.0})

    def test_nobody_deletes(self):
        visit = self._create_visit()
        for user in (self.user_coordinator, self.user_management, self.user_accountant):
            with self.assertRaises(AccessError):
                visit.with_user(user).unlink()
        self._run_to(visit, "approved")
        with self.assertRaises(UserError):
            visit.with_user(self.user_dic_director).unlink()

    def test_list_actions_approve_and_reject(self):
        first, second = self._create_visit(), self._create_visit()
        for visit in first | second:
            self._attach_paper(visit, "intl_document_type_service_memo")
        (first | second).with_user(self.user_officer).action_request_decision()
        approve = self.env.ref("intl_cooperation.intl_delegation_action_server_approve")
        approve.with_user(self.user_management).with_context(
            active_model="intl.delegation", active_ids=first.ids).run()
        self.assertEqual(first.state, "approved")
        reject = self.env.ref("intl_cooperation.intl_delegation_action_server_reject")
        action = reject.with_user(self.user_management).with_context(
            active_model="intl.delegation", active_ids=second.ids).run()
        self.assertEqual(action["res_model"], "intl.approval.reject")
        # a coordinator cannot run Management's decision
        with self.assertRaises(AccessError):
            approve.with_user(self.user_coordinator).with_context(
                active_model="intl.delegation", active_ids=second.ids).run()
