from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    intl_scholar_submit_days = fields.Integer(
        "Scholar File Days Before Arrival", default=40,
        help="DP 717 §5.5: the inviting unit gives DIC every document this many days before arrival.")
    intl_scholar_decision_days = fields.Integer("DIC Decision Days", default=3)
    intl_scholar_processing_min_days = fields.Integer("Invitation Processing From (Days)", default=7)
    intl_scholar_processing_max_days = fields.Integer("Invitation Processing Until (Days)", default=10)
    intl_scholar_reminder_days = fields.Integer(
        "Visa Reminder Days", default=14,
        help="Remind DIC this many days before a visa or a migration registration expires.")
    intl_scholar_fee_account_id = fields.Many2one(
        "account.account", "State Fee Expense Account", check_company=True)
    intl_scholar_fee_partner_id = fields.Many2one(
        "res.partner", "State Fee Recipient", help="The state revenue body the duties are paid to.")
    intl_scholar_service_account_id = fields.Many2one(
        "account.account", "Scholar Services Expense Account", check_company=True)
    intl_scholar_purchase_journal_id = fields.Many2one(
        "account.journal", "Scholar Bills Journal", check_company=True,
        domain="[('type', '=', 'purchase')]")
    intl_scholar_payment_journal_id = fields.Many2one(
        "account.journal", "Scholar Payments Journal", check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]")

    def _intl_scholar_accounting(self):
        """The scholar accounting settings, filled from the chart when empty (raises when missing)."""
        self.ensure_one()
        Journal = self.env["account.journal"]
        jdomain = Journal._check_company_domain(self)
        vals = {}
        if not self.intl_scholar_purchase_journal_id:
            vals["intl_scholar_purchase_journal_id"] = Journal.search(
                [*jdomain, ("type", "=", "purchase")], limit=1).id
        if not self.intl_scholar_payment_journal_id:
            vals["intl_scholar_payment_journal_id"] = Journal.search(
                [*jdomain, ("type", "=", "bank")], limit=1).id
        vals = {key: value for key, value in vals.items() if value}
        if vals:
            # sudo: completing the company's own settings from its chart (read by the accountant)
            self.sudo().write(vals)
        return self
