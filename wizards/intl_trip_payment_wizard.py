from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.intl_trip_payment import PAYMENT_KINDS


class IntlTripPaymentWizard(models.TransientModel):
    """Accountant pays an advance (default: the estimate total, less what was already advanced)."""

    _name = "intl.trip.payment.wizard"
    _description = "Trip Payment Wizard"

    trip_id = fields.Many2one("intl.trip", required=True)
    company_id = fields.Many2one(related="trip_id.company_id")
    currency_id = fields.Many2one(related="trip_id.currency_id")
    kind = fields.Selection(PAYMENT_KINDS, required=True, default="advance")
    amount = fields.Monetary(compute="_compute_amount", store=True, readonly=False)
    date = fields.Date(required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        "account.journal", compute="_compute_journal_id", store=True, readonly=False,
        required=True, domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]")

    @api.depends("trip_id", "kind")
    def _compute_amount(self):
        for wizard in self:
            trip = wizard.trip_id
            if wizard.kind == "advance":
                wizard.amount = max(trip.estimate_total - trip.amount_advanced, 0.0)
            else:
                wizard.amount = abs(trip.amount_balance)

    @api.depends("trip_id", "kind")
    def _compute_journal_id(self):
        for wizard in self:
            company = wizard.trip_id.company_id
            wizard.journal_id = (company.intl_reimbursement_journal_id
                                 if wizard.kind == "reimbursement"
                                 else company.intl_advance_journal_id)

    def action_confirm(self):
        trip = self.trip_id
        trip._check_is_accountant()
        if trip.host_pays_all:
            raise UserError(self.env._("%(trip)s is paid by the host.", trip=trip.name))
        if self.kind == "advance" and trip.state not in ("approved", "returned"):
            raise UserError(self.env._("Advances are paid on approved trips only."))
        if trip.settled_date:
            raise UserError(self.env._("%(trip)s is already settled.", trip=trip.name))
        if self.amount <= 0:
            raise UserError(self.env._("The amount must be positive."))
        self.env["intl.trip.payment"].create({
            "trip_id": trip.id, "kind": self.kind, "amount": self.amount, "date": self.date,
            "journal_id": self.journal_id.id,
        })._post()
        return {"type": "ir.actions.act_window_close"}
