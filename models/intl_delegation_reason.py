from odoo import fields, models


class IntlDelegationReason(models.Model):
    """Why a delegation comes (DP 717 5.4.2): agreement, official letter, e-mail, ..."""

    _name = "intl.delegation.reason"
    _description = "Reason for a Delegation Visit"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
