from odoo import fields, models


class HrEmployeeBase(models.AbstractModel):
    """Presence: an employee whose business trip time off covers now is on a business trip."""

    _inherit = "hr.employee.base"

    intl_on_trip = fields.Boolean("On a Business Trip", compute="_compute_intl_on_trip")

    def _compute_intl_on_trip(self):
        trip_type = self.env.ref("intl_cooperation.hr_leave_type_business_trip", raise_if_not_found=False)
        away = set()
        if trip_type and self.ids:
            now = fields.Datetime.now()
            # sudo: as hr_holidays' own presence, whoever reads the employee card sees who is away
            away = {employee.id for [employee] in self.env["hr.leave"].sudo()._read_group([
                ("employee_id", "in", self.ids), ("holiday_status_id", "=", trip_type.id),
                ("state", "=", "validate"), ("date_from", "<=", now), ("date_to", ">=", now)],
                ["employee_id"])}
        for employee in self:
            employee.intl_on_trip = employee.id in away
