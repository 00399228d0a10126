from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    intl_scholar_submit_days = fields.Integer(related="company_id.intl_scholar_submit_days",
                                              readonly=False)
    intl_scholar_decision_days = fields.Integer(related="company_id.intl_scholar_decision_days",
                                                readonly=False)
    intl_scholar_processing_min_days = fields.Integer(
        related="company_id.intl_scholar_processing_min_days", readonly=False)
    intl_scholar_processing_max_days = fields.Integer(
        related="company_id.intl_scholar_processing_max_days", readonly=False)
    intl_scholar_reminder_days = fields.Integer(related="company_id.intl_scholar_reminder_days",
                                                readonly=False)
    intl_scholar_fee_account_id = fields.Many2one(
        related="company_id.intl_scholar_fee_account_id", readonly=False)
    intl_scholar_fee_partner_id = fields.Many2one(
        related="company_id.intl_scholar_fee_partner_id", readonly=False)
    intl_scholar_service_account_id = fields.Many2one(
        related="company_id.intl_scholar_service_account_id", readonly=False)
    intl_scholar_purchase_journal_id = fields.Many2one(
        related="company_id.intl_scholar_purchase_journal_id", readonly=False)
    intl_scholar_payment_journal_id = fields.Many2one(
        related="company_id.intl_scholar_payment_journal_id", readonly=False)
