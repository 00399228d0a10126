from odoo import models

from .account_move import check_no_intl_owner


class AccountPayment(models.Model):
    """Reset to Draft and Cancel of a payment the module made (trip advances and
    settlements, acts, fees): closed while the module's record rests on it."""

    _inherit = "account.payment"

    def action_draft(self):
        check_no_intl_owner(self.env, moves=self.move_id, payments=self)
        return super().action_draft()

    def action_cancel(self):
        check_no_intl_owner(self.env, moves=self.move_id, payments=self)
        return super().action_cancel()

    def unlink(self):
        check_no_intl_owner(self.env, moves=self.move_id, payments=self)
        return super().unlink()
