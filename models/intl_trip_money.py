from odoo import api, fields, models
from odoo.exceptions import UserError


class IntlTrip(models.Model):
    """The money of a business trip: advances, advance reports, settlement, reconciliation.

    Accountants post every entry (payments and advance reports as real
    ``account.move``); the settlement returns the rest or pays the difference
    and reconciles the trip's items on the employee advances account.
    """

    _inherit = "intl.trip"

    # money
    payment_ids = fields.One2many("intl.trip.payment", "trip_id", "Payments", copy=False)
    advance_report_ids = fields.One2many("intl.trip.advance.report", "trip_id", "Advance Reports",
                                         copy=False)
    amount_advanced = fields.Monetary(compute="_compute_amounts", store=True)
    amount_spent = fields.Monetary(compute="_compute_amounts", store=True)
    amount_returned = fields.Monetary("Returned by the Traveller", compute="_compute_amounts",
                                      store=True)
    amount_reimbursed = fields.Monetary("Paid to the Traveller", compute="_compute_amounts",
                                        store=True)
    amount_balance = fields.Monetary(
        "Balance", compute="_compute_amounts", store=True,
        help="Positive: the traveller returns it; negative: the university pays it.")
    money_state = fields.Selection(
        [("none", "No Money"), ("to_pay", "Advance to Pay"), ("advanced", "Advanced"),
         ("to_approve", "Report to Approve"), ("to_settle", "To Settle"), ("settled", "Settled")],
        compute="_compute_money_state", store=True, tracking=True, index=True)
    settled_date = fields.Date(copy=False, readonly=True)

    @api.depends("payment_ids.state", "payment_ids.amount", "payment_ids.kind",
                 "advance_report_ids.state", "advance_report_ids.total_amount")
    def _compute_amounts(self):
        for trip in self:
            posted = trip.payment_ids.filtered(lambda p: p.state == "posted")
            trip.amount_advanced = sum(posted.filtered(lambda p: p.kind == "advance").mapped("amount"))
            trip.amount_returned = sum(posted.filtered(lambda p: p.kind == "return").mapped("amount"))
            trip.amount_reimbursed = sum(
                posted.filtered(lambda p: p.kind == "reimbursement").mapped("amount"))
            trip.amount_spent = sum(trip.advance_report_ids.filtered(
                lambda r: r.state == "posted").mapped("total_amount"))
            trip.amount_balance = (trip.amount_advanced + trip.amount_reimbursed
                                   - trip.amount_spent - trip.amount_returned)

    @api.depends("host_pays_all", "state", "amount_advanced", "amount_balance", "settled_date",
                 "advance_report_ids.state")
    def _compute_money_state(self):
        for trip in self:
            reports = trip.advance_report_ids
            if trip.host_pays_all or (trip.state in ("draft", "to_head", "to_dic", "to_management",
                                                     "cancel") and not trip.amount_advanced):
                trip.money_state = "none"
            elif trip.settled_date:
                trip.money_state = "settled"
            elif any(r.state == "posted" for r in reports):
                trip.money_state = "to_settle"
            elif any(r.state == "submitted" for r in reports):
                trip.money_state = "to_approve"
            elif trip.amount_advanced:
                trip.money_state = "advanced"
            else:
                trip.money_state = "to_pay"

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_pay_advance(self):
        return self._open_payment_wizard("advance")

    def _open_payment_wizard(self, kind):
        self.ensure_one()
        self._check_is_accountant()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register Payment"),
            "res_model": "intl.trip.payment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_trip_id": self.id, "default_kind": kind},
        }

    def action_new_advance_report(self):
        self.ensure_one()
        report = self.advance_report_ids.filtered(lambda r: r.state in ("draft", "submitted"))[:1]
        if not report:
            report = self.env["intl.trip.advance.report"].create({"trip_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "intl.trip.advance.report",
            "res_id": report.id,
            "view_mode": "form",
        }

    def action_settle(self):
        self._check_is_accountant()
        self._check_can_settle()
        self._do_settle()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _check_is_accountant(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_accountant"):
            raise UserError(self.env._("Only accountants post or settle trip money."))

    def _get_advance_account(self):
        self.ensure_one()
        account = self.company_id.intl_advance_account_id
        if not account:
            raise UserError(self.env._(
                "Set the employee advances account in the International Cooperation settings."))
        return account

    def _get_traveller_partner(self):
        self.ensure_one()
        partner = self.employee_id.work_contact_id
        if not partner:
            raise UserError(self.env._("%(employee)s has no contact to post entries for.",
                                       employee=self.employee_id.name))
        return partner

    def _check_can_settle(self):
        for trip in self:
            if trip.host_pays_all:
                raise UserError(self.env._("%(trip)s is paid by the host.", trip=trip.name))
            if trip.settled_date:
                raise UserError(self.env._("%(trip)s is already settled.", trip=trip.name))
            if not trip.advance_report_ids.filtered(lambda r: r.state == "posted"):
                raise UserError(self.env._("Post the advance report of %(trip)s first.",
                                           trip=trip.name))
            if trip.advance_report_ids.filtered(lambda r: r.state in ("draft", "submitted")):
                raise UserError(self.env._("An advance report of %(trip)s is still open.",
                                           trip=trip.name))

    def _do_settle(self, date=None):
        """Return the rest or pay the difference, then reconcile the trip's advance items."""
        Payment = self.env["intl.trip.payment"]
        for trip in self:
            balance = trip.currency_id.round(trip.amount_balance)
            if not trip.currency_id.is_zero(balance):
                kind = "return" if balance > 0 else "reimbursement"
                journal = (trip.company_id.intl_advance_journal_id if kind == "return"
                           else trip.company_id.intl_reimbursement_journal_id)
                Payment.create({"trip_id": trip.id, "kind": kind, "amount": abs(balance),
                                "journal_id": journal.id,
                                "date": date or fields.Date.context_today(self)})._post()
            trip._reconcile_advance_items()
            trip._lifecycle_write({"settled_date": date or fields.Date.context_today(self)})
            trip.message_post(body=self.env._("Trip money settled."), subtype_xmlid="mail.mt_note")
            trip._close_if_complete()

    def _advance_move_lines(self):
        self.ensure_one()
        moves = (self.payment_ids.move_id | self.advance_report_ids.move_id).filtered(
            lambda m: m.state == "posted")
        moves |= moves.reversal_move_ids
        account = self._get_advance_account()
        return moves.line_ids.filtered(lambda line: line.account_id == account)

    def _reconcile_advance_items(self):
        self.ensure_one()
        lines = self._advance_move_lines().filtered(lambda aml: not aml.reconciled)
        if lines:
            lines.reconcile()

    def _advance_report_missing(self):
        self.ensure_one()
        return not self.host_pays_all and not self.advance_report_ids.filtered(
            lambda r: r.state != "cancel")

