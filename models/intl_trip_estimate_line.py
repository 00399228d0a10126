from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IntlTripEstimateLine(models.Model):
    """A line of a trip's cost estimate, converted at the rate of the estimate date."""

    _name = "intl.trip.estimate.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "trip_id"
    _lifecycle_workflow_fields = ()
    _description = "Trip Cost Estimate Line"
    _order = "trip_id, sequence, id"
    _check_company_auto = True

    trip_id = fields.Many2one("intl.trip", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="trip_id.company_id", store=True)
    company_currency_id = fields.Many2one(related="trip_id.currency_id", string="Company Currency")
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one("intl.trip.expense.category", "Category", required=True)
    name = fields.Char("Description")
    quantity = fields.Float(default=1.0, digits=(16, 2))
    unit_amount = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id)
    amount = fields.Monetary(compute="_compute_amount", store=True, currency_field="currency_id")
    amount_company = fields.Monetary(
        "Amount (Company Currency)", compute="_compute_amount", store=True,
        currency_field="company_currency_id", aggregator="sum")

    @api.constrains("currency_id")
    def _check_currency(self):
        if self.filtered(lambda line: not line.currency_id):
            raise ValidationError(self.env._("Choose the currency of each estimate line."))

    @api.constrains("quantity", "unit_amount")
    def _check_amounts(self):
        for line in self:
            line.currency_id._intl_check_amount(line.unit_amount, line.quantity)

    @api.depends("quantity", "unit_amount", "currency_id", "trip_id.estimate_date",
                 "trip_id.company_id")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.unit_amount
            company = line.trip_id.company_id or self.env.company
            if not line.currency_id:
                # a currency being chosen in the form (cleared, then picked): nothing to convert yet
                line.amount_company = 0.0
                continue
            line.amount_company = line.currency_id._intl_convert(
                line.amount, company.currency_id, company,
                line.trip_id.estimate_date or fields.Date.context_today(line))
