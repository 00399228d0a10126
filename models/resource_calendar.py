from datetime import datetime
from itertools import chain

from pytz import timezone

from odoo import api, fields, models
from odoo.addons.resource.models.utils import float_to_time
from odoo.osv import expression


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    # read with the schedule's own row: a computation of Odoo's where no decree can apply
    # costs no query more than without the module
    intl_day_transfers = fields.Boolean(
        "Working Day Transfers Apply", readonly=True, copy=False,
        help="Set while a working day transfer (decree) exists for this schedule's company.")

    @api.model_create_multi
    def create(self, vals_list):
        calendars = super().create(vals_list)
        calendars._intl_sync_transfer_flags()
        return calendars

    def write(self, vals):
        result = super().write(vals)
        if "company_id" in vals:
            self._intl_sync_transfer_flags()
        # the approval steps' deadlines are cached per calendar
        self.env["intl.approval.line"]._deadline_cache_clear()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["intl.approval.line"]._deadline_cache_clear()
        return result

    def _intl_sync_transfer_flags(self):
        """Mark the schedules a working day transfer may apply to (those of ``self``, or every
        one when ``self`` is empty)."""
        # sudo: the decrees and the schedules are public calendar facts of every company
        companies = set(self.env["intl.working.day.transfer"].sudo().search([]).company_id.ids)
        calendars = self.sudo().with_context(active_test=False)
        if not self:
            calendars = calendars.search([])
        flagged = calendars.filtered(
            lambda c: c.company_id.id in companies if c.company_id else bool(companies))
        (calendars - flagged).filtered("intl_day_transfers").intl_day_transfers = False
        flagged.filtered(lambda c: not c.intl_day_transfers).intl_day_transfers = True

    def _attendance_intervals_batch(self, start_dt, end_dt, resources=None, domain=None, tz=None,
                                    lunch=False):
        """Add the working days made so by a decree (``intl.working.day.transfer``).

        A transferred working day is worked with the hours of the weekday its
        transfer names, in every schedule that does not already work on that
        weekday; its day off is a public holiday, subtracted as any other.
        """
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch)
        if not self.intl_day_transfers:
            return result
        # sudo: the decrees are public calendar facts, read by every working-time computation
        transfers = self.env["intl.working.day.transfer"].sudo()._for_calendar(
            self, start_dt.date(), end_dt.date())
        if not transfers:
            return result
        worked_weekdays = {int(day) for day in self.attendance_ids.filtered(
            lambda a: not a.display_type).mapped("dayofweek")}
        transfers = transfers.filtered(lambda t: t.date_worked.weekday() not in worked_weekdays)
        if not transfers:
            return result
        resources_list = [*(resources or []), self.env["resource.resource"]]
        attendances = self.env["resource.calendar.attendance"].search(expression.AND([domain or [], [
            ("calendar_id", "=", self.id),
            ("dayofweek", "in", list(set(transfers.mapped("schedule_dayofweek")))),
            ("resource_id", "in", [False, *(r.id for r in resources_list if r)]),
            ("display_type", "=", False),
            ("day_period", "=" if lunch else "!=", "lunch"),
        ]]))
        Attendance = self.env["resource.calendar.attendance"]
        for resource in resources_list:
            if resource and resource._is_flexible():
                continue
            res_tz = tz or timezone((resource or self).tz)
            start, end = start_dt.astimezone(res_tz), end_dt.astimezone(res_tz)
            extra = []
            for transfer in transfers:
                day = transfer.date_worked
                week_type = Attendance.get_week_type(day)
                for attendance in attendances:
                    if attendance.dayofweek != transfer.schedule_dayofweek \
                            or attendance.resource_id not in (resource, Attendance.resource_id) \
                            or (self.two_weeks_calendar and int(attendance.week_type) != week_type) \
                            or (attendance.date_from and day < attendance.date_from) \
                            or (attendance.date_to and attendance.date_to < day):
                        continue
                    begin = max(start, res_tz.localize(
                        datetime.combine(day, float_to_time(attendance.hour_from))))
                    stop = min(end, res_tz.localize(
                        datetime.combine(day, float_to_time(attendance.hour_to))))
                    if begin < stop:
                        extra.append((begin, stop, attendance))
            if extra:
                intervals = result[resource.id]
                result[resource.id] = type(intervals)(chain(intervals, extra))
        return result
