from odoo import fields, models


class IntlDelegationCostCategory(models.Model):
    """Category of a cost estimate line (accommodation, meals, transport, ...)."""

    _name = "intl.delegation.cost.category"
    _description = "Delegation Cost Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
