from odoo import api, models


class ResourceCalendarAttendance(models.Model):
    _inherit = "resource.calendar.attendance"

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        # the approval steps' deadlines are cached per calendar (intl.approval.line._deadline_after);
        # the hours of a calendar created in this transaction have no deadline cached yet
        now = self.env.cr.now()
        if any(calendar.create_date != now for calendar in attendances.calendar_id):
            self.env["intl.approval.line"]._deadline_cache_clear()
        return attendances

    def write(self, vals):
        result = super().write(vals)
        self.env["intl.approval.line"]._deadline_cache_clear()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["intl.approval.line"]._deadline_cache_clear()
        return result
