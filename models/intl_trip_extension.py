from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools.numbers import DAYS, count_text

# An extension longer than this is not an extension but a new trip.
MAX_EXTENSION_DAYS = 366


class IntlTripExtension(models.Model):
    """A request to extend an approved trip: approved through the route of purpose 'extension'."""

    _name = "intl.trip.extension"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Trip Extension"
    _check_company_auto = True
    _order = "trip_id, id desc"

    trip_id = fields.Many2one("intl.trip", required=True, ondelete="cascade", index=True,
                              check_company=True)
    company_id = fields.Many2one(related="trip_id.company_id", store=True, index=True)
    date_to = fields.Date("New End Date", required=True)
    previous_date_to = fields.Date("Previous End Date", readonly=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending", required=True, readonly=True)
    decision_note = fields.Text(readonly=True)
    requested_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)

    _lifecycle_transitions = {
        "approve": {"from": ("pending",), "to": "approved", "who": ("approval",)},
        "reject": {"from": ("pending",), "to": "rejected", "who": ("approval",)},
    }
    _lifecycle_workflow_fields = ("previous_date_to", "decision_note", "requested_by_id")
    # the request as the approvers see it: never changes (a new request instead)
    _lifecycle_substance = ("date_to", "reason")
    _lifecycle_substance_open = ()
    _lifecycle_parent_field = "trip_id"

    def _lifecycle_subject_users(self):
        return super()._lifecycle_subject_users() | self.requested_by_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_request_vals(vals)
        trips = self.env["intl.trip"].browse([vals.get("trip_id") for vals in vals_list])
        for trip in trips:
            if self.env.user not in trip._lifecycle_requester_users() \
                    and not self.env.user.has_group("intl_cooperation.group_intl_officer"):
                raise UserError(self.env._("Only the traveller or DIC requests an extension of %(trip)s.",
                                           trip=trip.name))
        extensions = super().create(vals_list)
        # who asked and the previous end are the engine's record, not the requester's;
        # sudo: requesters have no write access on extensions once created
        extensions.sudo()._lifecycle_write({"requested_by_id": self.env.uid})
        for extension in extensions:
            # sudo: as above, the previous end is the engine's record
            extension.sudo()._lifecycle_write({"previous_date_to": extension.trip_id.approved_date_to})
        extensions._check_can_request()
        for extension in extensions:
            extension.trip_id._approval_submit("extension")
        return extensions

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Extension requests are kept as the trip's history."))

    @api.model
    def _check_request_vals(self, vals):
        """Refuse a request without a usable new end date with a clear error."""
        try:
            date_to = fields.Date.to_date(vals.get("date_to"))
        except (TypeError, ValueError, OverflowError):
            date_to = None
        if not date_to:
            raise UserError(self.env._("Enter the new end date of the trip as a valid date."))
        vals["date_to"] = date_to

    def _check_can_request(self):
        today = fields.Date.context_today(self)
        for extension in self:
            trip = extension.trip_id
            if trip.state != "approved":
                raise UserError(self.env._("Only an approved trip under way can be extended."))
            if today > trip.approved_date_to:
                raise UserError(self.env._(
                    "The approved period of %(trip)s ended on %(date)s: an extension must be "
                    "requested before the end.", trip=trip.name,
                    date=format_date(self.env, trip.approved_date_to)))
            if extension.date_to <= trip.approved_date_to:
                raise UserError(self.env._("The new end date must be after the approved one."))
            if extension.date_to > trip.approved_date_to + timedelta(days=MAX_EXTENSION_DAYS):
                raise UserError(self.env._(
                    "An extension of more than %(days)s is not an extension: apply for a new trip.",
                    days=count_text(self.env, MAX_EXTENSION_DAYS, DAYS)))
            if len(trip.extension_ids.filtered(lambda e: e.state == "pending")) > 1:
                raise UserError(self.env._("An extension of %(trip)s is already being decided.",
                                           trip=trip.name))

    def action_request(self):
        """The record is created by the form's save; nothing more to do."""
        return {"type": "ir.actions.act_window_close"}
