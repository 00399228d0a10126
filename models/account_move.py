from odoo import api, fields, models
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

    intl_trip_id = fields.Many2one(
        "intl.trip", "Business Trip", readonly=True, index="btree_not_null", check_company=True,
        help="The business trip whose money this entry posts (advance, advance report, return, "
             "deduction, settlement, their reversals and exchange differences).")

    def button_draft(self):
        check_no_intl_owner(self.env, moves=self)
        return super().button_draft()

    def button_cancel(self):
        check_no_intl_owner(self.env, moves=self)
        return super().button_cancel()

    def unlink(self):
        check_no_intl_owner(self.env, moves=self)
        return super().unlink()

    @api.model
    def _intl_link_trip_entries(self):
        """Tag the entries of the trips' payments and advance reports with their trip (and their
        reversals and exchange differences): run at each update for the entries posted before
        the field existed; nothing to do once they are tagged."""
        trips = self.env["intl.trip"]
        for model in ("intl.trip.payment", "intl.trip.advance.report"):
            # sudo: a technical back-fill of a reference, run by the module update
            records = self.env[model].sudo().search(
                [("move_id", "!=", False), ("move_id.intl_trip_id", "=", False)])
            for trip in records.trip_id:
                moves = records.filtered(lambda r, t=trip: r.trip_id == t).move_id
                (moves | moves.reversal_move_ids).write({"intl_trip_id": trip.id})
            trips |= records.trip_id
        for trip in trips.filtered("settled_date"):
            self._intl_link_exchange_entries(trip)

    @api.model
    def _intl_link_exchange_entries(self, trip):
        """The exchange differences Odoo booked reconciling the trip's advance items are the trip's."""
        # sudo: exchange entries are created by the reconciliation, whoever reconciles
        moves = trip.sudo()._advance_exchange_moves().filtered(lambda m: not m.intl_trip_id)
        moves.write({"intl_trip_id": trip.id})
