from odoo import api, fields, models
from odoo.exceptions import UserError


class IntlTripExtension(models.Model):
    """A request to extend an approved trip: approved through the route of purpose 'extension'."""

    _name = "intl.trip.extension"
    _description = "Trip Extension"
    _order = "trip_id, id desc"

    trip_id = fields.Many2one("intl.trip", required=True, ondelete="cascade", index=True)
    date_to = fields.Date("New End Date", required=True)
    previous_date_to = fields.Date("Previous End Date", readonly=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending", required=True, readonly=True)
    decision_note = fields.Text(readonly=True)
    requested_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        trips = self.env["intl.trip"].browse([vals.get("trip_id") for vals in vals_list])
        for vals, trip in zip(vals_list, trips, strict=False):
            vals["previous_date_to"] = trip.approved_date_to
        extensions = super().create(vals_list)
        extensions._check_can_request()
        for extension in extensions:
            extension.trip_id._approval_submit("extension")
        return extensions

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Extension requests are kept as the trip's history."))

    def _check_can_request(self):
        today = fields.Date.context_today(self)
        for extension in self:
            trip = extension.trip_id
            if trip.state != "approved":
                raise UserError(self.env._("Only an approved trip under way can be extended."))
            if today > trip.approved_date_to:
                raise UserError(self.env._(
                    "The approved period of %(trip)s ended on %(date)s: an extension must be "
                    "requested before the end.", trip=trip.name, date=trip.approved_date_to))
            if extension.date_to <= trip.approved_date_to:
                raise UserError(self.env._("The new end date must be after the approved one."))
            if len(trip.extension_ids.filtered(lambda e: e.state == "pending")) > 1:
                raise UserError(self.env._("An extension of %(trip)s is already being decided.",
                                           trip=trip.name))

    def action_request(self):
        """The record is created by the form's save; nothing more to do."""
        return {"type": "ir.actions.act_window_close"}
