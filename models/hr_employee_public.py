from odoo import fields, models

from .intl_per_diem_rate import JOB_GRADES


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    intl_institute_id = fields.Many2one("hr.department", "Institute", readonly=True)
    intl_job_grade = fields.Selection(JOB_GRADES, "Trip Norm Grade", readonly=True)

    # the counters of the employee form, on the public profile as well: a user who is not an
    # HR officer reads employees through hr.employee.public, and a field of hr.employee missing
    # here makes every such read fail (Odoo's hr test_employee_fields_groups); the counts follow
    # the reader's access to the trips and agreements
    intl_trip_count = fields.Integer(compute="_compute_intl_counts",
                                     groups="intl_cooperation.group_intl_requester")
    intl_agreement_count = fields.Integer("Agreement Count", compute="_compute_intl_counts",
                                          groups="intl_cooperation.group_intl_requester")

    def _compute_intl_counts(self):
        trips = {employee.id: count for employee, count in self.env["intl.trip"]._read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["__count"])}
        agreements = {employee.id: count for employee, count in self.env["intl.agreement"]._read_group(
            [("contact_employee_ids", "in", self.ids)], ["contact_employee_ids"], ["__count"])}
        for employee in self:
            employee.intl_trip_count = trips.get(employee.id, 0)
            employee.intl_agreement_count = agreements.get(employee.id, 0)
