from odoo import api, fields, models
from odoo.exceptions import UserError

ACCOUNTANT = "intl_cooperation.group_intl_accountant"
PAYMENT_KINDS = [
    ("advance", "Advance"),
    ("return", "Return of the Rest"),
    ("reimbursement", "Payment of the Difference"),
]


class IntlTripPayment(models.Model):
    """Money between the university and the traveller, each with its journal entry.

    Advances and reimbursements debit the employee advances account; returns
    credit it. Entries are never deleted: a wrong payment is reversed.
    """

    _name = "intl.trip.payment"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Trip Payment"
    _order = "date, id"
    _check_company_auto = True

    trip_id = fields.Many2one("intl.trip", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one(related="trip_id.company_id", store=True)
    currency_id = fields.Many2one(related="trip_id.currency_id")
    employee_id = fields.Many2one(related="trip_id.employee_id", store=True)
    kind = fields.Selection(PAYMENT_KINDS, required=True, default="advance")
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(required=True)
    journal_id = fields.Many2one("account.journal", required=True, check_company=True,
                                 domain="[('type', 'in', ('bank', 'cash'))]")
    move_id = fields.Many2one("account.move", "Journal Entry", readonly=True, copy=False,
                              check_company=True)
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("reversed", "Reversed")],
        default="draft", required=True, readonly=True)

    _lifecycle_transitions = {
        "post": {"from": ("draft",), "to": "posted", "who": (ACCOUNTANT,)},
        "reverse": {"from": ("posted",), "to": "reversed", "who": (ACCOUNTANT,),
                    "guard": "_guard_reverse"},
    }
    _lifecycle_workflow_fields = ("move_id",)
    _lifecycle_locked_states = ("posted", "reversed")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A trip payment must be positive."),
    ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(payment.move_id for payment in self):
            raise UserError(self.env._("Posted payments are never deleted: reverse them."))

    def _prepare_move_vals(self):
        """Debit the advances account for money paid out, credit it for money returned."""
        self.ensure_one()
        trip = self.trip_id
        advance_account = trip._get_advance_account()
        cash_account = self.journal_id.default_account_id
        if not cash_account:
            raise UserError(self.env._("The journal %(journal)s has no default account.",
                                       journal=self.journal_id.display_name))
        partner = trip._get_traveller_partner()
        label = self.env._("%(kind)s: %(trip)s, %(employee)s",
                           kind=dict(self._fields["kind"]._description_selection(self.env))[self.kind],
                           trip=trip.name, employee=trip.employee_id.name)
        outgoing = self.kind in ("advance", "reimbursement")
        debit_account, credit_account = ((advance_account, cash_account) if outgoing
                                         else (cash_account, advance_account))
        return {
            "move_type": "entry",
            "journal_id": self.journal_id.id,
            "date": self.date,
            "ref": label,
            "company_id": trip.company_id.id,
            "line_ids": [
                fields.Command.create({"name": label, "account_id": debit_account.id,
                                       "partner_id": partner.id, "debit": self.amount,
                                       "credit": 0.0}),
                fields.Command.create({"name": label, "account_id": credit_account.id,
                                       "partner_id": partner.id, "debit": 0.0,
                                       "credit": self.amount}),
            ],
        }

    def _post(self):
        self.trip_id._check_is_accountant()
        for payment in self:
            if payment.state != "draft":
                raise UserError(self.env._("This payment is already posted."))
        self._lifecycle_check("post")
        for payment in self:
            move = self.env["account.move"].create(payment._prepare_move_vals())
            move.action_post()
            payment._lifecycle_do("post", {"move_id": move.id})
            payment.trip_id.message_post(
                body=self.env._("%(entry)s posted: %(amount)s",
                                entry=move.name, amount=payment.amount),
                subtype_xmlid="mail.mt_note")

    def _guard_reverse(self):
        if self.trip_id.settled_date:
            return self.env._("The trip is settled: reopen its settlement first.")
        return False

    def action_reverse(self):
        self.trip_id._check_is_accountant()
        for payment in self:
            if payment.state != "posted":
                raise UserError(self.env._("Only posted payments can be reversed."))
        self._lifecycle_check("reverse")
        for payment in self:
            payment.move_id._reverse_moves(
                [{"ref": self.env._("Reversal of %(entry)s", entry=payment.move_id.name),
                  "date": fields.Date.context_today(self)}], cancel=True)
            payment._lifecycle_do("reverse")
            payment.trip_id.message_post(
                body=self.env._("%(entry)s reversed.", entry=payment.move_id.name),
                subtype_xmlid="mail.mt_note")
