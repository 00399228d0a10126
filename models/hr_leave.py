from odoo import models
from odoo.exceptions import UserError

from .intl_lifecycle_mixin import _LIFECYCLE_KEY, _LIFECYCLE_TOKEN

# what a time off is: who, which type, which days, in which status
_FACT_FIELDS = {"state", "employee_id", "holiday_status_id", "request_date_from", "request_date_to",
                "date_from", "date_to", "number_of_days", "active"}


class HrLeave(models.Model):
    """The time off 'Absence without good reason' a disciplinary case records is the case's:
    Odoo's refuse, reset, cancel and delete are closed on it, whoever presses them; the case
    changes it itself (a confirmed return, a closing for a good reason)."""

    _inherit = "hr.leave"

    def _intl_check_case_leave(self):
        if self.env.context.get(_LIFECYCLE_KEY) is _LIFECYCLE_TOKEN or not self.ids:
            return
        # sudo: whoever touches the time off, the case decides
        case = self.env["intl.disciplinary.case"].sudo().search([("leave_ids", "in", self.ids)], limit=1)
        if case:
            raise UserError(self.env._(
                "This time off records the absence of %(case)s: it changes with the case only.",
                case=case.display_name))

    def write(self, values):
        if _FACT_FIELDS & set(values):
            self._intl_check_case_leave()
        return super().write(values)

    def unlink(self):
        self._intl_check_case_leave()
        return super().unlink()

    def action_refuse(self):
        self._intl_check_case_leave()
        return super().action_refuse()

    def action_reset_confirm(self):
        self._intl_check_case_leave()
        return super().action_reset_confirm()

    def action_cancel(self):
        self._intl_check_case_leave()
        return super().action_cancel()

    def _action_user_cancel(self, reason):
        self._intl_check_case_leave()
        return super()._action_user_cancel(reason)
