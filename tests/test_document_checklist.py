import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import IntlCommon


@tagged("post_install", "-at_install")
class TestDocumentChecklist(IntlCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement = cls.env["intl.agreement"].create({
            "title": "Checklist test agreement",
            "partner_id": cls.partner_institution.id,
            "kind_id": cls.env.ref("intl_cooperation.intl_agreement_kind_memorandum").id,
            "institute_id": cls.institute.id,
            # a draft agreement's text comes after its forms of cooperation (DP 717 5.1.2)
            "form_ids": [Command.set(cls.env.ref("intl_cooperation.intl_cooperation_form_faculty_visits").ids)],
        })
        cls.memo_type = cls.env.ref("intl_cooperation.intl_document_type_service_memo")
        cls.passport_type = cls.env.ref("intl_cooperation.intl_document_type_passport")

    def _attach(self, line, name="memo.pdf"):
        attachment = self.env["ir.attachment"].create({
            "name": name, "datas": base64.b64encode(b"%PDF-1.4 test"),
            "res_model": line.res_model, "res_id": line.res_id,
        })
        line.attachment_ids = [(4, attachment.id)]

    def test_checklist_built_from_process_types(self):
        types = self.agreement.document_line_ids.type_id
        expected = self.env["intl.document.type"].search([("process_ids.code", "=", "agreement")])
        self.assertEqual(types, expected)
        self.assertIn(self.memo_type, types)
        self.assertNotIn(self.passport_type, types)
        self.assertFalse(self.agreement.documents_complete)
        # syncing twice adds nothing
        self.agreement.action_document_sync()
        self.assertEqual(len(self.agreement.document_line_ids), len(expected))

    def test_receive_verify_reject(self):
        line = self.agreement.document_line_ids.filtered(lambda item: item.type_id == self.memo_type)
        self.assertEqual(line.state, "missing")
        with self.assertRaises(UserError):
            line.with_user(self.user_officer).action_verify()  # nothing attached yet
        self._attach(line)
        self.assertEqual(line.state, "received")
        with self.assertRaises(UserError):
            line.with_user(self.user_coordinator).action_verify()  # only DIC checks
        line.with_user(self.user_officer).action_verify()
        self.assertEqual(line.state, "verified")
        self.assertEqual(line.verified_by_id, self.user_officer)
        self.assertIn("Document verified", self.agreement.message_ids[0].body)
        line.with_user(self.user_officer).action_reject()
        self.assertEqual(line.state, "rejected")

    def test_documents_complete_when_mandatory_verified(self):
        for line in self.agreement.document_line_ids.filtered("required"):
            self._attach(line)
            line.with_user(self.user_officer).action_verify()
        self.assertTrue(self.agreement.documents_complete)
        self.assertEqual(self.agreement.document_missing_count, 0)

    def test_expiring_document_needs_date(self):
        # checklist lines are the engine's: created through its path as the checklist sync does
        line = self.env["intl.document.line"]._lifecycle_create([{
            "res_model": self.agreement._name, "res_id": self.agreement.id,
            "type_id": self.passport_type.id, "required": True,
        }])
        self._attach(line, "passport.pdf")
        with self.assertRaises(ValidationError):
            line.with_user(self.user_officer).action_verify()
        line.expiry_date = "2020-01-01"
        self.assertTrue(line.is_expired)
        with self.assertRaises(UserError):
            line.with_user(self.user_officer).action_verify()

    def test_lines_follow_record_access(self):
        lines = self.agreement.document_line_ids
        with self.assertRaises(AccessError):
            lines.with_user(self.user_coordinator_other).read(["state"])
        with self.assertRaises(AccessError):
            lines.with_user(self.user_requester).write({"note": "mine"})
        # nobody creates checklist lines by hand: the record's process fills its checklist
        with self.assertRaises(UserError):
            self.env["intl.document.line"].with_user(self.user_requester).create({
                "res_model": self.agreement._name, "res_id": self.agreement.id,
                "type_id": self.passport_type.id,
            })
        lines.with_user(self.user_officer).read(["state"])
        with self.assertRaises(AccessError):
            lines.with_user(self.user_coordinator).unlink()
