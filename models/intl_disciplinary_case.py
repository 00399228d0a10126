from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

CASE_KINDS = [
    ("late_return", "Late return"),
    ("no_return", "No return registered"),
    ("unapproved_departure", "Departure without an approved trip"),
]
DECISIONS = [
    ("none", "No sanction (good reason)"),
    ("remark", "Remark"),
    ("reprimand", "Reprimand"),
    ("severe_reprimand", "Severe reprimand"),
    ("dismissal", "Dismissal"),
]


class IntlDisciplinaryCase(models.Model):
    """Absence from work linked to a business trip (DP 717 section 5.3; Labour Code art. 64-65).

    HR officers own the cases; the employee concerned reads their own.
    """

    _name = "intl.disciplinary.case"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Disciplinary Case"
    _order = "date_discovered desc, id desc"
    _check_company_auto = True

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    employee_id = fields.Many2one("hr.employee", required=True, tracking=True, check_company=True,
                                  index=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="Employee User")
    trip_id = fields.Many2one("intl.trip", "Trip", ondelete="restrict", index=True)
    kind = fields.Selection(CASE_KINDS, required=True, tracking=True)
    facts = fields.Text()
    days_late = fields.Integer("Days of Absence")
    date_discovered = fields.Date("Discovered On", required=True, default=fields.Date.context_today)
    state = fields.Selection(
        [("open", "Open"), ("explanation_requested", "Explanation Requested"),
         ("explanation_received", "Explanation Received"), ("refusal", "Refusal Act"),
         ("decided", "Decided"), ("closed", "Closed")],
        default="open", required=True, tracking=True, index=True)
    explanation_requested_on = fields.Date(readonly=True)
    explanation_deadline = fields.Date(readonly=True, tracking=True)
    explanation = fields.Text()
    explanation_date = fields.Date(readonly=True)
    refusal_act_date = fields.Date("Act of Refusal", readonly=True)
    decision = fields.Selection(DECISIONS, tracking=True)
    decision_date = fields.Date(readonly=True, tracking=True)
    sanction_valid_until = fields.Date(readonly=True)
    decision_deadline = fields.Date(compute="_compute_decision_deadline", store=True,
                                    help="One month from the discovery of the misconduct.")
    deadline_near = fields.Boolean(compute="_compute_deadline_near")
    explanation_overdue = fields.Boolean(compute="_compute_deadline_near")

    @api.depends("date_discovered", "company_id.intl_case_decision_months")
    def _compute_decision_deadline(self):
        for case in self:
            case.decision_deadline = case.date_discovered and case.date_discovered + relativedelta(
                months=case.company_id.intl_case_decision_months or 1)

    def _compute_deadline_near(self):
        today = fields.Date.context_today(self)
        for case in self:
            open_case = case.state not in ("decided", "closed")
            case.deadline_near = bool(open_case and case.decision_deadline
                                      and case.decision_deadline - today <= timedelta(days=7))
            case.explanation_overdue = bool(case.state == "explanation_requested"
                                            and case.explanation_deadline
                                            and case.explanation_deadline < today)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("intl.disciplinary.case") or "/"
        cases = super().create(vals_list)
        cases._notify_hr()
        return cases

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(case.state != "open" for case in self):
            raise UserError(self.env._("A disciplinary case under way is closed, never deleted."))

    def _notify_hr(self):
        group = self.env.ref("intl_cooperation.group_intl_hr")
        hr_user = group.users.filtered(lambda u: not u.share)[:1]
        if not hr_user:
            return
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create([{  # sudo: the system assigns HR's work
            "res_model_id": model_id, "res_id": case.id, "user_id": hr_user.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "date_deadline": case.date_discovered,
            "summary": self.env._("Request an explanation"),
        } for case in self])

    def _check_hr(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_hr"):
            raise UserError(self.env._("Only HR officers handle disciplinary cases."))

    def _explanation_deadline(self, start):
        """Two working days (configurable) after ``start``, on the employee's calendar."""
        self.ensure_one()
        days = self.company_id.intl_case_explanation_days or 2
        calendar = self.employee_id.resource_calendar_id or self.company_id.resource_calendar_id
        if calendar:
            begin = datetime.combine(start + timedelta(days=1), time.min)
            planned = calendar.plan_days(days, begin, compute_leaves=True)
            if planned:
                return planned.date()
        result, added = start, 0
        while added < days:
            result += timedelta(days=1)
            if result.weekday() < 5:
                added += 1
        return result

    def action_request_explanation(self):
        self._check_hr()
        today = fields.Date.context_today(self)
        for case in self:
            if case.state != "open":
                raise UserError(self.env._("An explanation was already requested."))
            deadline = case._explanation_deadline(today)
            case.write({"state": "explanation_requested", "explanation_requested_on": today,
                        "explanation_deadline": deadline})
            if case.user_id:
                case.activity_schedule("mail.mail_activity_data_todo", date_deadline=deadline,
                                       user_id=case.user_id.id,
                                       summary=self.env._("Written explanation"))

    def action_record_explanation(self):
        self._check_hr()
        for case in self:
            if case.state != "explanation_requested":
                raise UserError(self.env._("No explanation is awaited."))
            if not case.explanation:
                raise UserError(self.env._("Write the employee's explanation first."))
        self.write({"state": "explanation_received",
                    "explanation_date": fields.Date.context_today(self)})

    def action_refusal_act(self):
        self._check_hr()
        today = fields.Date.context_today(self)
        for case in self:
            if case.state != "explanation_requested":
                raise UserError(self.env._("No explanation is awaited."))
            if case.explanation_deadline and today <= case.explanation_deadline:
                raise UserError(self.env._(
                    "The employee has until %(date)s to explain.", date=case.explanation_deadline))
        self.write({"state": "refusal", "refusal_act_date": today})

    def action_decide(self):
        self._check_hr()
        today = fields.Date.context_today(self)
        for case in self:
            if case.state not in ("explanation_received", "refusal"):
                raise UserError(self.env._("Obtain the explanation (or the act of refusal) first."))
            if not case.decision:
                raise UserError(self.env._("Choose the decision."))
            valid = False
            if case.decision != "none":
                valid = today + relativedelta(months=case.company_id.intl_case_sanction_months or 6)
            case.write({"state": "decided", "decision_date": today, "sanction_valid_until": valid})

    @api.model
    def _cron_warn_deadlines(self):
        """One warning activity per case whose one-month decision deadline is a week away."""
        today = fields.Date.context_today(self)
        cases = self.search([("state", "not in", ("decided", "closed")),
                             ("decision_deadline", "<=", today + timedelta(days=7))])
        if not cases:
            return
        summary = self.env._("Decision deadline near")
        warned = {res_id for [res_id] in self.env["mail.activity"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", cases.ids), ("summary", "=", summary)],
            ["res_id"])}
        hr_user = self.env.ref("intl_cooperation.group_intl_hr").users.filtered(
            lambda u: not u.share)[:1]
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [{
            "res_model_id": model_id, "res_id": case.id, "summary": summary,
            "user_id": (case.activity_ids[:1].user_id or hr_user).id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_warning").id,
            "date_deadline": case.decision_deadline,
        } for case in cases if case.id not in warned]
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)  # sudo: the cron warns HR

    def action_close(self):
        self._check_hr()
        if any(case.state != "decided" for case in self):
            raise UserError(self.env._("Decide the case before closing it."))
        self.write({"state": "closed"})
