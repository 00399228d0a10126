from odoo import fields, models

from .intl_per_diem_rate import JOB_GRADES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    intl_institute_id = fields.Many2one(
        "hr.department", "Institute", related="department_id.intl_institute_id",
        store=True, index=True,
    )
    intl_job_grade = fields.Selection(
        JOB_GRADES, "Trip Norm Grade",
        help="The job grade of the per-diem and accommodation norms of business trips.")
    intl_agreement_count = fields.Integer("Agreement Count", compute="_compute_intl_agreement_count")

    def _compute_intl_agreement_count(self):
        counts = dict(self.env["intl.agreement"]._read_group(
            [("contact_employee_ids", "in", self.ids)], ["contact_employee_ids"], ["__count"]
        ))
        for employee in self:
            employee.intl_agreement_count = counts.get(employee, 0)

    def action_open_intl_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("intl_cooperation.intl_agreement_action")
        action["domain"] = [("contact_employee_ids", "in", self.id)]
        action["context"] = {"default_contact_employee_ids": [self.id]}
        return action
