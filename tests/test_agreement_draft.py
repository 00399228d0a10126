"""DP 717 5.1.2-5.1.5 as the roles concerned: the draft agreement Legal reviews (versions, model
agreements, what is filled before the legal review), annexes reviewed like agreements and taking
effect with their scan, plan lines with their deadlines; the refusals over JSON-RPC too."""
import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .agreement_common import PDF_BYTES, AgreementCommon
from .jsonrpc_common import JsonRpcRefusalMixin


class DraftCommon(AgreementCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kind_protocol = cls.env.ref("intl_cooperation.intl_agreement_kind_protocol")
        # the demo's model of that kind (if any) is archived: the tests bring their own
        cls.env["intl.agreement.template"].search([("kind_id", "=", cls.kind_protocol.id)]).active = False

    def _template_vals(self, **vals):
        return {
            "name": "Model protocol of intent", "kind_id": self.kind_protocol.id,
            "file_kk": base64.b64encode(b"kk text").decode(), "file_kk_name": "Model (kk).docx",
            "file_ru": base64.b64encode(b"ru text").decode(), "file_ru_name": "Model (ru).docx",
            "file_en": base64.b64encode(b"en text").decode(), "file_en_name": "Model (en).docx",
            **vals,
        }

    def _negotiating(self, **vals):
        agreement = self._create_agreement(**vals)
        self._to_dic_review(agreement)
        self._verify_memo(agreement)
        agreement.with_user(self.user_officer).action_start_negotiation()
        return agreement


@tagged("post_install", "-at_install")
class TestAgreementDraft(DraftCommon):

    def test_forms_of_cooperation_before_the_draft(self):
        """DIC cannot declare the draft ready, nor the institute write it, before the forms are chosen."""
        agreement = self._negotiating(form_ids=[Command.clear()])
        with self.assertRaises(UserError) as caught:
            agreement.with_user(self.user_officer).action_draft_ready()
        self.assertIn("forms of cooperation", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            self._add_draft_version(agreement)
        self.assertIn("forms of cooperation", str(caught.exception))
        agreement.invalidate_recordset()
        self.assertEqual(agreement.read(["state"])[0]["state"], "negotiation")
        self.assertFalse(agreement.sudo().draft_version_ids)

    def test_legal_review_needs_the_complete_draft(self):
        """The DIC Director cannot send an incomplete draft to Legal: each missing item is named."""
        agreement = self._negotiating()
        agreement.with_user(self.user_officer).action_draft_ready()
        # without its text, the checklist stops the DIC Director
        with self.assertRaises(UserError) as caught:
            agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertIn("Draft agreement", str(caught.exception))
        self._add_draft_version(agreement)
        agreement.document_line_ids.filtered(
            lambda line: line.type_id == self.type_draft).with_user(self.user_officer)._do_check_all()
        # with its text but not its term, directions and conditions, the transition does
        with self.assertRaises(UserError) as caught:
            agreement.with_user(self.user_dic_director).action_approval_approve()
        message = str(caught.exception)
        for label in ("Priority Directions", "Conditions of Implementation", "Term of Validity"):
            self.assertIn(label, message)
        agreement.invalidate_recordset()
        self.assertEqual(agreement.read(["state"])[0]["state"], "drafting")
        self._fill_draft(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, "legal_review")
        # what Legal reviews no longer changes
        with self.assertRaises(UserError):
            agreement.with_user(self.user_coordinator).write({"term_years": 10})
        with self.assertRaises(UserError):
            agreement.with_user(self.user_officer).write({"form_ids": [Command.link(self.env.ref(
                "intl_cooperation.intl_cooperation_form_conferences").id)]})

    def test_versions_kept_and_the_one_legal_approved_marked(self):
        agreement = self._negotiating()
        agreement.with_user(self.user_officer).action_draft_ready()
        first = self._add_draft_version(agreement, name="Draft 1.pdf")
        second = self._add_draft_version(agreement, name="Draft 2.pdf")
        self.assertEqual((first.version, second.version), (1, 2))
        line = agreement.document_line_ids.filtered(lambda line: line.type_id == self.type_draft)
        self.assertEqual(line.attachment_ids, (first | second).attachment_ids, "every version on the checklist")
        # a version is never changed nor deleted
        other = self.env["ir.attachment"].with_user(self.user_coordinator).create({
            "name": "Other.pdf", "datas": PDF_BYTES, "res_model": "intl.agreement.draft.version", "res_id": 0})
        with self.assertRaises(UserError):
            first.with_user(self.user_coordinator).write({"attachment_ids": [Command.set(other.ids)]})
        with self.assertRaises(UserError):
            first.with_user(self.user_dic_director).unlink()
        with self.assertRaises(UserError):
            line.with_user(self.user_coordinator).write({"attachment_ids": [Command.unlink(first.attachment_ids.id)]})
        first.with_user(self.user_coordinator).write({"note": "First text sent to the partner"})
        # a file attached on the checklist line is the next version
        line.with_user(self.user_coordinator).write({"attachment_ids": [Command.link(other.id)]})
        third = agreement.draft_version_ids.filtered(lambda version: version.version == 3)
        self.assertEqual(third.attachment_ids, other)
        # DIC checked the text: a new version is checked again
        line.with_user(self.user_officer)._do_check_all()
        self.assertEqual(line.state, "verified")
        self._fill_draft(agreement)
        self.assertEqual(line.state, "verified")
        fourth = agreement.draft_version_ids.sorted("version")[-1]
        self.assertEqual(fourth.version, 4)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertFalse(agreement.draft_approved_version_id)
        agreement.with_user(self.user_legal).action_approval_approve()
        self.assertEqual(agreement.state, "management")
        self.assertEqual(agreement.draft_approved_version_id, fourth)
        self.assertEqual(fourth.legal_approved_by_id, self.user_legal)
        self.assertEqual(agreement.draft_version_ids.filtered("legal_approved"), fourth)
        # the approved text is what is signed: no new version now
        with self.assertRaises(UserError):
            self._add_draft_version(agreement)
        with self.assertRaises(UserError):
            self._add_draft_version(agreement, user=self.user_officer)

    def test_new_version_after_verification_is_checked_again(self):
        agreement = self._negotiating()
        agreement.with_user(self.user_officer).action_draft_ready()
        self._fill_draft(agreement)
        line = agreement.document_line_ids.filtered(lambda line: line.type_id == self.type_draft)
        self.assertEqual(line.state, "verified")
        self._add_draft_version(agreement, name="Draft after the partner's comments.pdf")
        self.assertEqual(line.state, "received")
        with self.assertRaises(UserError) as caught:
            agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertIn("Verify the mandatory documents", str(caught.exception))

    def test_version_number_and_mark_are_the_engines(self):
        agreement = self._negotiating()
        attachment = self.env["ir.attachment"].with_user(self.user_coordinator).create({
            "name": "Draft.pdf", "datas": PDF_BYTES, "res_model": "intl.agreement.draft.version", "res_id": 0})
        Version = self.env["intl.agreement.draft.version"].with_user(self.user_coordinator)
        for forged in ({"version": 7}, {"legal_approved": True}):
            with self.assertRaises(UserError):
                Version.create({"agreement_id": agreement.id, "attachment_ids": [Command.set(attachment.ids)],
                                **forged})
        with self.assertRaises(UserError):
            Version.create({"agreement_id": agreement.id})
        version = Version.create({"agreement_id": agreement.id, "attachment_ids": [Command.set(attachment.ids)]})
        with self.assertRaises(UserError):
            version.write({"legal_approved": True})
        # a coordinator of another institute neither reads nor writes the draft
        with self.assertRaises(AccessError):
            version.with_user(self.user_coordinator_other).read(["version"])
        with self.assertRaises(AccessError):
            self._add_draft_version(agreement, user=self.user_coordinator_other)

    def test_model_agreements_kept_by_dic(self):
        Template = self.env["intl.agreement.template"]
        with self.assertRaises(AccessError):
            Template.with_user(self.user_coordinator).create(self._template_vals())
        with self.assertRaises(ValidationError):
            Template.with_user(self.user_officer).create(self._template_vals(file_en=False))
        template = Template.with_user(self.user_officer).create(self._template_vals())
        with self.assertRaises(ValidationError):
            Template.with_user(self.user_officer).create(self._template_vals(name="Second model"))
        with self.assertRaises(AccessError):
            template.with_user(self.user_coordinator).write({"name": "Changed"})
        template.invalidate_recordset()
        self.assertEqual(template.with_user(self.user_coordinator).read(["name"])[0]["name"],
                         "Model protocol of intent")

    def test_draft_starts_from_the_model_of_its_kind(self):
        template = self.env["intl.agreement.template"].with_user(self.user_officer).create(self._template_vals())
        agreement = self._negotiating(kind_id=self.kind_protocol.id)
        self.assertEqual(agreement.draft_template_id, template)
        with self.assertRaises(UserError) as caught:
            agreement.with_user(self.user_coordinator).action_draft_from_model()
        self.assertIn("national signing language", str(caught.exception))
        agreement.with_user(self.user_coordinator).write({"sign_lang_national": "kk_KZ",
                                                         "sign_lang_foreign_id": self.lang_en.id})
        agreement.with_user(self.user_coordinator).action_draft_from_model()
        version = agreement.draft_version_ids
        self.assertEqual(version.version, 1)
        self.assertEqual(version.template_id, template)
        self.assertEqual(sorted(version.attachment_ids.mapped("name")), ["Model (en).docx", "Model (kk).docx"])
        self.assertEqual(sorted(base64.b64decode(a.datas) for a in version.attachment_ids), [b"en text", b"kk text"])
        with self.assertRaises(UserError):
            agreement.with_user(self.user_coordinator).action_draft_from_model()
        # declared ready without a text, the draft starts from the model by itself
        other = self._negotiating(kind_id=self.kind_protocol.id, sign_lang_national="ru_RU",
                                  sign_lang_foreign_id=self.lang_de.id,
                                  partner_id=self.env["res.partner"].create({
                                      "name": "TU Test", "is_intl_institution": True,
                                      "country_id": self.env.ref("base.de").id}).id)
        other.with_user(self.user_officer).action_draft_ready()
        self.assertEqual(other.draft_version_ids.attachment_ids.mapped("name"), ["Model (ru).docx"])

    def test_term_sets_the_expiry_date_at_signing(self):
        agreement = self._create_agreement()
        self._to_approved(agreement)
        self._fill_signing(agreement, date_end=False)
        self._attach(agreement, self.type_scan)
        agreement.with_user(self.user_coordinator).action_sign()
        self.assertEqual(agreement.date_end, agreement.date_start + relativedelta(years=5, days=-1))


@tagged("post_install", "-at_install")
class TestAgreementAnnexReview(DraftCommon):

    def test_annex_reviewed_signed_then_in_force(self):
        agreement = self._to_signed(self._create_agreement())
        end = agreement.date_end
        annex = self._create_annex(agreement, "1", text_file=False, changes_expiry=True,
                                   date_end_new=end + timedelta(days=365),
                                   date_start=self.today + timedelta(days=20))
        self.assertEqual(annex.state, "draft")
        with self.assertRaises(UserError) as caught:
            annex.with_user(self.user_coordinator).action_submit()
        self.assertIn("attach its text", str(caught.exception))
        annex.with_user(self.user_coordinator).write({"text_file": PDF_BYTES, "text_filename": "Annex 1.pdf"})
        annex.with_user(self.user_coordinator).action_submit()
        self.assertEqual(annex.state, "dic_review")
        self.assertIn(self.user_dic_director, annex.approval_user_ids)
        # out of turn: Legal and Management wait for DIC
        for user in (self.user_legal, self.user_management, self.user_coordinator):
            with self.assertRaises(UserError):
                annex.with_user(user).action_approval_approve()
        # what is reviewed no longer changes
        with self.assertRaises(UserError):
            annex.with_user(self.user_coordinator).write({"date_end_new": end + timedelta(days=900)})
        annex.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(annex.state, "legal_review")
        # Legal reads the annex and its agreement at its step
        annex.invalidate_recordset()
        self.assertEqual(annex.with_user(self.user_legal).read(["summary"])[0]["summary"], "Annex 1")
        agreement.invalidate_recordset()
        self.assertTrue(agreement.with_user(self.user_legal).read(["name"]))
        annex.with_user(self.user_legal).action_approval_approve()
        self.assertEqual(annex.state, "management")
        annex.with_user(self.user_management).action_approval_approve()
        self.assertEqual(annex.state, "approved")
        self.assertEqual(agreement.date_end, end, "approved is not yet in force")
        with self.assertRaises(UserError) as caught:
            annex.with_user(self.user_coordinator).action_sign()
        self.assertIn("Signed Scan", str(caught.exception))
        self._annex_signed(annex)
        self.assertEqual(annex.state, "signed")
        self.assertEqual(agreement.date_end, end, "signed, not yet effective")
        with self.assertRaises(UserError):
            annex.with_user(self.user_coordinator).write({"scan": False})
        with freeze_time(self.today + timedelta(days=20)):
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
            self.assertEqual(annex.state, "in_force")
        self.assertEqual(agreement.date_end, end + timedelta(days=365))
        self.assertEqual(annex.date_end_previous, end)
        self.assertEqual(agreement.expiry_change_ids, annex)

    def test_annex_expiry_never_moves_before_it_is_in_force(self):
        """The annex used to move the expiry date (even earlier) the moment it was registered."""
        agreement = self._to_signed(self._create_agreement())
        end = agreement.date_end
        annex = self._create_annex(agreement, "1", changes_expiry=True, date_end_new=self.today + timedelta(days=30))
        self.assertEqual(agreement.date_end, end)
        self._annex_approved(annex)
        self.assertEqual(agreement.date_end, end)
        self._annex_signed(annex)
        self.assertEqual(annex.state, "in_force")
        self.assertEqual(agreement.date_end, self.today + timedelta(days=30), "the signed annex shortens it")

    def test_annex_rejected_returns_to_draft_and_cancel(self):
        agreement = self._to_signed(self._create_agreement())
        annex = self._create_annex(agreement)
        annex.with_user(self.user_coordinator).action_submit()
        annex.with_user(self.user_dic_director).action_approval_approve()
        wizard = self.env["intl.approval.reject"].with_user(self.user_legal).with_context(
            active_model="intl.agreement.annex", active_ids=annex.ids).create({"reason": "Article 2 is unclear"})
        wizard.action_reject()
        self.assertEqual(annex.state, "draft")
        annex.with_user(self.user_coordinator).write({"summary": "Annex 1, article 2 rewritten"})
        annex.with_user(self.user_coordinator).action_cancel()
        self.assertEqual(annex.state, "cancel")
        self.assertFalse(annex.approval_user_ids)

    def test_annex_access(self):
        agreement = self._to_signed(self._create_agreement())
        annex = self._create_annex(agreement)
        with self.assertRaises(AccessError):
            annex.with_user(self.user_coordinator_other).read(["summary"])
        with self.assertRaises(AccessError):
            self._create_annex(agreement, "2", user=self.user_coordinator_other)
        # Legal reads the annexes of the agreements it reviewed, never writes them
        with self.assertRaises(AccessError):
            annex.with_user(self.user_legal).write({"summary": "Changed by Legal"})
        with self.assertRaises(UserError):
            annex.with_user(self.user_coordinator).write({"state": "in_force"})
        with self.assertRaises(UserError):
            annex.with_user(self.user_coordinator).unlink()


@tagged("post_install", "-at_install")
class TestAgreementPlanDeadline(DraftCommon):

    def test_plan_line_needs_a_deadline_within_the_term(self):
        agreement = self._to_signed(self._create_agreement())
        with self.assertRaises(ValidationError) as caught:
            agreement.with_user(self.user_coordinator).write({
                "plan_line_ids": [Command.create({"name": "Guest lecture"})]})
        self.assertIn("deadline", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            agreement.with_user(self.user_coordinator).write({"plan_line_ids": [Command.create({
                "name": "Guest lecture", "date_deadline": agreement.date_end + timedelta(days=1)})]})
        self.assertIn("expires", str(caught.exception))
        agreement.with_user(self.user_coordinator).write({"plan_line_ids": [Command.create({
            "name": "Guest lecture", "date_deadline": agreement.date_end})]})
        line = agreement.plan_line_ids
        with self.assertRaises(ValidationError):
            line.with_user(self.user_coordinator).write({"date_deadline": False})


@tagged("post_install", "-at_install")
class TestAgreementDraftJsonRpc(JsonRpcRefusalMixin, DraftCommon, HttpCase):
    """Over JSON-RPC, what the form hides is refused by the server too."""

    def _login(self, user):
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_refusals_over_jsonrpc(self):
        drafting = self._negotiating()
        drafting.with_user(self.user_officer).action_draft_ready()
        version = self._add_draft_version(drafting)
        signed = self._to_signed(self._create_agreement(title="Signed memorandum"))
        annex = self._create_annex(signed)
        attachment = self.env["ir.attachment"].with_user(self.user_coordinator).create({
            "name": "Forged.pdf", "datas": PDF_BYTES, "res_model": "intl.agreement.draft.version", "res_id": 0})
        self._login(self.user_coordinator)
        refused = [
            (UserError, "intl.agreement.draft.version", "create", [{
                "agreement_id": drafting.id, "version": 9, "attachment_ids": [[6, 0, attachment.ids]]}]),
            (UserError, "intl.agreement.draft.version", "write", [[version.id], {"legal_approved": True}]),
            (UserError, "intl.agreement.draft.version", "write", [[version.id], {"attachment_ids": [[5, 0, 0]]}]),
            (AccessError, "intl.agreement.draft.version", "unlink", [[version.id]]),
            (AccessError, "intl.agreement.template", "create", [self._template_vals()]),
            (UserError, "intl.agreement.annex", "write", [[annex.id], {"state": "in_force"}]),
            (UserError, "intl.agreement.annex", "action_sign", [[annex.id]]),
            (UserError, "intl.agreement.annex", "action_approval_approve", [[annex.id]]),
            (ValidationError, "intl.agreement.plan.line", "create", [{"agreement_id": signed.id,
                                                                      "name": "No deadline"}]),
        ]
        for exception, model, method, args in refused:
            with self.subTest(model=model, method=method), self.assertRpcRefused(exception):
                self._call(model, method, args)
        # the DIC Director cannot send the incomplete draft to Legal
        self._login(self.user_dic_director)
        with self.assertRpcRefused(UserError):
            self._call("intl.agreement", "action_approval_approve", [[drafting.id]])
        # Legal cannot decide an annex before DIC
        annex.with_user(self.user_coordinator).action_submit()
        self._login(self.user_legal)
        with self.assertRpcRefused(UserError):
            self._call("intl.agreement.annex", "action_approval_approve", [[annex.id]])
        for record in (drafting, annex, version):
            record.invalidate_recordset()
        self.assertEqual(drafting.read(["state"])[0]["state"], "drafting")
        self.assertEqual(annex.read(["state"])[0]["state"], "dic_review")
        self.assertEqual(version.read(["version", "legal_approved"])[0]["version"], 1)
        self.assertFalse(version.read(["legal_approved"])[0]["legal_approved"])
        self.assertEqual(len(signed.read(["plan_line_ids"])[0]["plan_line_ids"]), 0)
