import base64
from datetime import timedelta

from odoo import fields

from .common import IntlCommon

PDF_BYTES = base64.b64encode(b"%PDF-1.4\n% test scan\n")


class AgreementCommon(IntlCommon):
    """Agreement fixtures: a proposal ready to submit and helpers walking the lifecycle."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kind_memo = cls.env.ref("intl_cooperation.intl_agreement_kind_memorandum")
        cls.form_visits = cls.env.ref("intl_cooperation.intl_cooperation_form_faculty_visits")
        cls.form_publications = cls.env.ref("intl_cooperation.intl_cooperation_form_publications")
        cls.type_memo = cls.env.ref("intl_cooperation.intl_document_type_service_memo")
        cls.type_proposal = cls.env.ref("intl_cooperation.intl_document_type_proposal")
        cls.type_scan = cls.env.ref("intl_cooperation.intl_document_type_signed_agreement")
        cls.type_draft = cls.env.ref("intl_cooperation.intl_document_type_draft_agreement")
        cls.lang_en = cls.env.ref("base.lang_en")
        cls.lang_de = cls.env["res.lang"].with_context(active_test=False).search([("code", "=", "de_DE")])
        cls.lang_fr = cls.env["res.lang"].with_context(active_test=False).search([("code", "=", "fr_FR")])
        cls.today = fields.Date.context_today(cls.env["intl.agreement"])

    def _create_agreement(self, user=None, **vals):
        values = {
            "title": "Memorandum on academic cooperation",
            "partner_id": self.partner_institution.id,
            "kind_id": self.kind_memo.id,
            "institute_id": self.institute.id,
            "contact_employee_ids": [fields.Command.set(self.employee_requester.ids)],
            "curator_id": self.user_officer.id,
            "form_ids": [fields.Command.set((self.form_visits | self.form_publications).ids)],
            "purpose": "Joint research in geoinformatics",
            **vals,
        }
        return self.env["intl.agreement"].with_user(user or self.user_coordinator).create(values)

    def _attach(self, agreement, doc_type, user=None):
        line = agreement.document_line_ids.filtered(lambda line: line.type_id == doc_type)
        attachment = self.env["ir.attachment"].create({
            "name": f"{doc_type.name}.pdf", "datas": PDF_BYTES,
            "res_model": "intl.agreement", "res_id": agreement.id,
        })
        line.with_user(user or self.user_coordinator).write({"attachment_ids": [fields.Command.link(attachment.id)]})
        return line

    def _attach_memo(self, agreement):
        self._attach(agreement, self.type_memo)
        self._attach(agreement, self.type_proposal)

    def _verify_memo(self, agreement):
        agreement.document_line_ids.filtered(
            lambda line: line.type_id in (self.type_memo | self.type_proposal)
        ).with_user(self.user_officer)._do_check_all()

    def _to_dic_review(self, agreement):
        self._attach_memo(agreement)
        agreement.with_user(self.user_coordinator).action_submit()
        agreement.with_user(self.user_officer).action_approval_submit()

    def _add_draft_version(self, agreement, user=None, name="Draft agreement.pdf"):
        """``user`` (the coordinator) adds a new text of the draft agreement."""
        user = user or self.user_coordinator
        attachment = self.env["ir.attachment"].with_user(user).create({
            "name": name, "datas": PDF_BYTES, "res_model": "intl.agreement.draft.version", "res_id": 0})
        return self.env["intl.agreement.draft.version"].with_user(user).create({
            "agreement_id": agreement.id, "attachment_ids": [fields.Command.set(attachment.ids)]})

    def _fill_draft(self, agreement):
        """The institute writes the draft (5.1.3): term, directions, conditions and its text,
        which DIC checks."""
        agreement.with_user(self.user_coordinator).write({
            "priority_directions": "Geoinformatics; mining engineering",
            "implementation_conditions": "Each party appoints a contact person and reports yearly.",
            "term_years": 5,
        })
        self._add_draft_version(agreement)
        agreement.document_line_ids.filtered(
            lambda line: line.type_id == self.type_draft).with_user(self.user_officer)._do_check_all()

    def _to_drafting(self, agreement):
        self._to_dic_review(agreement)
        self._verify_memo(agreement)
        agreement.with_user(self.user_officer).action_start_negotiation()
        agreement.with_user(self.user_officer).action_draft_ready()
        self._fill_draft(agreement)

    def _to_approved(self, agreement):
        self._to_drafting(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        agreement.with_user(self.user_legal).action_approval_approve()
        agreement.with_user(self.user_management).action_approval_approve()

    def _fill_signing(self, agreement, date_university=None, date_partner=None, **vals):
        agreement.with_user(self.user_coordinator).write({
            "sign_lang_national": "ru_RU",
            "sign_lang_foreign_id": self.lang_en.id,
            "signatory_university": "M. Begentayev",
            "signatory_university_position": "Rector",
            "date_sign_university": date_university or self.today - timedelta(days=3),
            "signatory_partner": "G. Rauch",
            "signatory_partner_position": "President",
            "date_sign_partner": date_partner or self.today - timedelta(days=1),
            "date_end": self.today + timedelta(days=5 * 365),
            **vals,
        })

    def _create_annex(self, agreement, number="1", user=None, **vals):
        """The coordinator drafts an annex of a signed agreement, with its text."""
        return self.env["intl.agreement.annex"].with_user(user or self.user_coordinator).create({
            "agreement_id": agreement.id, "number": number, "summary": f"Annex {number}",
            "text_file": PDF_BYTES, "text_filename": f"Annex {number}.pdf", **vals})

    def _annex_approved(self, annex):
        """The annex through DIC, Legal and Management review."""
        annex.with_user(self.user_coordinator).action_submit()
        for user in (self.user_dic_director, self.user_legal, self.user_management):
            annex.with_user(user).action_approval_approve()
        return annex

    def _annex_signed(self, annex, date=None):
        """The approved annex signed: its date and scan, then the signature registered."""
        annex.with_user(self.user_coordinator).write({
            "date": date or self.today, "scan": PDF_BYTES, "scan_filename": "Annex signed.pdf"})
        annex.with_user(self.user_coordinator).action_sign()
        return annex

    def _to_signed(self, agreement, **vals):
        self._to_approved(agreement)
        self._fill_signing(agreement, **vals)
        self._attach(agreement, self.type_scan)
        agreement.with_user(self.user_coordinator).action_sign()
        return agreement
