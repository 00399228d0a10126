from odoo import fields, models


class IntlAgreementKind(models.Model):
    """Kind of agreement: memorandum, cooperation agreement, protocol of intent, ..."""

    _name = "intl.agreement.kind"
    _description = "Agreement Kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
