from odoo import models
from odoo.exceptions import UserError
from odoo.osv import expression

# the module's records that rest on an entry or a payment, while in these statuses
# (model: (entry fields, payment fields, statuses))
INTL_OWNERS = {
    "intl.trip.payment": (("move_id",), ("account_payment_id",), ("posted",)),
    "intl.trip.advance.report": (("move_id",), (), ("posted",)),
    "intl.scholar.act": (("move_id",), ("payment_id",), ("billed", "paid")),
    "intl.scholar.fee": (("move_id",), ("payment_id",), ("posted",)),
}


def intl_owners(env, moves=None, payments=None):
    """The module's records (one per model) that rest on ``moves`` or ``payments``."""
    owners = []
    for model, (move_fields, payment_fields, states) in INTL_OWNERS.items():
        leaves = [[(name, "in", records.ids)]
                  for records, names in ((moves, move_fields), (payments, payment_fields))
                  if records for name in names]
        if not leaves:
            continue
        # sudo: whoever presses Odoo's button, the module's record decides
        found = env[model].sudo().search(
            expression.AND([[("state", "in", states)], expression.OR(leaves)]), limit=1)
        if found:
            owners.append(found)
    return owners


def check_no_intl_owner(env, moves=None, payments=None):
    owners = intl_owners(env, moves, payments)
    if owners:
        raise UserError(env._(
            "%(record)s rests on this entry: it is reversed from %(record)s (its own action), "
            "not reset, cancelled or deleted here.", record=owners[0].display_name))


class AccountMove(models.Model):
    """Odoo's own doors on the entries the module posted (advances, advance reports,
    settlements, vendor bills of acts and fees): closed while the module's record rests on
    them; the module reverses them through its own transitions."""

    _inherit = "account.move"

    def button_draft(self):
        check_no_intl_owner(self.env, moves=self)
        return super().button_draft()

    def button_cancel(self):
        check_no_intl_owner(self.env, moves=self)
        return super().button_cancel()

    def unlink(self):
        check_no_intl_owner(self.env, moves=self)
        return super().unlink()
