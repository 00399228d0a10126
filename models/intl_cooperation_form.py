from odoo import fields, models


class IntlCooperationForm(models.Model):
    """A form of cooperation of DP 717 section 5.1.2 (faculty visits, joint publications, ...)."""

    _name = "intl.cooperation.form"
    _description = "Form of Cooperation"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
