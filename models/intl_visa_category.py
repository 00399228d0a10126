from odoo import fields, models


class IntlVisaCategory(models.Model):
    """A Kazakh visa category (DP 717 §5.5: business B1-B3, work C1-C3); editable data."""

    _name = "intl.visa.category"
    _description = "Visa Category"
    _order = "sequence, code, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection([("business", "Business"), ("work", "Work")], required=True)
    purpose = fields.Text(translate=True)
    max_stay_days = fields.Integer("Maximum Stay (Days)")
    multiple_entry = fields.Boolean("Multiple Entry Possible")

    def _compute_display_name(self):
        for category in self:
            category.display_name = f"{category.code} {category.name}"
