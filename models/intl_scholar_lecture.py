from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

COORDINATOR = "intl_cooperation.group_intl_coordinator"
LEVELS = [("bachelor", "Bachelor"), ("master", "Master"), ("phd", "PhD")]


class IntlScholarLecture(models.Model):
    """A line of the lecture schedule of an invited scholar (form 717-03): planned, then given."""

    _name = "intl.scholar.lecture"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Invited Scholar Lecture"
    _order = "visit_id, date, time_from, id"

    _lifecycle_workflow_fields = ("hours_given",)
    _lifecycle_parent_field = "visit_id"
    _lifecycle_transitions = {
        "give": {"from": ("planned",), "to": "given", "who": (COORDINATOR,), "guard": "_guard_give"},
        "cancel": {"from": ("planned",), "to": "cancel", "who": (COORDINATOR,),
                   "guard": "_guard_on_site"},
        "reset": {"from": ("given", "cancel"), "to": "planned", "who": (COORDINATOR,),
                  "guard": "_guard_on_site"},
    }

    visit_id = fields.Many2one("intl.scholar.visit", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    institute_id = fields.Many2one(related="visit_id.institute_id", store=True)
    date = fields.Date(required=True)
    time_from = fields.Float("From", required=True)
    time_to = fields.Float("To", required=True)
    group_name = fields.Char("Group or Programme", required=True)
    level = fields.Selection(LEVELS, required=True, default="master")
    discipline = fields.Char(required=True)
    hours_planned = fields.Float(required=True, default=2.0)
    hours_given = fields.Float(readonly=True, copy=False)
    room = fields.Char()
    state = fields.Selection([("planned", "Planned"), ("given", "Given"), ("cancel", "Cancelled")],
                             default="planned", required=True, readonly=True, copy=False)

    @api.constrains("time_from", "time_to", "hours_planned")
    def _check_times(self):
        for lecture in self:
            if not (0 <= lecture.time_from < lecture.time_to <= 24):
                raise ValidationError(self.env._("A lecture ends after it starts, within the day."))
            if not (0 < lecture.hours_planned <= 12):
                raise ValidationError(self.env._("A lecture lasts between 0 and 12 academic hours."))

    @api.constrains("date", "visit_id")
    def _check_date(self):
        for lecture in self:
            visit = lecture.visit_id
            if not (visit.date_arrival <= lecture.date <= visit.date_departure):
                raise ValidationError(self.env._(
                    "The lecture of %(date)s is outside the stay (%(start)s - %(end)s).",
                    date=format_date(self.env, lecture.date), start=format_date(self.env, visit.date_arrival),
                    end=format_date(self.env, visit.date_departure)))

    @api.model_create_multi
    def create(self, vals_list):
        lectures = super().create(vals_list)
        lectures._check_visit_open()
        return lectures

    def write(self, vals):
        if set(vals) - {"state", "hours_given"}:
            self._check_visit_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_given(self):
        if any(lecture.state == "given" for lecture in self):
            raise UserError(self.env._("A lecture given cannot be deleted."))
        self._check_visit_open()

    def _check_visit_open(self):
        if self._lifecycle_trusted():
            return
        if any(lecture.visit_id.state in ("ended", "done", "cancel") for lecture in self):
            raise UserError(self.env._("The stay has ended: its lecture schedule is closed."))

    def _guard_on_site(self):
        if self.visit_id.state != "on_site":
            return self.env._("Lectures are marked while the scholar is on site.")
        return False

    def _guard_give(self):
        if self.date > fields.Date.context_today(self):
            return self.env._("The lecture of %(date)s has not taken place yet.",
                              date=format_date(self.env, self.date))
        return self._guard_on_site()

    def action_give(self, hours=None):
        for lecture in self:
            given = lecture.hours_planned if hours is None else hours
            if not (0 < given <= 12):
                raise UserError(self.env._("The hours given must be between 0 and 12."))
            lecture._lifecycle_run("give", {"hours_given": given})

    def action_cancel(self):
        return self._lifecycle_run("cancel")

    def action_reset(self):
        return self._lifecycle_run("reset", {"hours_given": 0.0})
