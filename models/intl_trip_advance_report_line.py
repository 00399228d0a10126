from odoo import api, fields, models


class IntlTripAdvanceReportLine(models.Model):
    """One expense of an advance report, converted at the rate of its own date."""

    _name = "intl.trip.advance.report.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_workflow_fields = ()
    _description = "Trip Advance Report Line"
    _order = "report_id, date, id"
    _check_company_auto = True

    report_id = fields.Many2one("intl.trip.advance.report", required=True, ondelete="cascade",
                                index=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    company_currency_id = fields.Many2one(related="report_id.currency_id", string="Company Currency")
    category_id = fields.Many2one("intl.trip.expense.category", "Category", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    name = fields.Char("Description", required=True)
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id)
    amount_company = fields.Monetary(
        "Amount (Company Currency)", compute="_compute_amount_company", store=True,
        currency_field="company_currency_id", aggregator="sum")
    attachment_ids = fields.Many2many(
        "ir.attachment", "intl_trip_advance_report_line_attachment_rel", "line_id",
        "attachment_id", string="Receipts")

    @api.constrains("amount")
    def _check_amount(self):
        for line in self:
            line.currency_id._intl_check_amount(line.amount)

    @api.depends("amount", "currency_id", "date", "report_id.company_id")
    def _compute_amount_company(self):
        for line in self:
            company = line.report_id.company_id or self.env.company
            line.amount_company = line.currency_id._convert(
                line.amount, company.currency_id, company, line.date or fields.Date.context_today(line))
