from odoo import api, models
from odoo.exceptions import AccessError

# who keeps the working time: HR of the module, Odoo's time-off officers and managers
WORKING_TIME_GROUPS = ("intl_cooperation.group_intl_hr", "hr_holidays.group_hr_holidays_user",
                       "hr.group_hr_user")


class ResourceCalendarLeaves(models.Model):
    """Working time belongs to HR.

    Odoo lets every internal user create, change and delete working-time
    leaves; the absence of a traveller is measured on them. Here only HR (and
    Odoo's own code, e.g. the validation of a time off, which runs as
    superuser) writes them.
    """

    _inherit = "resource.calendar.leaves"

    def _intl_check_working_time_keeper(self, records=True):
        # nothing to change, nothing to refuse: Odoo's time off removes the working-time leaves of
        # its validated requests, none when there are none (a leave manager approving a request,
        # hr_holidays' test_leave_manager_to_validate_by_user)
        if not records or self.env.su or any(self.env.user.has_group(group) for group in WORKING_TIME_GROUPS):
            return
        raise AccessError(self.env._(
            "Working time is HR's: ask HR or request a time off to change it."))

    @api.model_create_multi
    def create(self, vals_list):
        self._intl_check_working_time_keeper(vals_list)
        leaves = super().create(vals_list)
        leaves._intl_public_holidays_changed()
        return leaves

    def write(self, vals):
        self._intl_check_working_time_keeper(self)
        self._intl_public_holidays_changed()
        result = super().write(vals)
        self._intl_public_holidays_changed()
        return result

    def unlink(self):
        self._intl_check_working_time_keeper(self)
        self._intl_public_holidays_changed()
        return super().unlink()

    def _intl_public_holidays_changed(self):
        """A public holiday (a leave of no resource) moves the approval steps' deadlines,
        which are cached (``intl.approval.line._deadline_after``); a person's time off does not."""
        if any(not leave.resource_id for leave in self):
            self.env["intl.approval.line"]._deadline_cache_clear()
