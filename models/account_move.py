from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    intl_trip_id = fields.Many2one(
        "intl.trip", "Business Trip", readonly=True, index="btree_not_null", check_company=True,
        help="The business trip whose money this entry posts (advance, advance report, return, "
             "deduction, settlement, their reversals and exchange differences).")

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
