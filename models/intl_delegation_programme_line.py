from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

DEFAULT_TZ = "Asia/Almaty"


class IntlDelegationProgrammeLine(models.Model):
    """One activity of the visit programme (DP 717 5.4.3)."""

    _name = "intl.delegation.programme.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "delegation_id"
    _lifecycle_workflow_fields = ()
    _check_company_auto = True
    _description = "Visit Programme Line"
    _order = "date, time_from, id"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="delegation_id.company_id", store=True, index=True)
    date = fields.Date(required=True)
    time_from = fields.Float("From", required=True, default=10.0)
    time_to = fields.Float("To", required=True, default=11.0)
    name = fields.Char("Activity", required=True)
    place = fields.Char("Place / Hall")
    employee_id = fields.Many2one("hr.employee", "Responsible", check_company=True)
    participants = fields.Char(help="Who takes part, on both sides.")
    datetime_start = fields.Datetime("Start", compute="_compute_datetimes", store=True)
    datetime_stop = fields.Datetime("End", compute="_compute_datetimes", store=True)

    @api.depends("date", "time_from", "time_to", "delegation_id.company_id")
    def _compute_datetimes(self):
        for line in self:
            if not line.date:
                line.datetime_start = line.datetime_stop = False
                continue
            # programme times are local to the university, stored in UTC for the calendar
            tz = pytz.timezone(line.delegation_id.company_id.partner_id.tz or DEFAULT_TZ)
            midnight = tz.localize(datetime.combine(line.date, time.min))
            for field, hours in (("datetime_start", line.time_from), ("datetime_stop", line.time_to)):
                moment = midnight + timedelta(hours=hours)
                line[field] = moment.astimezone(pytz.utc).replace(tzinfo=None)

    @api.constrains("date", "time_from", "time_to", "delegation_id")
    def _check_within_visit(self):
        for line in self:
            if not 0 <= line.time_from < line.time_to <= 24:
                raise ValidationError(
                    self.env._("Programme activity %(activity)s must end after it starts, within the day.",
                               activity=line.name)
                )
            visit = line.delegation_id
            if visit.date_arrival and visit.date_departure and not (
                visit.date_arrival <= line.date <= visit.date_departure
            ):
                raise ValidationError(
                    self.env._("Programme activity %(activity)s on %(date)s is outside the visit "
                               "(%(arrival)s - %(departure)s).",
                               activity=line.name, date=format_date(self.env, line.date),
                               arrival=format_date(self.env, visit.date_arrival),
                               departure=format_date(self.env, visit.date_departure))
                )
