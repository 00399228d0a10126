from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class IntlWorkingDayTransfer(models.Model):
    """A transfer of a day off by government decree (Labour Code art. 85.3).

    The decree makes a day off (usually a Saturday) a working day and gives a
    working day off in exchange. The working day is worked with the hours of
    a weekday of each working schedule (by default the weekday of the day off
    it replaces); the day off is recorded as a public holiday
    (``resource.calendar.leaves``) owned by the transfer, so that one decree
    is one record for HR. Every working-time computation of Odoo (time off,
    planning, the missed time of a late return) sees both.
    """

    _name = "intl.working.day.transfer"
    _description = "Working Day Transfer"
    _order = "date_worked desc, id desc"
    _check_company_auto = True

    name = fields.Char("Decree", required=True,
                       help="The government decree that transfers the day off (number and date).")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company,
                                 index=True)
    calendar_id = fields.Many2one(
        "resource.calendar", "Working Hours", check_company=True,
        help="Leave empty for every working schedule of the company. A schedule that already works "
             "on that weekday (a six-day week) is not affected.")
    date_worked = fields.Date("Working Day", required=True, index=True,
                              help="The day off (usually a Saturday) that becomes a working day.")
    date_off = fields.Date("Day Off", required=True,
                           help="The working day that becomes a day off in exchange; it is "
                                "recorded among the public holidays.")
    schedule_dayofweek = fields.Selection(
        WEEKDAYS, "Worked With the Hours Of", required=True, store=True, readonly=False, precompute=True,
        compute="_compute_schedule_dayofweek",
        help="The working day follows the hours of this weekday in each working schedule "
             "(by default the weekday of the day off it replaces).")
    leave_id = fields.Many2one("resource.calendar.leaves", "Day Off Record", readonly=True,
                               copy=False, ondelete="restrict")

    @api.depends("date_off")
    def _compute_schedule_dayofweek(self):
        for transfer in self:
            if transfer.date_off:
                transfer.schedule_dayofweek = str(transfer.date_off.weekday())
            elif not transfer.schedule_dayofweek:
                transfer.schedule_dayofweek = "0"

    @api.constrains("date_worked", "date_off", "company_id", "calendar_id")
    def _check_dates(self):
        for transfer in self:
            if transfer.date_worked == transfer.date_off:
                raise ValidationError(self.env._(
                    "The working day and the day off of a transfer are two different days."))
            if self.search_count([
                    ("id", "!=", transfer.id), ("company_id", "=", transfer.company_id.id),
                    ("calendar_id", "=", transfer.calendar_id.id),
                    ("date_worked", "=", transfer.date_worked)], limit=1):
                raise ValidationError(self.env._("This day is already a transferred working day."))

    @api.model_create_multi
    def create(self, vals_list):
        transfers = super().create(vals_list)
        transfers._sync_day_off()
        self.env["resource.calendar"]._intl_sync_transfer_flags()
        # a transferred working day moves the approval steps' deadlines (cached)
        self.env["intl.approval.line"]._deadline_cache_clear()
        return transfers

    def write(self, vals):
        result = super().write(vals)
        if {"name", "company_id", "calendar_id", "date_off", "date_worked"} & set(vals):
            self._sync_day_off()
        if "company_id" in vals:
            self.env["resource.calendar"]._intl_sync_transfer_flags()
        self.env["intl.approval.line"]._deadline_cache_clear()
        return result

    def unlink(self):
        leaves = self.leave_id
        result = super().unlink()
        leaves.unlink()
        self.env["resource.calendar"]._intl_sync_transfer_flags()
        self.env["intl.approval.line"]._deadline_cache_clear()
        return result

    def _day_off_bounds(self):
        """The day off, from midnight to midnight of the schedule's time zone, in naive UTC."""
        self.ensure_one()
        calendar = self.calendar_id or self.company_id.resource_calendar_id
        tz = pytz.timezone(calendar.tz or self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(self.date_off, time.min))
        stop = tz.localize(datetime.combine(self.date_off, time.max))
        return (start.astimezone(pytz.utc).replace(tzinfo=None),
                stop.astimezone(pytz.utc).replace(tzinfo=None, microsecond=0))

    def _sync_day_off(self):
        """The day off of each transfer as a public holiday of its company (and schedule)."""
        Leave = self.env["resource.calendar.leaves"]
        for transfer in self:
            date_from, date_to = transfer._day_off_bounds()
            vals = {
                "name": self.env._("%(decree)s: day off for the working day of %(date)s",
                                   decree=transfer.name, date=format_date(self.env, transfer.date_worked)),
                "date_from": date_from, "date_to": date_to, "time_type": "leave",
                "calendar_id": transfer.calendar_id.id, "company_id": transfer.company_id.id,
                "resource_id": False,
            }
            if transfer.leave_id:
                transfer.leave_id.write(vals)
                continue
            # the bounds are already UTC for the schedule's time zone: the schedule is set after
            # the creation, which hr_holidays would otherwise shift from the user's time zone
            calendar = vals.pop("calendar_id")
            leave = Leave.create(vals)
            if calendar:
                leave.calendar_id = calendar
            transfer.leave_id = leave

    @api.model
    def _for_calendar(self, calendar, date_from, date_to):
        """The transfers whose working day falls between the two dates for ``calendar``."""
        company = calendar.company_id or self.env.company
        return self.search([
            ("company_id", "=", company.id), ("calendar_id", "in", [False, calendar.id]),
            ("date_worked", ">=", date_from - timedelta(days=1)),
            ("date_worked", "<=", date_to + timedelta(days=1)),
        ])
