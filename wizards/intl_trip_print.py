from odoo import fields, models
from odoo.exceptions import UserError

TRIP_REPORTS = [
    ("application", "Application (601-03)"),
    ("estimate", "Cost estimate"),
    ("order", "Order extract"),
    ("assignment", "Assignment report (717-02)"),
    ("advance", "Advance report"),
]
REPORT_REFS = {
    "application": "intl_cooperation.action_report_intl_trip_application",
    "estimate": "intl_cooperation.action_report_intl_trip_estimate",
    "order": "intl_cooperation.action_report_intl_trip_order",
    "assignment": "intl_cooperation.action_report_intl_trip_assignment",
    "advance": "intl_cooperation.action_report_intl_trip_advance",
}


class IntlTripPrint(models.TransientModel):
    """Print a trip form in the language chosen now (kk, ru or en)."""

    _name = "intl.trip.print"
    _inherit = ["intl.print.wizard.mixin"]
    _description = "Print Trip Form"

    trip_id = fields.Many2one("intl.trip", required=True)
    report = fields.Selection(TRIP_REPORTS, required=True, default="application")
    def _get_report_and_docs(self):
        self.ensure_one()
        trip = self.trip_id
        if self.report == "order" and not trip.order_number:
            raise UserError(self.env._("%(trip)s has no order yet.", trip=trip.name))
        if self.report == "advance" and not trip.advance_report_ids.filtered(
                lambda r: r.state != "cancel"):
            raise UserError(self.env._("%(trip)s has no advance report.", trip=trip.name))
        if self.report == "assignment" and trip.state not in ("returned", "done"):
            raise UserError(self.env._("%(trip)s has not returned yet.", trip=trip.name))
        return self.env.ref(REPORT_REFS[self.report]), trip
