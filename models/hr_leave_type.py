from odoo import fields, models


class HrLeaveType(models.Model):
    _inherit = "hr.leave.type"

    intl_timesheet_code = fields.Char(
        "Timesheet Code",
        help="The code of this time off in the working time sheet (e.g. К for a business trip).")
