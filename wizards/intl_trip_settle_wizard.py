from odoo import api, fields, models

SETTLE_METHODS = [
    ("return", "Returned by the Traveller"),
    ("deduction", "Deducted From the Salary"),
]


class IntlTripSettleWizard(models.TransientModel):
    """Accountant settles a trip: how the balance moves, through which journal and on which date."""

    _name = "intl.trip.settle.wizard"
    _description = "Settle Trip Money"

    trip_id = fields.Many2one("intl.trip", required=True)
    company_id = fields.Many2one(related="trip_id.company_id")
    currency_id = fields.Many2one(related="trip_id.money_currency_id")
    amount_balance = fields.Monetary(related="trip_id.amount_balance")
    method = fields.Selection(SETTLE_METHODS, "The Rest Is", default="return", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today,
                       help="The date of the bank or cash movement (or of the deduction).")
    journal_id = fields.Many2one(
        "account.journal", compute="_compute_journal_id", store=True, readonly=False,
        domain="[('type', 'in', journal_types), ('company_id', '=', company_id)]")
    journal_types = fields.Json(compute="_compute_journal_types")

    @api.depends("method", "amount_balance")
    def _compute_journal_types(self):
        for wizard in self:
            deduction = wizard.method == "deduction" and wizard.amount_balance > 0
            wizard.journal_types = ["general"] if deduction else ["bank", "cash"]

    @api.depends("trip_id", "method", "amount_balance")
    def _compute_journal_id(self):
        for wizard in self:
            company = wizard.trip_id.company_id
            if wizard.amount_balance < 0:
                wizard.journal_id = company.intl_reimbursement_journal_id
            elif wizard.method == "deduction":
                wizard.journal_id = company.intl_expense_journal_id
            else:
                wizard.journal_id = company.intl_advance_journal_id

    def action_confirm(self):
        self.ensure_one()
        trip = self.trip_id
        trip._check_is_accountant()
        trip._check_can_settle()
        trip._do_settle(method=self.method, journal=self.journal_id or None, date=self.date)
        return {"type": "ir.actions.act_window_close"}
