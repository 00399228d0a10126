from odoo import api, fields, models

# the documents of DP 717 the external person sends (xml ids of this module)
PORTAL_TYPES = (
    "intl_document_type_passport", "intl_document_type_diploma_apostille",
    "intl_document_type_degree_certificate", "intl_document_type_scholar_profile",
    "intl_document_type_visa_application", "intl_document_type_personal_sheet",
    "intl_document_type_bank_details", "intl_document_type_id_card", "intl_document_type_transcript",
    "intl_document_type_language_certificate", "intl_document_type_medical_certificate",
)


class IntlDocumentType(models.Model):
    _inherit = "intl.document.type"

    intl_portal_upload = fields.Boolean(
        "Sent Through the Portal",
        help="The external person (scholar, delegation, applicant) uploads this document on their "
             "portal page; it lands in the checklist as received and DIC verifies it.")

    @api.model
    def _intl_portal_flag_defaults(self):
        """Mark the documents the external people send (once: afterwards DIC decides on the type)."""
        if self.with_context(active_test=False).search_count([("intl_portal_upload", "=", True)], limit=1):
            return
        for xmlid in PORTAL_TYPES:
            doc_type = self.env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)
            if doc_type:
                doc_type.intl_portal_upload = True
