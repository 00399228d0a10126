from odoo import models

from ..tools import amount_to_words


class ResCurrency(models.Model):
    _inherit = "res.currency"

    def intl_amount_to_words(self, amount, lang=None):
        """Amount in words for printed forms, in ``lang`` (default: the context's)."""
        self.ensure_one()
        return amount_to_words(amount, self.name, lang or self.env.lang or "en_US")
