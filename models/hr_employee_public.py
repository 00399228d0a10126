from odoo import fields, models

from .intl_per_diem_rate import JOB_GRADES


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    intl_institute_id = fields.Many2one("hr.department", "Institute", readonly=True)
    intl_job_grade = fields.Selection(JOB_GRADES, "Trip Norm Grade", readonly=True)
