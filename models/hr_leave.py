from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrLeave(models.Model):
    """Time off of the business trips: only a trip's order makes one."""

    _inherit = "hr.leave"

    intl_trip_id = fields.Many2one("intl.trip", "Business Trip", readonly=True, index="btree_not_null",
                                   ondelete="set null", copy=False)

    @api.constrains("holiday_status_id", "intl_trip_id")
    def _check_intl_trip_type(self):
        trip_type = self.env.ref("intl_cooperation.hr_leave_type_business_trip", raise_if_not_found=False)
        for leave in self:
            if trip_type and leave.holiday_status_id == trip_type and not leave.intl_trip_id:
                raise ValidationError(self.env._(
                    "Business trip time off is recorded by the order of a business trip, not requested."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("intl_trip_id") for vals in vals_list):
            raise ValidationError(self.env._(
                "Business trip time off is recorded by the order of a business trip, not requested."))
        return super().create(vals_list)

    def write(self, vals):
        if "intl_trip_id" in vals and not self.env.su:
            raise ValidationError(self.env._(
                "Business trip time off is recorded by the order of a business trip, not requested."))
        return super().write(vals)
