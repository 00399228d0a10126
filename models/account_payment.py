from odoo import api, fields, models

from .account_move import check_no_intl_owner


class AccountPayment(models.Model):
    """Reset to Draft and Cancel of a payment the module made (trip advances and
    settlements, acts, fees): closed while the module's record rests on it."""

    _inherit = "account.payment"

    intl_trip_payment_ids = fields.One2many("intl.trip.payment", "account_payment_id",
                                            "Trip Payments", readonly=True)
    intl_to_employee = fields.Boolean(
        "Paid to or by an Employee", compute="_compute_intl_to_employee", store=True,
        help="A trip payment of the module: the partner is the traveller, not a vendor or customer.")

    @api.depends("intl_trip_payment_ids")
    def _compute_intl_to_employee(self):
        for payment in self:
            payment.intl_to_employee = bool(payment.intl_trip_payment_ids)

    def action_draft(self):
        check_no_intl_owner(self.env, moves=self.move_id, payments=self)
        return super().action_draft()

    def action_cancel(self):
        check_no_intl_owner(self.env, moves=self.move_id, payments=self)
        return super().action_cancel()

    def unlink(self):
        check_no_intl_owner(self.env, moves=self.move_id, payments=self)
        return super().unlink()
