from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date

from ..models.intl_trip_payment import PAYMENT_KINDS
from ..tools.numbers import DAYS, count_text


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
    currency_locked = fields.Boolean(compute="_compute_currency_locked", store=True, precompute=True)
    amount = fields.Monetary(compute="_compute_amount", store=True, readonly=False, precompute=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        "account.journal", compute="_compute_journal_id", store=True, readonly=False,
        required=True, precompute=True, domain="[('type', 'in', journal_types), ('company_id', '=', company_id)]")
    journal_types = fields.Json(compute="_compute_journal_types")
    partner_id = fields.Many2one("res.partner", "Recipient", compute="_compute_partner",
                                 help="The traveller's work contact: the payment goes to or from them.")
    partner_bank_id = fields.Many2one("res.partner.bank", "Bank Account", compute="_compute_partner")
    rate_note = fields.Char("Exchange Rate", compute="_compute_rate_note")
    rate_warning = fields.Char(compute="_compute_rate_note")

    @api.depends("trip_id")
    def _compute_partner(self):
        for wizard in self:
            # sudo: the accountant sees whom the money goes to, and their bank account
            partner = wizard.trip_id.sudo().employee_id.work_contact_id
            wizard.partner_id = partner
            wizard.partner_bank_id = wizard.trip_id.sudo().employee_id.bank_account_id \
                or partner.bank_ids[:1]

    @api.depends("currency_id", "date", "trip_id")
    def _compute_rate_note(self):
        max_age = int(self.env["ir.config_parameter"].sudo().get_param(
            "intl_cooperation.rate_max_age_days", "7") or 7)
        for wizard in self:
            company = wizard.trip_id.company_id or self.env.company
            currency = wizard.currency_id
            wizard.rate_note = wizard.rate_warning = False
            if not currency or currency == company.currency_id:
                continue
            date = wizard.date or fields.Date.context_today(wizard)
            # sudo: rates are public data
            rate = self.env["res.currency.rate"].sudo().search([
                ("currency_id", "=", currency.id), ("name", "<=", date),
                ("company_id", "in", [False, company.root_id.id])], order="name desc", limit=1)
            if not rate:
                wizard.rate_warning = self.env._(
                    "No exchange rate of %(currency)s on or before %(date)s.",
                    currency=currency.name, date=format_date(self.env, date))
                continue
            wizard.rate_note = self.env._(
                "1 %(currency)s = %(amount)s (rate of %(date)s)", currency=currency.name,
                amount=format_amount(self.env, rate.inverse_company_rate, company.currency_id),
                date=format_date(self.env, rate.name))
            if (date - rate.name).days > max_age:
                wizard.rate_warning = self.env._(
                    "The rate of %(currency)s is of %(date)s, more than %(days)s old: update it "
                    "before posting.", currency=currency.name, date=format_date(self.env, rate.name),
                    days=count_text(self.env, max_age, DAYS))

    @api.depends("trip_id")
    def _compute_currency_locked(self):
        for wizard in self:
            wizard.currency_locked = bool(wizard.trip_id.payment_ids.filtered(lambda p: p.state == "posted"))

    # apart from currency_locked: computing that one at creation must not overwrite a currency given
    # (the amount would be proposed in the estimate's currency and paid in the one given)
    @api.depends("trip_id")
    def _compute_currency_id(self):
        for wizard in self:
            trip = wizard.trip_id
            posted = trip.payment_ids.filtered(lambda p: p.state == "posted")
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
                wizard.amount = trip._intl_advance_remaining(
                    wizard.currency_id, wizard.date or fields.Date.context_today(wizard))
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
        payment = self.env["intl.trip.payment"].create({
            "trip_id": trip.id, "kind": self.kind, "amount": self.amount, "date": self.date,
            "journal_id": self.journal_id.id, "currency_id": self.currency_id.id,
        })
        payment._post()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(kind)s posted: %(entry)s, %(amount)s, %(partner)s.", kind=kinds[self.kind],
                    entry=payment.move_id.name,
                    amount=format_amount(self.env, payment.amount, payment.currency_id),
                    partner=self.partner_id.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
