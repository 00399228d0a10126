from odoo import fields, models


class IntlStateFeeKind(models.Model):
    """A state duty for visas and invitations, expressed in MCI (Tax Code art. 613 / 666)."""

    _name = "intl.state.fee.kind"
    _description = "State Fee Kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    mci_factor = fields.Float("Amount in MCI", required=True, digits=(6, 2))
    kbk = fields.Char("KBK", default="108126", help="Budget classification code of the payment.")
    knp = fields.Char("KNP", default="911", help="Payment purpose code (911: state duty).")

    _sql_constraints = [
        ("mci_factor_positive", "CHECK(mci_factor > 0)", "A state fee is a positive number of MCI."),
    ]
