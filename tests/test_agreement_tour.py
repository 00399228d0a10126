from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .agreement_common import PDF_BYTES


@tagged("post_install", "-at_install")
class TestAgreementTour(HttpCase):
    """A proposal taken to a signed agreement in the browser."""

    def test_agreement_tour(self):
        admin = self.env.ref("base.user_admin")
        admin.groups_id = [fields.Command.link(self.env.ref(xmlid).id) for xmlid in (
            "intl_cooperation.group_intl_director", "intl_cooperation.group_intl_legal",
            "intl_cooperation.group_intl_management")]
        institute = self.env["hr.department"].create({"name": "Institute of Tours", "intl_kind": "institute"})
        partner = self.env["res.partner"].create({
            "name": "Tour Technical University", "is_intl_institution": True,
            "intl_institution_type": "university", "country_id": self.env.ref("base.de").id,
        })
        today = fields.Date.context_today(admin)
        agreement = self.env["intl.agreement"].create({
            "title": "Memorandum signed in the tour",
            "partner_id": partner.id,
            "kind_id": self.env.ref("intl_cooperation.intl_agreement_kind_memorandum").id,
            "institute_id": institute.id,
            "curator_id": admin.id,
            "sign_lang_national": "kk_KZ",
            "sign_lang_foreign_id": self.env.ref("base.lang_en").id,
            "date_sign_university": today - timedelta(days=2),
            "date_sign_partner": today - timedelta(days=1),
            "date_end": today + timedelta(days=1825),
            "form_ids": [fields.Command.set(self.env.ref("intl_cooperation.intl_cooperation_form_publications").ids)],
            "priority_directions": "Automation; data science",
        })
        # the memo, the proposal, the draft agreement (its version 1) and the signed scan are
        # uploaded files (tours cannot upload)
        for line in agreement.document_line_ids:
            attachment = self.env["ir.attachment"].create({
                "name": f"{line.type_id.name}.pdf", "datas": PDF_BYTES,
                "res_model": "intl.agreement", "res_id": agreement.id,
            })
            line.attachment_ids = [fields.Command.link(attachment.id)]
        agreement.document_line_ids.filtered("required")._do_check_all()
        self.start_tour(f"/odoo/action-intl_cooperation.intl_agreement_action/{agreement.id}",
                        "intl_agreement_tour", login="admin")
        self.assertEqual(agreement.state, "in_force")
        self.assertEqual(agreement.signatory_partner, "Geraldine Rauch")
        self.assertEqual(len(agreement.copy_ids), 3)
        self.assertEqual(set(agreement.approval_line_ids.mapped("state")), {"approved"})
        # the draft filled in the browser before the legal review, its version approved by Legal
        self.assertEqual(agreement.term_years, 5)
        self.assertEqual(agreement.draft_approved_version_id.version, 1)
