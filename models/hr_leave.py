from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

from ..tools.numbers import DAYS, count_text
from .intl_lifecycle_mixin import _LIFECYCLE_KEY, _LIFECYCLE_TOKEN

# what a time off is: who, which type, which days, in which status
_FACT_FIELDS = {"state", "employee_id", "holiday_status_id", "request_date_from", "request_date_to",
                "date_from", "date_to", "number_of_days", "active"}


class HrLeave(models.Model):
    """Time off the module records: a business trip's (only the trip's order makes one) and the
    'Absence without good reason' of a disciplinary case, which is the case's: Odoo's refuse,
    reset, cancel and delete are closed on it, whoever presses them; the case changes it itself
    (a confirmed return, a closing for a good reason)."""

    _inherit = "hr.leave"

    intl_trip_id = fields.Many2one("intl.trip", "Business Trip", readonly=True, index="btree_not_null",
                                   ondelete="set null", copy=False)

    @api.depends_context("lang")
    def _compute_display_name(self):
        """Odoo stores the duration text in the language of whoever recorded the time off: the
        module's time off (a trip's, a case's absence) read it in the reader's language."""
        result = super()._compute_display_name()
        types = self.env["hr.leave.type"].browse([
            ref.id for ref in (self.env.ref(xmlid, raise_if_not_found=False) for xmlid in (
                "intl_cooperation.hr_leave_type_business_trip", "intl_cooperation.hr_leave_type_absence"))
            if ref])
        for leave in self:
            stored = leave.duration_display
            if leave.holiday_status_id not in types or not stored or not leave.display_name:
                continue
            if leave.leave_type_request_unit == "hour":
                continue
            days = float_round(leave.number_of_days, precision_digits=2)
            # the unit agrees with the number in the reader's language (1 день, 2 дня, 5 дней)
            fresh = count_text(self.env, days, DAYS)
            leave.display_name = leave.display_name.replace(stored, fresh, 1)
        return result

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

    def write(self, values):
        if "intl_trip_id" in values and not self.env.su:
            raise ValidationError(self.env._(
                "Business trip time off is recorded by the order of a business trip, not requested."))
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

    def _intl_check_case_leave(self):
        if self.env.context.get(_LIFECYCLE_KEY) is _LIFECYCLE_TOKEN or not self.ids:
            return
        # sudo: whoever touches the time off, the case decides
        case = self.env["intl.disciplinary.case"].sudo().search([("leave_ids", "in", self.ids)], limit=1)
        if case:
            raise UserError(self.env._(
                "This time off records the absence of %(case)s: it changes with the case only.",
                case=case.display_name))
