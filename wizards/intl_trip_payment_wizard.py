from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.intl_trip_payment import PAYMENT_KINDS


class IntlTripPaymentWizard(models.TransientModel):
    """Accountant pays an advance (any active currency) or registers its return or deduction.

    The default advance is the estimate total (categories the host pays are not
    in it) in the chosen currency, less what was already advanced.
    """

    _name = "intl.trip.payment.wizard"
    _description = "Trip Payment Wizard"

    trip_id = fields.Many2one("intl.trip", required=True)
    company_id = fields.Many2one(related="trip_id.company_id")
    kind = fields.Selection(PAYMENT_KINDS, required=True, default="advance")
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_currency_id", store=True, readonly=False, required=True,
        precompute=True,
        domain="[('active', '=', True)]")
    currency_locked = fields.Boolean(compute="_compute_currency_id", store=True, precompute=True)
    amount = fields.Monetary(compute="_compute_amount", store=True, readonly=False, precompute=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        "account.journal", compute="_compute_journal_id", store=True, readonly=False,
        required=True, precompute=True, domain="[('type', 'in', journal_types), ('company_id', '=', company_id)]")
    journal_types = fields.Json(compute="_compute_journal_types")

    @api.depends("trip_id")
    def _compute_currency_id(self):
        for wizard in self:
            trip = wizard.trip_id
            posted = trip.payment_ids.filtered(lambda p: p.state == "posted")
            wizard.currency_locked = bool(posted)
            if posted:
                wizard.currency_id = trip.money_currency_id
                continue
            currencies = trip.estimate_line_ids.currency_id
            wizard.currency_id = currencies if len(currencies) == 1 else trip.currency_id

    @api.depends("trip_id", "kind", "currency_id", "date")
    def _compute_amount(self):
        for wizard in self:
            trip = wizard.trip_id
            if not wizard.currency_id or not trip:
                wizard.amount = 0.0
            elif wizard.kind == "advance":
                lines = trip.estimate_line_ids
                same = lines.filtered(lambda line, w=wizard: line.currency_id == w.currency_id)
                other = lines - same
                estimate = sum(same.mapped("amount"))
                if other:
                    estimate += trip.currency_id._intl_convert(
                        sum(other.mapped("amount_company")), wizard.currency_id, trip.company_id,
                        wizard.date or fields.Date.context_today(wizard))
                advanced = trip.amount_advanced if wizard.currency_locked else 0.0
                wizard.amount = wizard.currency_id.round(max(estimate - advanced, 0.0))
            else:
                wizard.amount = abs(trip.amount_balance)

    @api.depends("kind")
    def _compute_journal_types(self):
        for wizard in self:
            wizard.journal_types = ["general"] if wizard.kind == "deduction" else ["bank", "cash"]

    @api.depends("trip_id", "kind")
    def _compute_journal_id(self):
        for wizard in self:
            company = wizard.trip_id.company_id
            wizard.journal_id = {
                "reimbursement": company.intl_reimbursement_journal_id,
                "deduction": company.intl_expense_journal_id,
            }.get(wizard.kind, company.intl_advance_journal_id)

    def action_confirm(self):
        self.ensure_one()
        trip = self.trip_id
        trip._check_is_accountant()
        if self.amount <= 0:
            raise UserError(self.env._("The amount must be positive."))
        if self.kind in ("return", "deduction") and self.currency_id.compare_amounts(
                self.amount, trip.amount_balance) > 0:
            raise UserError(self.env._("%(trip)s has only %(amount)s %(currency)s to return.",
                                       trip=trip.name, amount=trip.amount_balance,
                                       currency=trip.money_currency_id.name))
        self.env["intl.trip.payment"].create({
            "trip_id": trip.id, "kind": self.kind, "amount": self.amount, "date": self.date,
            "journal_id": self.journal_id.id, "currency_id": self.currency_id.id,
        })._post()
        return {"type": "ir.actions.act_window_close"}
