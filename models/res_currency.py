from odoo import models
from odoo.exceptions import ValidationError

from ..tools import amount_to_words

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
        return amount_to_words(amount, self.name, lang or self.env.lang or "en_US")

    def _intl_check_amount(self, amount, quantity=1.0):
        """Refuse a negative or absurd amount or quantity with a clear error."""
        if amount is None or quantity is None or amount < 0 or quantity < 0:
            raise ValidationError(self.env._("Amounts and quantities cannot be negative."))
        if abs(amount) >= MAX_AMOUNT or abs(quantity) >= MAX_QUANTITY \
                or abs(amount * quantity) >= MAX_AMOUNT:
            total = "%.2f" % (amount * quantity)
            raise ValidationError(self.env._(
                "%(amount)s is not a plausible amount: check the figures typed.", amount=total))
