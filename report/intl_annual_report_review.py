from odoo import api, models


class ReportIntlAnnualReportReview(models.AbstractModel):
    """The management review on paper (§7.3): printed once the review is recorded."""

    _name = "report.intl_cooperation.report_intl_annual_report_review"
    _description = "Management Review Paper"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["intl.annual.report"].browse(docids)
        docs._check_review_printable()
        return {"doc_ids": docids, "doc_model": "intl.annual.report", "docs": docs}
