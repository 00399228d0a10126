from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    intl_advance_account_id = fields.Many2one(
        related="company_id.intl_advance_account_id", readonly=False)
    intl_advance_journal_id = fields.Many2one(
        related="company_id.intl_advance_journal_id", readonly=False)
    intl_reimbursement_journal_id = fields.Many2one(
        related="company_id.intl_reimbursement_journal_id", readonly=False)
    intl_expense_journal_id = fields.Many2one(
        related="company_id.intl_expense_journal_id", readonly=False)
    intl_payroll_account_id = fields.Many2one(
        related="company_id.intl_payroll_account_id", readonly=False)
    intl_trip_expense_account_id = fields.Many2one(
        related="company_id.intl_trip_expense_account_id", readonly=False)
    intl_trip_submit_days = fields.Integer(related="company_id.intl_trip_submit_days", readonly=False)
    intl_trip_report_days = fields.Integer(related="company_id.intl_trip_report_days", readonly=False)
    intl_case_explanation_days = fields.Integer(
        related="company_id.intl_case_explanation_days", readonly=False)
    intl_case_sanction_months = fields.Integer(
        related="company_id.intl_case_sanction_months", readonly=False)
    intl_case_decision_months = fields.Integer(
        related="company_id.intl_case_decision_months", readonly=False)
    intl_case_offence_months = fields.Integer(
        related="company_id.intl_case_offence_months", readonly=False)
    intl_case_absence_hours = fields.Float(
        related="company_id.intl_case_absence_hours", readonly=False)
