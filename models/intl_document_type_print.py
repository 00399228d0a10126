from odoo import api, fields, models

# the forms the module prints itself, by document type (xml ids of this module)
PRINTED_FORMS = {
    "intl_document_type_application": ["action_report_intl_trip_application"],
    "intl_document_type_service_memo": ["intl_agreement_report_memo", "intl_delegation_report_decision_memo",
                                        "action_report_intl_scholar_memo", "intl_degree_programme_report_memo"],
    "intl_document_type_proposal": ["intl_agreement_report_proposal", "intl_degree_programme_report_proposal"],
}


class IntlDocumentType(models.Model):
    _inherit = "intl.document.type"

    report_ids = fields.Many2many(
        "ir.actions.report", "intl_document_type_report_rel", "type_id", "report_id", "Printed By",
        help="Forms the module prints itself: they are attached by printing them from the record, "
             "not by uploading a printout.")

    @api.model
    def _intl_link_printed_forms(self):
        """Give the document types of DP 717 the reports that print them (at each update, only
        for the processes where the DIC Director has not chosen any: a report is linked when
        the type prints nothing yet for the report's model, e.g. the double-degree programme's
        memo 403-03 and proposal 403-10, §5.6.1)."""
        for type_xmlid, report_xmlids in PRINTED_FORMS.items():
            doc_type = self.env.ref(f"intl_cooperation.{type_xmlid}", raise_if_not_found=False)
            if not doc_type:
                continue
            reports = [self.env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)
                       for xmlid in report_xmlids]
            models = set(doc_type.report_ids.mapped("model"))
            missing = [report for report in reports if report and report.model not in models]
            if missing:
                doc_type.report_ids = [fields.Command.link(report.id) for report in missing]
