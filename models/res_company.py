from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    intl_advance_account_id = fields.Many2one(
        "account.account", "Employee Advances Account", check_company=True,
        help="Reconcilable account of the money advanced to travellers (1250 in the Kazakh chart).",
    )
    intl_advance_journal_id = fields.Many2one(
        "account.journal", "Advance Journal", check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
    )
    intl_reimbursement_journal_id = fields.Many2one(
        "account.journal", "Reimbursement Journal", check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
    )
    intl_expense_journal_id = fields.Many2one(
        "account.journal", "Advance Report Journal", check_company=True,
        domain="[('type', '=', 'general')]",
        help="Miscellaneous journal of the posted advance reports.",
    )
    intl_trip_expense_account_id = fields.Many2one(
        "account.account", "Default Trip Expense Account", check_company=True,
        help="Used for expense categories without their own account.",
    )
    intl_payroll_account_id = fields.Many2one(
        "account.account", "Salary Deduction Account", check_company=True,
        help="Payroll account debited when an unspent advance is deducted from the salary "
             "(3350 in the Kazakh chart).",
    )
    intl_trip_submit_days = fields.Integer("Submit Days Before Departure", default=15)
    intl_trip_report_days = fields.Integer("Report Days After Return", default=10)
    intl_case_explanation_days = fields.Integer("Explanation Working Days", default=2)
    intl_case_sanction_months = fields.Integer("Sanction Validity (Months)", default=6)
    intl_case_decision_months = fields.Integer(
        "Decision Deadline (Months)", default=1,
        help="A sanction is applied at the latest this many months after the discovery.")
    intl_case_offence_months = fields.Integer(
        "Offence Limit (Months)", default=6,
        help="A sanction is applied at the latest this many months after the offence.")
    intl_case_absence_hours = fields.Float(
        "Absence Threshold (Hours)", default=3.0,
        help="Consecutive working hours missed in one working day that make an absence "
             "without good reason (Labour Code art. 52.1.9).")

    def _intl_setup_trip_accounting(self):
        """Fill the empty trip accounting settings from the chart (1250, first bank/misc journals)."""
        for company in self:
            Account = self.env["account.account"].with_company(company)
            domain = Account._check_company_domain(company)
            vals = {}
            if not company.intl_advance_account_id:
                account = Account.search([*domain, ("code", "=like", "1250%")], limit=1)
                if account:
                    vals["intl_advance_account_id"] = account.id
            if not company.intl_payroll_account_id:
                account = Account.search([*domain, ("code", "=like", "3350%")], limit=1)
                if account:
                    vals["intl_payroll_account_id"] = account.id
            Journal = self.env["account.journal"]
            jdomain = Journal._check_company_domain(company)
            bank = Journal.search([*jdomain, ("type", "=", "bank")], limit=1)
            if not company.intl_advance_journal_id and bank:
                vals["intl_advance_journal_id"] = bank.id
            if not company.intl_reimbursement_journal_id and bank:
                vals["intl_reimbursement_journal_id"] = bank.id
            if not company.intl_expense_journal_id:
                misc = Journal.search([*jdomain, ("type", "=", "general")], limit=1)
                if misc:
                    vals["intl_expense_journal_id"] = misc.id
            if vals:
                company.write(vals)
