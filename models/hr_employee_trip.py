from odoo import fields, models


class HrEmployee(models.Model):
    """Trip and disciplinary case counters for the employee's smart buttons."""

    _inherit = "hr.employee"

    intl_trip_count = fields.Integer(compute="_compute_intl_trip_count",
                                     groups="intl_cooperation.group_intl_requester")
    # HR's only (a disciplinary matter); the other counters are on the public profile too
    # (hr_employee_public.py): a field of hr.employee neither public nor HR's breaks every
    # user's read of the employees (hr refuses it on public profiles)
    intl_case_count = fields.Integer(compute="_compute_intl_trip_count",
                                     groups="intl_cooperation.group_intl_hr")

    def _compute_intl_trip_count(self):
        trips = dict(self.env["intl.trip"]._read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]))
        cases = dict(self.env["intl.disciplinary.case"]._read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]))
        for employee in self:
            employee.intl_trip_count = trips.get(employee, 0)
            employee.intl_case_count = cases.get(employee, 0)

    def action_intl_trips(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("intl_cooperation.intl_trip_action")
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def action_intl_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "intl_cooperation.intl_disciplinary_case_action")
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
