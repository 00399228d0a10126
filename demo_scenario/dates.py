"""Demo dates chosen through the working calendar the module applies.

The public holidays, carried-over days off and working-day transfers of the
traveller's (or DIC's) calendar decide which days are working days, exactly as
the absence and deadline rules count them: a late return then really misses
working days, a submission falls on a day the office works.
"""
from datetime import timedelta

from .common import ref, today


def _employee(env, employee=None):
    return employee or ref(env, "hr_employee_dic_officer_demo")


def working_days(env, first, last, employee=None):
    """The working days from ``first`` to ``last`` (both included) of ``employee``'s calendar."""
    Case = env["intl.disciplinary.case"]
    employee = _employee(env, employee)
    return Case._missed_working_time(
        employee, Case._day_start(employee, first), Case._day_start(employee, last + timedelta(days=1)))[1]


def working_day_on_or_before(env, day, employee=None):
    """``day`` if it is a working day, else the last working day before it."""
    days = working_days(env, day - timedelta(days=21), day, employee)
    return days[-1] if days else day


def working_day_on_or_after(env, day, employee=None):
    """``day`` if it is a working day, else the first working day after it."""
    days = working_days(env, day, day + timedelta(days=21), employee)
    return days[0] if days else day


def working_days_back(env, count, employee=None, start=None):
    """The working day ``count`` working days before ``start`` (today by default)."""
    start = start or today()
    days = [day for day in working_days(env, start - timedelta(days=7 * count + 21), start, employee)
            if day < start]
    return days[-count] if len(days) >= count else start - timedelta(days=count)


def late_return_day(env, trip, missed=2):
    """The day a late traveller is back at work having missed ``missed`` working days."""
    first = trip.approved_date_to + timedelta(days=1)
    days = working_days(env, first, first + timedelta(days=7 * missed + 21), trip.employee_id)
    return days[missed - 1] + timedelta(days=1)


def submission_day(env, trip, days_before=20):
    """A working day ``days_before`` calendar days (or a little more) before the departure:
    an application filed in time under the 15-day rule."""
    return working_day_on_or_before(env, trip.date_departure - timedelta(days=days_before), trip.employee_id)
