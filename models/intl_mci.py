from odoo import api, fields, models
from odoo.exceptions import UserError


class IntlMci(models.Model):
    """Monthly calculation index (MCI / АЕК / МРП) by effective date, set by the budget law."""

    _name = "intl.mci"
    _description = "Monthly Calculation Index"
    _order = "date_from desc"
    _rec_name = "date_from"

    date_from = fields.Date("Effective From", required=True)
    value = fields.Monetary("MCI", required=True, currency_field="currency_id")
    currency_id = fields.Many2one("res.currency", required=True,
                                  default=lambda self: self.env.ref("base.KZT"))
    act = fields.Char("Legal Act", help="The budget law that set the value.")

    _sql_constraints = [
        ("date_from_uniq", "unique(date_from)", "Only one MCI value per effective date."),
        ("value_positive", "CHECK(value > 0)", "The MCI must be positive."),
    ]

    def _compute_display_name(self):
        for mci in self:
            mci.display_name = f"{mci.date_from}: {mci.value:,.0f}".replace(",", " ")

    @api.model
    def _value_on(self, date):
        """The MCI record in force on ``date`` (the latest effective date not after it)."""
        mci = self.search([("date_from", "<=", date)], order="date_from desc", limit=1)
        if not mci:
            raise UserError(self.env._("No MCI value is in force on %(date)s: add it to the MCI table.",
                                       date=date))
        return mci
