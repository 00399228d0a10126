from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    intl_institute_id = fields.Many2one(
        "hr.department", "Institute", related="department_id.intl_institute_id",
        store=True, index=True,
    )
