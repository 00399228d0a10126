from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message

_lt = LazyTranslate(__name__)
# _lt keeps the English source of activity summaries: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

COORDINATOR = "intl_cooperation.group_intl_coordinator"


class IntlAgreementPlanLine(models.Model):
    """An activity of an agreement's cooperation plan / work programme (DP 717 section 5.1.5).

    Trips, delegations and visits that carry a line out link to it from
    their own models.
    """

    _name = "intl.agreement.plan.line"
    _inherit = ["mail.activity.mixin", "intl.lifecycle.mixin"]
    _description = "Cooperation Plan Line"
    _order = "agreement_id, date_deadline, id"
    _check_company_auto = True

    _lifecycle_transitions = {
        "done": {"from": ("planned", "overdue"), "to": "done", "who": ("requester", COORDINATOR)},
        "cancel": {"from": ("planned", "overdue"), "to": "cancelled", "who": (COORDINATOR,)},
        "close": {"from": ("planned", "overdue"), "to": "cancelled", "who": ("system",)},
        "overdue": {"from": ("planned",), "to": "overdue", "who": ("system",)},
        "replan": {"from": ("overdue",), "to": "planned", "who": ("system",)},
    }
    _lifecycle_workflow_fields = ("overdue_activity_id",)
    _lifecycle_parent_field = "agreement_id"

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    institute_id = fields.Many2one(related="agreement_id.institute_id", store=True)
    partner_id = fields.Many2one(related="agreement_id.partner_id", store=True)
    name = fields.Char("Activity", required=True)
    form_id = fields.Many2one("intl.cooperation.form", "Form of Cooperation")
    employee_id = fields.Many2one("hr.employee", "Responsible", check_company=True)
    date_deadline = fields.Date("Deadline", required=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("overdue", "Overdue"), ("cancelled", "Cancelled")],
        default="planned", required=True,
    )
    outcome = fields.Text()
    overdue_activity_id = fields.Many2one("mail.activity", readonly=True, copy=False, ondelete="set null")
    delegation_id = fields.Many2one("intl.delegation", "Delegation Visit", index=True, ondelete="set null",
                                    check_company=True)
    can_done = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    trip_ids = fields.One2many("intl.trip", "plan_line_id", "Business Trips")

    def _auto_init(self):
        """Lines planned before a deadline was required get the agreement's expiry date (or the
        day they were planned): a plan line says by when (DP 717 5.1.5)."""
        self.env.cr.execute("""
            SELECT 1 FROM information_schema.columns
             WHERE table_name = 'intl_agreement_plan_line' AND column_name = 'date_deadline'""")
        if self.env.cr.fetchone():
            self.env.cr.execute("""
                UPDATE intl_agreement_plan_line line
                   SET date_deadline = COALESCE(agreement.date_end, line.create_date::date, CURRENT_DATE)
                  FROM intl_agreement agreement
                 WHERE agreement.id = line.agreement_id AND line.date_deadline IS NULL""")
        return super()._auto_init()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("date_deadline") and not self.env.context.get("default_date_deadline"):
                raise ValidationError(self.env._(
                    "Give the plan activity %(activity)s its deadline.", activity=vals.get("name") or ""))
        return super().create(vals_list)

    @api.constrains("date_deadline", "agreement_id")
    def _check_deadline(self):
        for line in self:
            agreement = line.agreement_id
            if not line.date_deadline:
                raise ValidationError(self.env._(
                    "Give the plan activity %(activity)s its deadline.", activity=line.name))
            if agreement.date_end and not agreement.is_indefinite and line.date_deadline > agreement.date_end:
                raise ValidationError(self.env._(
                    "The deadline of %(activity)s (%(deadline)s) is after %(agreement)s expires on %(date)s.",
                    activity=line.name, deadline=format_date(self.env, line.date_deadline),
                    agreement=agreement.display_name, date=format_date(self.env, agreement.date_end)))

    def write(self, vals):
        result = super().write(vals)
        if "date_deadline" in vals and "state" not in vals:
            today = fields.Date.context_today(self)
            overdue = self.filtered(lambda line: line.state == "overdue" and line.date_deadline
                                    and line.date_deadline >= today)
            if overdue:
                overdue._lifecycle_run("replan", by="system")
        return result

    def _lifecycle_requester_users(self):
        return self.employee_id.user_id

    def _lifecycle_changed(self, previous):
        result = super()._lifecycle_changed(previous)
        self.filtered(lambda line: line.state in ("done", "cancelled", "planned"))._close_overdue_activities()
        return result

    def action_done(self):
        self._lifecycle_run("done")

    def action_cancel(self):
        self._lifecycle_run("cancel")

    def _close_overdue_activities(self):
        activities = self.overdue_activity_id.exists()
        if activities:
            # sudo: the activity belongs to the responsible employee, whoever closes the line
            activities.sudo().action_feedback(feedback=self.env._("Plan line closed"))

    @api.model
    def _mark_overdue(self, today, batch_size):
        """Planned lines past their deadline become overdue and remind their responsible."""
        lines = self.search([
            ("state", "=", "planned"),
            ("date_deadline", "<", today),
            ("agreement_id.state", "in", ("signed", "in_force")),
        ], limit=batch_size)
        lines._lifecycle_run("overdue", by="system")
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_plan_overdue")
        model_id = self.env["ir.model"]._get_id("intl.agreement")
        vals_list, targets = [], []
        for line in lines:
            user = line.employee_id.user_id or line.agreement_id.curator_id
            if not user:
                continue
            vals_list.append({
                "res_model_id": model_id,
                "res_id": line.agreement_id.id,
                "activity_type_id": activity_type.id,
                # the summary in the reader's language; what was typed (the line's name) in the note
                **intl_message.summary_vals(self.env, _lt("Overdue plan activity")),
                "note": Markup("<p>%s</p>") % line.name,
                "date_deadline": today,
                "user_id": user.id,
                "automated": True,
            })
            targets.append(line)
        # Odoo subscribes each activity's user to its record, once per activity: two lines of one
        # agreement for one user would subscribe them twice in one insert. Subscribe them first.
        agreements_by_user = defaultdict(set)
        for vals in vals_list:
            agreements_by_user[vals["user_id"]].add(vals["res_id"])
        for user_id, agreement_ids in agreements_by_user.items():
            self.env["intl.agreement"].browse(agreement_ids).message_subscribe(
                partner_ids=self.env["res.users"].browse(user_id).partner_id.ids)
        # the activity is the reminder (activities menu): no mail per activity
        activities = intl_message.trusting(self.env["mail.activity"]).with_context(
            mail_activity_quick_update=True).create(vals_list)
        for line, activity in zip(targets, activities, strict=True):
            line._lifecycle_write({"overdue_activity_id": activity.id})
        return len(lines) == batch_size
