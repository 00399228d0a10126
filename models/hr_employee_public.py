from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    intl_institute_id = fields.Many2one("hr.department", "Institute", readonly=True)
