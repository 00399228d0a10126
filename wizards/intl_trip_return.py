from odoo import api, fields, models


class IntlTripReturn(models.TransientModel):
    """Report (traveller, with evidence) or confirm (unit head, HR) the return of a trip."""

    _name = "intl.trip.return"
    _description = "Trip Return"

    trip_id = fields.Many2one("intl.trip", required=True)
    mode = fields.Selection([("propose", "Report"), ("confirm", "Confirm")], required=True,
                            default="confirm")
    return_at = fields.Datetime("Back At Work", required=True, default=fields.Datetime.now,
                                help="When the traveller is back at work (or arrived, when the "
                                     "arrival is after the working day).")
    proposed_at = fields.Datetime(related="trip_id.return_proposed_at", string="Proposed Return")
    evidence = fields.Binary(help="The boarding pass or the passport stamp.")
    evidence_name = fields.Char("File Name")
    note = fields.Text()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        trip = self.env["intl.trip"].browse(values.get("trip_id"))
        if values.get("mode") == "confirm" and trip.return_proposed_at:
            values["return_at"] = trip.return_proposed_at
        return values

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "propose":
            self.trip_id._propose_return(self.return_at, self.evidence, self.evidence_name, self.note)
        else:
            self.trip_id._register_return(self.return_at)
        return {"type": "ir.actions.act_window_close"}
