from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_amount
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from ..tools.amounts import check_amounts

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

ACCOUNTANT = "intl_cooperation.group_intl_accountant"
PAYMENT_KINDS = [
    ("advance", "Advance"),
    ("return", "Return of the Rest"),
    ("deduction", "Salary Deduction"),
    ("reimbursement", "Payment of the Difference"),
]
OUTBOUND_KINDS = ("advance", "reimbursement")


class IntlTripPayment(models.Model):
    """Money between the university and the traveller, each with its journal entry.

    Advances, returns and reimbursements are Odoo payments (``account.payment``)
    to or from the traveller's contact: their outstanding item is matched with
    the bank statement line that really arrives. The payment's counterpart is
    the employee advances account (1250), in the payment's currency. A salary
    deduction is a journal entry from the advances to the payroll account
    (3350). Entries are never deleted: a wrong payment is reversed.
    """

    _name = "intl.trip.payment"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Trip Payment"
    _order = "date, id"
    _check_company_auto = True

    trip_id = fields.Many2one("intl.trip", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one(related="trip_id.company_id", store=True)
    company_currency_id = fields.Many2one(related="trip_id.currency_id", string="Company Currency")
    currency_id = fields.Many2one(
        "res.currency", required=True, domain="[('active', '=', True)]",
        default=lambda self: self.env.company.currency_id)
    employee_id = fields.Many2one(related="trip_id.employee_id", store=True)
    kind = fields.Selection(PAYMENT_KINDS, required=True, default="advance")
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(required=True)
    amount_company = fields.Monetary(
        "Amount (Company Currency)", compute="_compute_amount_company", store=True,
        currency_field="company_currency_id")
    journal_id = fields.Many2one("account.journal", required=True, check_company=True,
                                 domain="[('type', 'in', ('bank', 'cash', 'general'))]")
    is_settlement = fields.Boolean(readonly=True, copy=False,
                                   help="Made by the settlement (reversed when it is reopened).")
    account_payment_id = fields.Many2one("account.payment", "Payment", readonly=True, copy=False,
                                         check_company=True, groups="account.group_account_invoice")
    is_matched = fields.Boolean("Matched With the Bank", compute="_compute_is_matched",
                                help="The bank statement line of this payment is reconciled with it.")
    move_id = fields.Many2one("account.move", "Journal Entry", readonly=True, copy=False,
                              check_company=True)
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("reversed", "Reversed")],
        default="draft", required=True, readonly=True)

    _lifecycle_transitions = {
        "post": {"from": ("draft",), "to": "posted", "who": (ACCOUNTANT,), "guard": "_guard_post"},
        "reverse": {"from": ("posted",), "to": "reversed", "who": (ACCOUNTANT,),
                    "guard": "_guard_reverse"},
    }
    _lifecycle_workflow_fields = ("move_id", "account_payment_id", "is_settlement")
    _lifecycle_substance = ("kind", "date", "amount", "currency_id", "journal_id")
    _lifecycle_parent_field = "trip_id"
    _lifecycle_locked_states = ("posted", "reversed")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A trip payment must be positive."),
    ]

    @api.depends("move_id.line_ids.balance", "state")
    def _compute_amount_company(self):
        for payment in self:
            # sudo: the traveller sees the amount of their own payments, not the journal items
            lines = payment.sudo().move_id.line_ids
            payment.amount_company = sum(line.debit for line in lines)

    def _compute_is_matched(self):
        # sudo: whether the bank line arrived is shown to whoever sees the trip payment
        for payment in self:
            payment.is_matched = bool(payment.sudo().account_payment_id.is_matched)

    @api.constrains("amount")
    def _check_amount(self):
        check_amounts(self, ("amount",))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(payment.move_id for payment in self):
            raise UserError(self.env._("Posted payments are never deleted: reverse them."))

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------

    def _guard_post(self):
        trip = self.trip_id
        if self.trip_id.no_advance and self.kind != "return":
            return self.env._("%(trip)s needs no advance (host or personal funds).", trip=trip.name)
        currency = trip.money_currency_id
        if trip.payment_ids.filtered(lambda p: p.state == "posted") and self.currency_id != currency:
            return self.env._("The money of %(trip)s is in %(currency)s: pay in that currency.",
                              trip=trip.name, currency=currency.name)
        if not self.currency_id.active:
            return self.env._("Activate the currency %(currency)s first (Accounting > Configuration > "
                              "Currencies).", currency=self.currency_id.name)
        if self.kind == "advance" and trip.state not in ("approved", "returned"):
            return self.env._("Advances are paid on approved trips only.")
        if trip.settled_date:
            return self.env._("%(trip)s is already settled.", trip=trip.name)
        if self.kind == "advance" and self.state == "draft":
            # checked at posting, not only when the wizard opened: a colleague may have paid since
            remaining = trip._intl_advance_remaining(self.currency_id, self.date)
            if self.currency_id.compare_amounts(self.amount, remaining) > 0:
                return self.env._(
                    "%(trip)s has %(remaining)s left to advance on its estimate, less than %(amount)s: "
                    "a colleague may have paid it meanwhile (reload the trip).", trip=trip.name,
                    remaining=format_amount(self.env, remaining, self.currency_id),
                    amount=format_amount(self.env, self.amount, self.currency_id))
        if self.kind == "deduction" and self.journal_id.type != "general":
            return self.env._("A salary deduction is booked in a miscellaneous journal.")
        if self.kind != "deduction" and self.journal_id.type not in ("bank", "cash"):
            return self.env._("Money paid or received goes through a bank or cash journal.")
        return False

    def _post(self):
        self.trip_id._check_is_accountant()
        for payment in self:
            if payment.state != "draft":
                raise UserError(self.env._("This payment is already posted."))
        # one statement that updates the trips' rows: of two postings on one trip at the same time
        # the later waits, then fails to serialize and Odoo retries it, its guard seeing the first
        self.env.cr.execute(SQL("UPDATE intl_trip SET id = id WHERE id IN %s", tuple(self.trip_id.ids)))
        for payment in self:
            # one by one: the guard of each sees the advances posted before it
            payment._lifecycle_check("post")
            payment.currency_id._intl_check_rate(payment.company_id, payment.date)
            if payment.kind == "deduction":
                move = self.env["account.move"].create(payment._prepare_deduction_move_vals())
                move.action_post()
                vals = {"move_id": move.id}
            else:
                account_payment = payment._create_account_payment()
                move = account_payment.move_id
                vals = {"move_id": move.id, "account_payment_id": account_payment.id}
            payment._lifecycle_do("post", vals)
            payment.trip_id._intl_message_post(
                _lt("%(entry)s posted: %(amount)s", entry=move.name,
                    amount=intl_message.amount(payment.amount, payment.currency_id)),
                subtype_xmlid="mail.mt_note")

    def _label(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return self.env._("%(kind)s: %(trip)s, %(employee)s", kind=kinds[self.kind],
                          trip=self.trip_id.name, employee=self.trip_id.employee_id.name)

    def _create_account_payment(self):
        """An Odoo payment from or to the traveller, posted, with the trip's analytic distribution."""
        self.ensure_one()
        trip = self.trip_id
        outbound = self.kind in OUTBOUND_KINDS
        account_payment = self.env["account.payment"].create({
            "payment_type": "outbound" if outbound else "inbound",
            "partner_type": "supplier" if outbound else "customer",
            "partner_id": trip._get_traveller_partner().id,
            "company_id": trip.company_id.id,
            "journal_id": self.journal_id.id,
            "date": self.date,
            "amount": self.amount,
            "currency_id": self.currency_id.id,
            "destination_account_id": trip._get_advance_account().id,
            "memo": self._label(),
        })
        if not account_payment.outstanding_account_id:
            raise UserError(self.env._(
                "The journal %(journal)s has no outstanding payments or receipts account.",
                journal=self.journal_id.display_name))
        account_payment._generate_journal_entry()
        account_payment.move_id.intl_trip_id = trip
        distribution = trip._analytic_distribution()
        if distribution:
            account_payment.move_id.line_ids.write({"analytic_distribution": distribution})
        account_payment.action_post()
        return account_payment

    def _prepare_deduction_move_vals(self):
        """Debit the payroll account, credit the advances in the advance currency."""
        self.ensure_one()
        trip = self.trip_id
        company = trip.company_id
        payroll = company.intl_payroll_account_id
        if not payroll:
            raise UserError(self.env._(
                "Set the salary deduction account in the International Cooperation settings."))
        partner = trip._get_traveller_partner()
        balance = self.currency_id._intl_convert(self.amount, company.currency_id, company, self.date)
        label = self._label()
        distribution = trip._analytic_distribution() or False
        return {
            "move_type": "entry",
            "journal_id": self.journal_id.id,
            "date": self.date,
            "ref": label,
            "company_id": company.id,
            "intl_trip_id": trip.id,
            "line_ids": [
                fields.Command.create({
                    "name": label, "account_id": payroll.id, "partner_id": partner.id,
                    "balance": balance, "analytic_distribution": distribution}),
                fields.Command.create({
                    "name": label, "account_id": trip._get_advance_account().id,
                    "partner_id": partner.id, "currency_id": self.currency_id.id,
                    "amount_currency": -self.amount, "balance": -balance,
                    "analytic_distribution": distribution}),
            ],
        }

    # ------------------------------------------------------------------
    # Reversal and bank matching
    # ------------------------------------------------------------------

    def _guard_reverse(self):
        if self.trip_id.settled_date:
            return self.env._("The trip is settled: reopen its settlement first.")
        if self.is_matched:
            return self.env._("%(payment)s is matched with a bank statement line: undo the "
                              "matching first.", payment=self.move_id.name)
        return False

    def action_reverse(self):
        self.trip_id._check_is_accountant()
        for payment in self:
            if payment.state != "posted":
                raise UserError(self.env._("Only posted payments can be reversed."))
        self._lifecycle_check("reverse")
        self._do_reverse()

    def _do_reverse(self):
        for payment in self:
            payment.move_id._reverse_moves(
                [{"ref": self.env._("Reversal of %(entry)s", entry=payment.move_id.name),
                  "date": fields.Date.context_today(self)}], cancel=True)
            payment._lifecycle_do("reverse")
            payment.trip_id._intl_message_post(
                _lt("%(entry)s reversed.", entry=payment.move_id.name),
                subtype_xmlid="mail.mt_note")

    def action_match_statement_line(self):
        self.ensure_one()
        self.trip_id._check_is_accountant()
        return self._lifecycle_open_wizard(
            "intl.trip.statement.match", self.env._("Match With a Bank Statement Line"),
            {"default_payment_id": self.id})

    def _match_statement_line(self, statement_line):
        """Reconcile the outstanding item of the payment with a bank statement line.

        What Odoo community offers without the bank reconciliation widget: the
        statement line's suspense item moves to the payment's outstanding
        account and both items are reconciled.
        """
        self.ensure_one()
        self.trip_id._check_is_accountant()
        account_payment = self.account_payment_id
        if self.state != "posted" or not account_payment:
            raise UserError(self.env._("Only a posted payment is matched with the bank."))
        if statement_line.is_reconciled:
            raise UserError(self.env._("This bank statement line is already reconciled."))
        liquidity, _counterpart, _other = account_payment._seek_for_lines()
        liquidity = liquidity.filtered(lambda line: not line.reconciled)
        if not liquidity:
            raise UserError(self.env._("%(payment)s is already matched.",
                                       payment=account_payment.name))
        sign = 1 if account_payment.payment_type == "inbound" else -1
        st_currency = statement_line.foreign_currency_id or statement_line.currency_id
        st_amount = (statement_line.amount_currency if statement_line.foreign_currency_id
                     else statement_line.amount)
        if statement_line.journal_id != account_payment.journal_id or st_currency != self.currency_id \
                or st_currency.compare_amounts(st_amount, sign * self.amount):
            raise UserError(self.env._(
                "The statement line does not match the payment (journal, currency or amount)."))
        _st_liquidity, suspense, _st_other = statement_line.with_context(
            skip_account_move_synchronization=True)._seek_for_lines()
        if not suspense:
            raise UserError(self.env._("This bank statement line has nothing left to match."))
        suspense.with_context(skip_account_move_synchronization=True).write(
            {"account_id": liquidity.account_id.id, "partner_id": liquidity.partner_id.id})
        (suspense + liquidity).reconcile()
        self.trip_id._intl_message_post(
            _lt("%(payment)s matched with the bank statement line %(line)s.",
                payment=account_payment.name, line=statement_line),
            subtype_xmlid="mail.mt_note")
