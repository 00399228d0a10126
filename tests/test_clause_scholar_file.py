from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common_scholar import IntlScholarCommon


@tagged("post_install", "-at_install")
class TestClauseScholarFile(IntlScholarCommon):
    """§5.5: the 40-day rule applies to the file; a visit is planned ahead; the visa file is
    complete and each document checked for what it needs."""

    def _file_types(self):
        ref = self.env.ref
        return [ref(f"intl_cooperation.intl_document_type_{code}") for code in (
            "service_memo", "passport", "degree_copy", "scholar_profile", "lecture_schedule")]

    def test_submission_needs_the_file(self):
        visit = self._create_visit(attach=False)
        checklist = visit.sudo().document_line_ids.filtered("required").type_id
        for doc_type in self._file_types():
            self.assertIn(doc_type, checklist)
        with self.assertRaises(UserError) as error:
            visit.with_user(self.user_coordinator).action_submit()
        for doc_type in self._file_types():
            self.assertIn(doc_type.display_name, str(error.exception))
        self.assertEqual(visit.state, "draft")
        self.assertFalse(visit.submit_date)
        # the visa documents come later: not asked at submission
        visa_type = self.env.ref("intl_cooperation.intl_document_type_visa_application")
        self.assertNotIn(visa_type.display_name, str(error.exception))
        self._attach_file(visit)
        visit.with_user(self.user_coordinator).action_submit()
        self.assertEqual(visit.state, "to_dic")

    def test_visit_outside_the_plan_needs_the_dic_director(self):
        visit = self._create_visit(plan_line_id=False)
        self.assertTrue(visit.plan_missing)
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).action_submit()
        # the coordinator cannot record the reason, nor write it
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator)._do_allow_unplanned("Mine")
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).write({"unplanned_reason": "Mine"})
        self.assertFalse(visit.with_user(self.user_coordinator).can_allow_unplanned)
        self.assertTrue(visit.with_user(self.user_dic_director).can_allow_unplanned)
        with self.assertRaises(UserError):
            visit.with_user(self.user_dic_director)._do_allow_unplanned("  ")
        wizard = self.env["intl.scholar.unplanned"].with_user(self.user_dic_director).create({
            "visit_id": visit.id, "reason": "A Nobel laureate's visit confirmed after the plan."})
        wizard.action_confirm()
        self.assertEqual(visit.unplanned_user_id, self.user_dic_director)
        self.assertFalse(visit.plan_missing)
        self.assertIn("outside the semester plan", visit.message_ids[:1].body)
        visit.with_user(self.user_coordinator).action_submit()
        self.assertEqual(visit.state, "to_dic")

    def test_a_line_of_a_plan_not_approved_is_no_plan(self):
        plan = self.env["intl.scholar.plan"].with_user(self.user_coordinator).create({
            "institute_id": self.institute.id, "academic_year": "2039/2040", "semester": "fall",
            "company_id": self.company.id,
            "line_ids": [(0, 0, {
                "scholar_id": self.scholar.id, "field_of_study": "Geology",
                "date_from": self.today, "date_to": self.today,
                "funding_source_id": self.scholar_programme.id})]})
        visit = self._create_visit(plan_line_id=plan.line_ids.id)
        self.assertTrue(visit.plan_missing)
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).action_submit()

    def test_visa_checklist_as_the_migration_service_wants_it(self):
        visit = self._accepted_visit()
        ref = self.env.ref
        expected = {ref(f"intl_cooperation.intl_document_type_{code}") for code in (
            "scholar_invitation", "order_extract", "employment_contract", "diploma_apostille",
            "degree_certificate", "passport_scan", "visa_application", "personal_sheet",
            "fee_receipts")}
        visa_lines = visit.sudo().visa_document_ids.filtered("required")
        self.assertEqual(set(visa_lines.type_id), expected)
        invitation = ref("intl_cooperation.intl_document_type_scholar_invitation")
        self.assertEqual((invitation.copies, invitation.electronic_copy), (3, True))
        with self.assertRaises(UserError):  # the visa documents are not verified yet
            visit.with_user(self.user_officer).action_register_arrival()

    def test_verification_confirms_each_declared_property(self):
        visit = self._accepted_visit()
        self._attach_file(visit)
        lines = visit.sudo().visa_document_ids
        invitation = lines.filtered(
            lambda line: line.type_id == self.env.ref("intl_cooperation.intl_document_type_scholar_invitation"))
        diploma = lines.filtered(
            lambda line: line.type_id == self.env.ref("intl_cooperation.intl_document_type_diploma_apostille"))
        self.assertEqual(diploma.state, "received")
        self.assertIn("apostille", diploma.with_user(self.user_officer).check_summary)
        # verifying without confirming what the type declares is refused, with what is missing
        with self.assertRaises(UserError) as error:
            diploma.with_user(self.user_officer).action_verify()
        self.assertIn("notarised", str(error.exception))
        Check = self.env["intl.document.check"].with_user(self.user_officer)
        with self.assertRaises(UserError):
            Check.create({"line_id": diploma.id, "notarized": True}).action_confirm()
        self.assertEqual(diploma.state, "received")
        Check.create({"line_id": diploma.id, "notarized": True, "apostille": True}).action_confirm()
        self.assertEqual(diploma.state, "verified")
        self.assertTrue(diploma.checked_apostille)
        # two copies of three are not enough; three and the electronic copy are
        with self.assertRaises(UserError):
            Check.create({"line_id": invitation.id, "copies": 2, "electronic": True,
                          "original": True}).action_confirm()
        Check.create({"line_id": invitation.id, "copies": 3, "electronic": True,
                      "original": True}).action_confirm()
        self.assertEqual(invitation.state, "verified")
        # a rejected document is checked again from nothing
        diploma.with_user(self.user_officer).action_reject()
        self.assertFalse(diploma.checked_apostille)
        # only DIC checks documents, and the confirmations are not written by hand
        with self.assertRaises(AccessError):
            self.env["intl.document.check"].with_user(self.user_coordinator).create(
                {"line_id": invitation.id, "copies": 3})
        with self.assertRaises(UserError):
            invitation.with_user(self.user_coordinator)._do_check(copies=3)
        with self.assertRaises(UserError):
            invitation.with_user(self.user_officer).write({"checked_copies": 5})


