from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    intl_report_open_day = fields.Integer(
        "Annual Report Opens On (December Day)", default=1,
        help="DP 717 §7.1: the day of December when the year's report is opened for the DIC "
             "Director.")
    intl_report_deadline_day = fields.Integer(
        "Rector's Approval Due (December Day)", default=25,
        help="The day of December by which the rector approves the annual report.")
    intl_report_reminder_days = fields.Integer(
        "Report Reminder Days Before the Deadline", default=5)

    @api.constrains("intl_report_open_day", "intl_report_deadline_day", "intl_report_reminder_days")
    def _check_intl_report_days(self):
        for company in self:
            if not (1 <= company.intl_report_open_day <= company.intl_report_deadline_day <= 31):
                raise ValidationError(self.env._(
                    "The annual report opens on a day of December before the rector's deadline "
                    "(days 1 to 31)."))
            if company.intl_report_reminder_days < 0:
                raise ValidationError(self.env._("The reminder days cannot be negative."))
