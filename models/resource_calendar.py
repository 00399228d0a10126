from datetime import datetime
from itertools import chain

from pytz import timezone

from odoo import models
from odoo.addons.resource.models.utils import float_to_time
from odoo.osv import expression


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _attendance_intervals_batch(self, start_dt, end_dt, resources=None, domain=None, tz=None,
                                    lunch=False):
        """Add the working days made so by a decree (``intl.working.day.transfer``).

        A transferred working day is worked with the hours of the weekday its
        transfer names, in every schedule that does not already work on that
        weekday; its day off is a public holiday, subtracted as any other.
        """
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch)
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
