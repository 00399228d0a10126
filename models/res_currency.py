from odoo import models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools import amount_to_words, format_amount_plain

# Beyond these, an amount of a process record is a typing error: no trip, visit or
# report costs a trillion, and no printed form can spell it out.
MAX_AMOUNT = 1e12
MAX_QUANTITY = 1e5


class ResCurrency(models.Model):
    _inherit = "res.currency"

    def intl_amount_to_words(self, amount, lang=None):
        """Amount in words for printed forms, in ``lang`` (default: the context's)."""
        self.ensure_one()
        if not isinstance(amount, int | float) or abs(amount) >= MAX_AMOUNT:
            return ""
        if amount < 0:
            raise UserError(self.env._(
                "Amounts are written in words only when they are zero or positive; %(amount)s is negative.",
                amount=amount))
        return amount_to_words(amount, self.name, lang or self.env.lang or "en_US")

    def _intl_check_amount(self, amount, quantity=1.0):
        """Refuse a negative or absurd amount or quantity with a clear error."""
        if amount is None or quantity is None or amount < 0 or quantity < 0:
            raise ValidationError(self.env._("Amounts and quantities cannot be negative."))
        if abs(amount) >= MAX_AMOUNT or abs(quantity) >= MAX_QUANTITY \
                or abs(amount * quantity) >= MAX_AMOUNT:
            raise ValidationError(self.env._(
                "%(amount)s is not a plausible amount: check the figures typed.",
                amount=format_amount_plain(amount * quantity)))

    def _intl_check_rate(self, company, date):
        """Raise when this currency has no rate on or before ``date`` for ``company``.

        Odoo converts a currency without any rate at 1.0; money of a trip must
        never be converted that way.
        """
        for currency in self:
            if currency == company.currency_id:
                continue
            found = self.env["res.currency.rate"].sudo().search_count([  # sudo: rates are public data
                ("currency_id", "=", currency.id), ("name", "<=", date),
                ("company_id", "in", [False, company.root_id.id]),
            ], limit=1)
            if not found:
                raise UserError(self.env._(
                    "No exchange rate of %(currency)s on or before %(date)s: enter it in "
                    "Accounting > Configuration > Currencies.", currency=currency.name,
                    date=format_date(self.env, date)))

    def _intl_convert(self, amount, to_currency, company, date):
        """``_convert`` that refuses to convert without a rate on ``date``."""
        self.ensure_one()
        if self != to_currency:
            (self | to_currency)._intl_check_rate(company, date)
        return self._convert(amount, to_currency, company, date)
