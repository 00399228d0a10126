from datetime import timedelta

import pytz

from odoo import fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

TIME_OFF_STATES = ("approved", "returned", "done")


class IntlTrip(models.Model):
    """The trip in timekeeping: the approved period as time off *Business trip*.

    The order creates it (validated by the order), an approved extension
    extends it, the confirmed return shortens it (or lengthens it after a
    late extension) to the days really away within the approved period, a
    cancellation cancels it. Days after the approved period are the
    absence's time off (intl.disciplinary.case), so the two never overlap;
    the employee's other time off is left as it is (the trip goes around it).
    """

    _inherit = "intl.trip"

    time_off_ids = fields.One2many("hr.leave", "intl_trip_id", "Time Off (Business Trip)",
                                   groups="hr_holidays.group_hr_holidays_user,intl_cooperation.group_intl_hr")
    time_off_count = fields.Integer(
        "Time Off", compute="_compute_time_off_count",
        help="The trip's business trip time off the user may read (the traveller's own, their "
             "unit's for its time off officer, every one for HR).")

    def _compute_time_off_count(self):
        counts = {}
        Leave = self.env["hr.leave"]
        if self.ids and Leave.has_access("read"):
            # as the user: the record rules of the time off count what they may open
            counts = dict(Leave._read_group([("intl_trip_id", "in", self.ids)], ["intl_trip_id"], ["__count"]))
        for trip in self:
            trip.time_off_count = counts.get(trip, 0)

    def action_view_time_off(self):
        """The trip's time off in Time Off's own views (what the user may read of it)."""
        self.ensure_one()
        leaves = self.env["hr.leave"].search([("intl_trip_id", "=", self.id)])
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Time Off: %(trip)s", trip=self.name),
            "res_model": "hr.leave",
            "domain": [("intl_trip_id", "=", self.id)],
            "context": {"create": False},
        }
        if len(leaves) == 1:
            action.update(view_mode="form", res_id=leaves.id,
                          views=[(self.env.ref("hr_holidays.hr_leave_view_form").id, "form")])
        else:
            action.update(view_mode="list,form", views=[
                (self.env.ref("hr_holidays.hr_leave_view_tree").id, "list"),
                (self.env.ref("hr_holidays.hr_leave_view_form").id, "form")])
        return action

    def _time_off_days(self):
        """The calendar days of the trip to record as business trip time off."""
        self.ensure_one()
        if self.state not in TIME_OFF_STATES or not self.approved_date_from or not self.approved_date_to:
            return []
        end = self.approved_date_to
        if self.return_at:
            end = min(end, self._time_off_last_day_away())
        start = self.approved_date_from
        return [start + timedelta(days=n) for n in range((end - start).days + 1)]

    def _time_off_last_day_away(self):
        """The day of the confirmed return when working time of that day passed before it, else
        the day before (back at work at the start of the day)."""
        self.ensure_one()
        Case = self.env["intl.disciplinary.case"]
        employee = self.employee_id
        back = pytz.utc.localize(self.return_at)
        day = back.astimezone(Case._employee_tz(employee)).date()
        calendar = Case._employee_calendar(employee)
        if not calendar:
            return day - timedelta(days=1)
        resource = employee.resource_id
        start = pytz.utc.localize(Case._day_start(employee, day))
        # sudo: the traveller's calendar is read only to know whether the return day was worked
        worked = calendar.sudo()._work_intervals_batch(start, back, resources=resource.sudo())[resource.id]
        return day if any(True for _interval in worked) else day - timedelta(days=1)

    def _time_off_runs(self, days):
        """``(first, last)`` runs of ``days`` that no other time off of the traveller covers (another
        trip's included: hr_holidays refuses overlapping time off)."""
        self.ensure_one()
        if not days:
            return []
        # sudo: the traveller's other time off is read only to go around it
        others = self.env["hr.leave"].sudo().search([
            ("employee_id", "=", self.employee_id.id), ("intl_trip_id", "!=", self.id),
            ("state", "not in", ("refuse", "cancel")),
            ("request_date_from", "<=", days[-1]), ("request_date_to", ">=", days[0])])
        free = [day for day in days if not any(
            other.request_date_from <= day <= other.request_date_to for other in others)]
        runs = []
        for day in free:
            if runs and runs[-1][1] == day - timedelta(days=1):
                runs[-1][1] = day
            else:
                runs.append([day, day])
        return [tuple(run) for run in runs]

    def _sync_time_off(self):
        """Make the trip's business trip time off match its approved period and its return."""
        trip_type = self.env.ref("intl_cooperation.hr_leave_type_business_trip", raise_if_not_found=False)
        if not trip_type:
            return
        # sudo: the order records the trip in timekeeping; the approver, the unit head or the
        # traveller have no time off officer rights, and hr_holidays is what holds the days away
        Leave = self.env["hr.leave"].sudo().with_context(
            leave_skip_state_check=True, mail_create_nolog=True, mail_activity_quick_update=True,
            leave_fast_create=True, tracking_disable=True)
        for trip in self.sudo():
            current = trip.time_off_ids.filtered(lambda leave: leave.state not in ("refuse", "cancel"))
            current = Leave.browse(current.sorted("request_date_from").ids)
            runs = trip._time_off_runs(trip._time_off_days())
            if [(leave.request_date_from, leave.request_date_to) for leave in current] == runs:
                continue
            name = trip._time_off_name()
            to_validate = Leave.browse()
            for leave, run in zip(current, runs, strict=False):
                if (leave.request_date_from, leave.request_date_to) == run:
                    continue
                # the same time off moves to the new dates: back to confirmed, new dates, validated
                leave.meeting_id.active = False
                leave.write({"state": "confirm", "meeting_id": False})
                leave.write({"request_date_from": run[0], "request_date_to": run[1],
                                              "private_name": name})
                to_validate |= leave
            new_runs = runs[len(current):]
            if new_runs:
                to_validate |= Leave.create([{
                    "private_name": name, "employee_id": trip.employee_id.id,
                    "holiday_status_id": trip_type.id, "intl_trip_id": trip.id,
                    "request_date_from": first, "request_date_to": last,
                } for first, last in new_runs])
            # a run of days off only (a weekend) is no working time: hr_holidays refuses it
            empty = to_validate.filtered(lambda leave: not leave.number_of_days)
            to_validate -= empty
            if empty:
                empty._force_cancel(trip._time_off_cancel_reason(), notify_responsibles=False)
            if to_validate:
                to_validate.action_validate()
                to_validate._intl_message_post(_lt(
                    "Validated by the order %(number)s of the business trip %(trip)s.",
                    number=trip.order_number or "", trip=trip.name), subtype_xmlid="mail.mt_note")
            leftover = current[len(runs):]
            if leftover:
                leftover._force_cancel(trip._time_off_cancel_reason(), notify_responsibles=False)

    def _time_off_name(self):
        self.ensure_one()
        place = ", ".join(filter(None, [self.city, self.country_id.name]))
        return self.env._("Business trip %(trip)s: %(place)s (order %(number)s)",
                          trip=self.name, place=place, number=self.order_number or "")

    def _time_off_cancel_reason(self):
        self.ensure_one()
        if self.state == "cancel":
            return self.env._("The business trip %(trip)s was cancelled.", trip=self.name)
        return self.env._("The period of the business trip %(trip)s changed.", trip=self.name)

    # ------------------------------------------------------------------
    # The moments that move the period
    # ------------------------------------------------------------------

    def _record_order(self):
        result = super()._record_order()
        self._sync_time_off()
        return result

    def _apply_extension(self):
        result = super()._apply_extension()
        self._sync_time_off()
        return result

    def _register_return(self, date_return):
        result = super()._register_return(date_return)
        self._sync_time_off()
        return result

    def action_cancel(self):
        result = super().action_cancel()
        self._sync_time_off()
        return result
