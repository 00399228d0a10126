from odoo import fields, models


class IntlTripExpenseCategory(models.Model):
    """Kind of trip expense (per diem, accommodation, fares...) with its expense account."""

    _name = "intl.trip.expense.category"
    _description = "Trip Expense Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_per_diem = fields.Boolean(
        "Per Diem", help="Lines of this category are proposed from the per-diem table."
    )
    is_accommodation = fields.Boolean(
        "Accommodation", help="Lines of this category are checked against the accommodation limit."
    )
    account_id = fields.Many2one(
        "account.account", "Expense Account", company_dependent=True,
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost', 'expense_other'))]",
        help="Account debited when an advance report is posted (per company).",
    )
