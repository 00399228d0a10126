from odoo import models
from odoo.exceptions import UserError

from ..tools import amount_to_words


class ResCurrency(models.Model):
    _inherit = "res.currency"

    def intl_amount_to_words(self, amount, lang=None):
        """Amount in words for printed forms, in ``lang`` (default: the context's)."""
        self.ensure_one()
        if (amount or 0.0) < 0:
            raise UserError(self.env._(
                "Amounts are written in words only when they are zero or positive; %(amount)s is negative.",
                amount=amount))
        return amount_to_words(amount, self.name, lang or self.env.lang or "en_US")