@tagged("post_install", "-at_install")
class TestClauseScholarFileJsonRpc(IntlScholarCommon, HttpCase):
    """Over JSON-RPC: the coordinator cannot submit an incomplete or unplanned file, nor record
    the DIC Director's reason; the officer cannot verify without confirming."""

    def _login(self, user):
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_refusals_over_jsonrpc(self):
        incomplete = self._create_visit(attach=False)
        unplanned = self._create_visit(plan_line_id=False)
        self._login(self.user_coordinator)
        refused = [
            ("intl.scholar.visit", "action_submit", [[incomplete.id]]),
            ("intl.scholar.visit", "action_submit", [[unplanned.id]]),
            ("intl.scholar.visit", "write", [[unplanned.id], {"unplanned_reason": "Forged"}]),
            ("intl.scholar.visit", "action_allow_unplanned", [[unplanned.id]]),
        ]
        for model, method, args in refused:
            with self.subTest(method=method, args=args), self.assertRaises(JsonRpcException) as error:
                self._call(model, method, args)
            self.assertEqual(str(error.exception), "odoo.exceptions.UserError")
        (incomplete | unplanned).invalidate_recordset()
        self.assertEqual(incomplete.read(["state"])[0]["state"], "draft")
        self.assertFalse(unplanned.read(["unplanned_reason"])[0]["unplanned_reason"])
        # the officer: the diploma is not verified without its apostille and notarisation
        visit = self._accepted_visit()
        self._attach_file(visit)
        diploma = visit.sudo().visa_document_ids.filtered(
            lambda line: line.type_id == self.env.ref("intl_cooperation.intl_document_type_diploma_apostille"))
        self._login(self.user_officer)
        for method, args in (("action_verify", [[diploma.id]]),
                             ("write", [[diploma.id], {"checked_apostille": True}])):
            with self.subTest(method=method), self.assertRaises(JsonRpcException) as error:
                self._call("intl.document.line", method, args)
            self.assertEqual(str(error.exception), "odoo.exceptions.UserError")
        check_id = self._call("intl.document.check", "create", [{
            "line_id": diploma.id, "notarized": True, "apostille": True}])
        check_id = check_id[0] if isinstance(check_id, list) else check_id
        self._call("intl.document.check", "action_confirm", [[check_id]])
        diploma.invalidate_recordset()
        self.assertEqual(diploma.read(["state"])[0]["state"], "verified")
