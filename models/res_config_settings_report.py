from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    intl_report_open_day = fields.Integer(related="company_id.intl_report_open_day", readonly=False)
    intl_report_deadline_day = fields.Integer(related="company_id.intl_report_deadline_day",
                                              readonly=False)
    intl_report_reminder_days = fields.Integer(related="company_id.intl_report_reminder_days",
                                               readonly=False)
