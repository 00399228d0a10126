from odoo import api, fields, models


class IntlTripStatementMatch(models.TransientModel):
    """Accountant matches a trip payment with the bank statement line that brought or took the money."""

    _name = "intl.trip.statement.match"
    _description = "Match a Trip Payment With the Bank"

    payment_id = fields.Many2one("intl.trip.payment", required=True)
    journal_id = fields.Many2one(related="payment_id.journal_id")
    statement_line_id = fields.Many2one(
        "account.bank.statement.line", "Bank Statement Line", required=True,
        domain="[('journal_id', '=', journal_id), ('is_reconciled', '=', False)]")
    suggested_line_ids = fields.Many2many("account.bank.statement.line",
                                          compute="_compute_suggested_line_ids")

    @api.depends("payment_id")
    def _compute_suggested_line_ids(self):
        for wizard in self:
            payment = wizard.payment_id
            sign = -1 if payment.kind in ("advance", "reimbursement") else 1
            wizard.suggested_line_ids = self.env["account.bank.statement.line"].search([
                ("journal_id", "=", payment.journal_id.id), ("is_reconciled", "=", False),
                ("amount", "=", sign * payment.amount_company),
            ], limit=20)

    def action_confirm(self):
        self.ensure_one()
        self.payment_id._match_statement_line(self.statement_line_id)
        return {"type": "ir.actions.act_window_close"}
