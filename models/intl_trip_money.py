from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


class IntlTrip(models.Model):
    """The money of a business trip: funding, advances, advance reports, settlement.

    Accountants post every entry: payments through Odoo's payments (matched
    later with the bank statement), advance reports as journal entries. The
    employee advances account (1250) keeps the trip's items in the currency of
    its advances; the settlement returns, deducts or pays the balance and
    reconciles those items, Odoo booking the exchange difference. Every item
    carries the analytic distribution of the trip's funding.
    """

    _inherit = "intl.trip"

    # funding
    funding_line_ids = fields.One2many("intl.trip.funding.line", "trip_id", "Funding", copy=True)
    host_category_ids = fields.Many2many(
        "intl.trip.expense.category", "intl_trip_host_category_rel", "trip_id", "category_id",
        string="Paid by the Host",
        help="Expense categories the host pays: they are left out of the estimate and the advance.")
    no_advance = fields.Boolean(
        compute="_compute_no_advance", store=True,
        help="The host pays everything or the traveller uses personal funds: no advance, "
             "no advance report.")
    # money
    payment_ids = fields.One2many("intl.trip.payment", "trip_id", "Payments", copy=False)
    advance_report_ids = fields.One2many("intl.trip.advance.report", "trip_id", "Advance Reports",
                                         copy=False)
    money_currency_id = fields.Many2one(
        "res.currency", "Advance Currency", compute="_compute_money_currency_id", store=True,
        help="The currency of the trip's advances; the advance reports and the settlement use it.")
    amount_advanced = fields.Monetary(compute="_compute_amounts", store=True,
                                      currency_field="money_currency_id")
    amount_spent = fields.Monetary(compute="_compute_amounts", store=True,
                                   currency_field="money_currency_id")
    amount_returned = fields.Monetary("Returned by the Traveller", compute="_compute_amounts",
                                      store=True, currency_field="money_currency_id")
    amount_deducted = fields.Monetary("Deducted From the Salary", compute="_compute_amounts",
                                      store=True, currency_field="money_currency_id")
    amount_reimbursed = fields.Monetary("Paid to the Traveller", compute="_compute_amounts",
                                        store=True, currency_field="money_currency_id")
    amount_balance = fields.Monetary(
        "Balance", compute="_compute_amounts", store=True, currency_field="money_currency_id",
        help="Positive: the traveller returns it; negative: the university pays it.")
    # the tenge equivalents: what the books hold, summable across trips in different currencies
    amount_advanced_company = fields.Monetary(
        "Advanced in Tenge", compute="_compute_amounts", store=True, currency_field="currency_id",
        help="The advances at their booked value in the company currency.")
    amount_spent_company = fields.Monetary(
        "Spent in Tenge", compute="_compute_amounts", store=True, currency_field="currency_id",
        help="The approved advance reports at their booked value in the company currency.")
    amount_balance_company = fields.Monetary(
        "Balance in Tenge", compute="_compute_amounts", store=True, currency_field="currency_id",
        help="The balance at the booked values in the company currency (exchange differences "
             "are booked apart when the trip is settled).")
    money_state = fields.Selection(
        [("none", "No Money"), ("to_pay", "Advance to Pay"), ("advanced", "Advanced"),
         ("to_approve", "Report to Approve"), ("to_settle", "To Settle"), ("settled", "Settled")],
        compute="_compute_money_state", store=True, tracking=True, index=True)
    settled_date = fields.Date(copy=False, readonly=True)
    amount_to_advance = fields.Monetary(
        "Advance to Pay", compute="_compute_amount_to_advance",
        help="The approved estimate not yet advanced to the traveller.")

    @api.depends("funding_source_id.host_pays_all", "funding_source_id.no_advance")
    def _compute_no_advance(self):
        for trip in self:
            trip.no_advance = trip.funding_source_id.host_pays_all or trip.funding_source_id.no_advance

    @api.depends("payment_ids.state", "payment_ids.currency_id", "company_id.currency_id")
    def _compute_money_currency_id(self):
        for trip in self:
            posted = trip.payment_ids.filtered(lambda p: p.state == "posted")
            trip.money_currency_id = posted[:1].currency_id or trip.company_id.currency_id

    @api.depends("payment_ids.state", "payment_ids.amount", "payment_ids.kind",
                 "payment_ids.amount_company", "advance_report_ids.state",
                 "advance_report_ids.total_amount", "advance_report_ids.total_amount_company")
    def _compute_amounts(self):
        for trip in self:
            posted = trip.payment_ids.filtered(lambda p: p.state == "posted")

            def total(kind, payments=posted, field="amount"):
                return sum(payments.filtered(lambda p: p.kind == kind).mapped(field))

            reports = trip.advance_report_ids.filtered(lambda r: r.state == "posted")
            trip.amount_advanced_company = total("advance", field="amount_company")
            trip.amount_spent_company = sum(reports.mapped("total_amount_company"))
            trip.amount_balance_company = (
                trip.amount_advanced_company + total("reimbursement", field="amount_company")
                - trip.amount_spent_company - total("return", field="amount_company")
                - total("deduction", field="amount_company"))

            trip.amount_advanced = total("advance")
            trip.amount_returned = total("return")
            trip.amount_deducted = total("deduction")
            trip.amount_reimbursed = total("reimbursement")
            trip.amount_spent = sum(trip.advance_report_ids.filtered(
                lambda r: r.state == "posted").mapped("total_amount"))
            trip.amount_balance = (trip.amount_advanced + trip.amount_reimbursed
                                   - trip.amount_spent - trip.amount_returned - trip.amount_deducted)

    @api.depends("estimate_total", "payment_ids.state", "payment_ids.amount_company", "payment_ids.amount",
                 "payment_ids.currency_id", "no_advance", "state")
    def _compute_amount_to_advance(self):
        """In company currency, as the estimate. Advances paid in another currency: what the
        payment wizard still proposes in that currency, at today's rate; their booked tenge would
        leave a remainder the wizard does not pay (or hide one it pays) once the rate moved."""
        today = fields.Date.context_today(self)
        for trip in self:
            if trip.state not in ("approved", "returned") or trip.no_advance:
                trip.amount_to_advance = 0.0
                continue
            advances = trip.payment_ids.filtered(lambda p: p.state == "posted" and p.kind == "advance")
            tenge, currency = trip.company_id.currency_id, trip.money_currency_id
            if not advances or currency == tenge:
                trip.amount_to_advance = max(trip.estimate_total - sum(advances.mapped("amount_company")), 0.0)
                continue
            remaining = trip._intl_advance_remaining(currency, today, strict=False)
            trip.amount_to_advance = currency._convert(remaining, tenge, trip.company_id, today) if remaining else 0.0

    def _intl_advance_remaining(self, currency, date, strict=True):
        """What the trip may still be advanced in ``currency`` on ``date``: the wizard proposes
        it, the posting refuses more (checked again there: a colleague may have paid meanwhile).
        ``strict``: refuse to convert without a rate (money), else convert as Odoo does (display)."""
        self.ensure_one()
        return currency.round(max(self._intl_estimate_in(currency, date, strict)
                                  - self._intl_advanced_in(currency, strict), 0.0))

    def _intl_estimate_in(self, currency, date, strict=True):
        """The estimate in ``currency`` on ``date``: its lines in that currency at their amount,
        the others at their tenge value (the approved estimate) converted at the rate of ``date``."""
        self.ensure_one()
        company = self.company_id
        lines = self.estimate_line_ids
        same = lines.filtered(lambda line: line.currency_id == currency)
        other = lines - same
        estimate = sum(same.mapped("amount"))
        if other:
            convert = company.currency_id._intl_convert if strict else company.currency_id._convert
            estimate += convert(sum(other.mapped("amount_company")), currency, company, date)
        return estimate

    def _intl_advanced_in(self, currency, strict=True):
        """The advances posted, in ``currency``: at their amount (a trip's money is in one
        currency); one in another currency would count at the rate of its own date."""
        self.ensure_one()
        company = self.company_id
        advanced = 0.0
        for payment in self.payment_ids.filtered(lambda p: p.state == "posted" and p.kind == "advance"):
            if payment.currency_id == currency:
                advanced += payment.amount
                continue
            convert = payment.currency_id._intl_convert if strict else payment.currency_id._convert
            advanced += convert(payment.amount, currency, company, payment.date)
        return advanced

    @api.depends("no_advance", "state", "amount_advanced", "amount_balance", "settled_date",
                 "advance_report_ids.state")
    def _compute_money_state(self):
        for trip in self:
            if trip.no_advance or (trip.state in ("draft", "to_head", "to_dic", "to_management",
                                                  "cancel") and not trip.amount_advanced):
                trip.money_state = "none"
                # (the reports are read only when they decide: not at each approval step)
                continue
            reports = trip.advance_report_ids
            if trip.settled_date:
                trip.money_state = "settled"
            elif any(r.state == "posted" for r in reports):
                trip.money_state = "to_settle"
            elif any(r.state == "submitted" for r in reports):
                trip.money_state = "to_approve"
            elif trip.amount_advanced:
                trip.money_state = "advanced"
            else:
                trip.money_state = "to_pay"

    @api.constrains("funding_line_ids")
    def _check_funding_lines(self):
        for trip in self:
            shares = trip.funding_line_ids.filtered("share")
            if shares and (len(shares) != len(trip.funding_line_ids)
                           or abs(sum(shares.mapped("share")) - 100.0) > 0.01):
                raise ValidationError(self.env._(
                    "The funding shares of %(trip)s must add up to 100 %% (or give amounts only).",
                    trip=trip.name))

    @api.constrains("host_category_ids", "estimate_line_ids")
    def _check_host_categories(self):
        for trip in self:
            paid = trip.estimate_line_ids.category_id & trip.host_category_ids
            if paid:
                raise ValidationError(self.env._(
                    "The host pays %(categories)s: leave them out of the estimate of %(trip)s.",
                    categories=", ".join(paid.mapped("name")), trip=trip.name))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_pay_advance(self):
        return self._open_payment_wizard("advance")

    def action_return_advance(self):
        """Register the return (or deduction) of an advance outside the settlement (cancelled trip)."""
        return self._open_payment_wizard("return")

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
        if self.no_advance:
            raise UserError(self.env._("%(trip)s needs no advance report (host or personal funds).",
                                       trip=self.name))
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
        self.ensure_one()
        self._check_is_accountant()
        self._check_can_settle()
        return self._lifecycle_open_wizard("intl.trip.settle.wizard", self.env._("Settle"),
                                           {"default_trip_id": self.id})

    def action_cancel(self):
        result = super().action_cancel()
        today = fields.Date.context_today(self)
        for trip in self.filtered(lambda t: t.state == "cancel" and t.payment_ids.filtered(
                lambda p: p.state == "posted")):
            # sudo: closing the returned advance's items is the accounting consequence of the
            # cancellation (the guard made sure they add up to zero), whoever cancels
            trip.sudo()._reconcile_advance_items()
            trip._lifecycle_write({"settled_date": today})
        return result

    def action_reopen_settlement(self):
        self._check_is_accountant()
        self._check_can_reopen_settlement()
        self._do_reopen_settlement()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _check_is_accountant(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_accountant"):
            raise UserError(self.env._("Only accountants post or settle trip money."))
        # separation of duties: nobody pays, posts or settles a trip that concerns them
        self._lifecycle_check_may_act()

    def _get_advance_account(self):
        self.ensure_one()
        account = self.company_id.intl_advance_account_id
        if not account:
            raise UserError(self.env._(
                "Set the employee advances account in the International Cooperation settings."))
        if not account.reconcile:
            raise UserError(self.env._("The employee advances account %(account)s must allow "
                                       "reconciliation.", account=account.display_name))
        return account

    def _get_traveller_partner(self):
        self.ensure_one()
        # sudo: the contact of the traveller is read to post their entries, whoever posts
        partner = self.sudo().employee_id.work_contact_id
        if not partner:
            raise UserError(self.env._("%(employee)s has no contact to post entries for.",
                                       employee=self.employee_id.name))
        return partner.with_env(self.env)

    def _analytic_distribution(self):
        """``{analytic account id: percent}`` of the trip's funding (empty without analytics)."""
        self.ensure_one()
        lines = self.funding_line_ids.filtered("analytic_account_id")
        if not lines:
            account = self.funding_source_id.analytic_account_id
            return {str(account.id): 100.0} if account else {}
        if all(line.share for line in self.funding_line_ids):
            weights = {line: line.share for line in lines}
            total = 100.0
        else:
            weights = {line: line.amount for line in lines}
            total = sum(self.funding_line_ids.mapped("amount"))
        if not total:
            return {}
        distribution = {}
        for line, weight in weights.items():
            key = str(line.analytic_account_id.id)
            distribution[key] = distribution.get(key, 0.0) + round(weight * 100.0 / total, 2)
        return distribution

    def _check_can_settle(self):
        for trip in self:
            if trip.no_advance:
                raise UserError(self.env._("%(trip)s needs no advance (host or personal funds).",
                                           trip=trip.name))
            if trip.settled_date:
                raise UserError(self.env._("%(trip)s is already settled.", trip=trip.name))
            if not trip.advance_report_ids.filtered(lambda r: r.state == "posted"):
                raise UserError(self.env._("Post the advance report of %(trip)s first.",
                                           trip=trip.name))
            if trip.advance_report_ids.filtered(lambda r: r.state in ("draft", "submitted")):
                raise UserError(self.env._("An advance report of %(trip)s is still open.",
                                           trip=trip.name))

    def _do_settle(self, method="return", journal=None, date=None):
        """Return, deduct or pay the balance, then reconcile the trip's advance items.

        ``method`` is ``return`` (the traveller pays back, an inbound payment) or
        ``deduction`` (from the salary) for a positive balance; a negative one is
        always paid to the traveller.
        """
        Payment = self.env["intl.trip.payment"]
        date = date or fields.Date.context_today(self)
        for trip in self:
            currency = trip.money_currency_id
            balance = currency.round(trip.amount_balance)
            if not currency.is_zero(balance):
                if balance < 0:
                    kind = "reimbursement"
                    default_journal = trip.company_id.intl_reimbursement_journal_id
                elif method == "deduction":
                    kind = "deduction"
                    default_journal = trip.company_id.intl_expense_journal_id
                else:
                    kind = "return"
                    default_journal = trip.company_id.intl_advance_journal_id
                payment = Payment.create({
                    "trip_id": trip.id, "kind": kind, "amount": abs(balance),
                    "currency_id": currency.id, "journal_id": (journal or default_journal).id,
                    "date": date})
                payment._lifecycle_write({"is_settlement": True})
                payment._post()
            trip._reconcile_advance_items()
            trip._lifecycle_write({"settled_date": date})
            trip._intl_message_post(_lt("Trip money settled."), subtype_xmlid="mail.mt_note")
            trip._close_if_complete()

    def _check_can_reopen_settlement(self):
        for trip in self:
            if not trip.settled_date:
                raise UserError(self.env._("%(trip)s is not settled.", trip=trip.name))
            matched = trip.payment_ids.filtered(
                lambda p: p.is_settlement and p.state == "posted" and p.is_matched)
            if matched:
                raise UserError(self.env._(
                    "The settlement payment of %(trip)s is matched with the bank: undo the matching "
                    "first.", trip=trip.name))

    def _do_reopen_settlement(self):
        """Undo the reconciliation (and its exchange difference), reverse the settlement payment."""
        for trip in self:
            lines = trip._advance_move_lines().filtered("reconciled")
            lines.remove_move_reconcile()
            trip._lifecycle_write({"settled_date": False})
            trip.payment_ids.filtered(lambda p: p.is_settlement and p.state == "posted")._do_reverse()
            trip._intl_message_post(_lt("Settlement reopened: the advance items are open again."),
                                    subtype_xmlid="mail.mt_note")

    def _advance_move_lines(self):
        self.ensure_one()
        moves = (self.payment_ids.move_id | self.advance_report_ids.move_id).filtered(
            lambda m: m.state == "posted")
        moves |= moves.reversal_move_ids
        account = self._get_advance_account()
        return moves.line_ids.filtered(lambda line: line.account_id == account)

    def _advance_exchange_moves(self, lines=None):
        """The exchange-difference entries Odoo booked when reconciling the advance items."""
        self.ensure_one()
        lines = self._advance_move_lines() if lines is None else lines
        partials = lines.matched_debit_ids | lines.matched_credit_ids
        return partials.exchange_move_id | lines.full_reconcile_id.exchange_move_id

    def _reconcile_advance_items(self):
        self.ensure_one()
        lines = self._advance_move_lines().filtered(lambda aml: not aml.reconciled)
        if lines:
            lines.reconcile()
            self.env["account.move"]._intl_link_exchange_entries(self)

    def _advance_report_missing(self):
        self.ensure_one()
        return not self.no_advance and not self.advance_report_ids.filtered(
            lambda r: r.state != "cancel")

    def _norm_days(self):
        """Calendar days of the approved period, or of the shorter actual one once returned."""
        self.ensure_one()
        start = self.approved_date_from or self.date_departure
        end = self.approved_date_to or self.date_return
        if self.date_return_actual and end and self.date_return_actual < end:
            end = self.date_return_actual
        if not start or not end:
            return 0
        return max((end - start).days + 1, 0)

    def _find_norm(self, kind):
        """The per-diem norm or accommodation limit of the trip's place, traveller and date."""
        self.ensure_one()
        # sudo: the traveller's job and norm grade are read to find the norm that applies
        employee = self.sudo().employee_id
        return self.env["intl.per.diem.rate"]._find_rate(
            self.country_id, self.approved_date_from or self.date_departure, employee.job_id,
            self.company_id, kind=kind, city=self.city, grade=employee.intl_job_grade)

    def _advance_print_values(self):
        """What the printed advance report shows: posted reports and payments, correspondence."""
        self.ensure_one()
        reports = self.advance_report_ids.filtered(lambda r: r.state == "posted")
        payments = self.payment_ids.filtered(lambda p: p.state == "posted")
        # sudo: the printed form of the traveller's own trip shows the accounts of its posted
        # entries (and their exchange differences) to whoever may print it
        moves = (payments.move_id | reports.move_id).sudo()
        # sudo: the advances account and its exchange moves are read for the same printed form
        lines = moves.line_ids.filtered(lambda line: line.account_id == self.sudo()._get_advance_account())
        moves |= self.sudo()._advance_exchange_moves(lines)
        correspondence = defaultdict(float)
        for move in moves.filtered(lambda m: m.state == "posted"):
            debits = move.line_ids.filtered(lambda line: line.balance > 0)
            credits = move.line_ids.filtered(lambda line: line.balance < 0)
            total = -sum(credits.mapped("balance"))
            for debit in debits:
                for credit in credits:
                    key = (debit.account_id.code, credit.account_id.code)
                    correspondence[key] += debit.balance * -credit.balance / total if total else 0.0
        by_kind = {kind: payments.filtered(lambda p, k=kind: p.kind == k)
                   for kind in ("advance", "return", "deduction", "reimbursement")}
        return {
            "reports": reports,
            "lines": reports.line_ids,
            "payments": by_kind,
            "correspondence": [
                {"debit": debit, "credit": credit, "amount": self.currency_id.round(amount)}
                for (debit, credit), amount in sorted(correspondence.items())
                if not self.currency_id.is_zero(amount)],
        }
