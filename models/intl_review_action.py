from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of activity summaries: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

OFFICER = "intl_cooperation.group_intl_officer"
DIRECTOR = "intl_cooperation.group_intl_director"


class IntlReviewAction(models.Model):
    """An action decided by the management review or the Academic Council (DP 717 7.3).

    The DIC Director records each decision with its owner and deadline; the
    owner gets an activity and marks the action done with its result; DIC
    follows the open ones up. Management reads them all.
    """

    _name = "intl.review.action"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin"]
    _description = "Management Review Action"
    _order = "state, date_deadline, id"
    _check_company_auto = True

    _lifecycle_transitions = {
        "done": {"from": ("open",), "to": "done", "who": ("requester", OFFICER),
                 "guard": "_guard_done"},
        "cancel": {"from": ("open",), "to": "cancelled", "who": (DIRECTOR,)},
        "reopen": {"from": ("done", "cancelled"), "to": "open", "who": (DIRECTOR,)},
    }
    _lifecycle_workflow_fields = ("date_done",)
    _lifecycle_parent_field = "report_id"

    name = fields.Char("Action", required=True, tracking=True)
    report_id = fields.Many2one("intl.annual.report", "Annual Report", required=True, index=True,
                                ondelete="restrict", check_company=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    year = fields.Integer(related="report_id.year", store=True)
    origin = fields.Selection(
        [("review", "Management Review"), ("council", "Academic Council")], required=True,
        default="review", tracking=True)
    owner_id = fields.Many2one("res.users", "Owner", required=True, tracking=True, index=True,
                               domain=[("share", "=", False)])
    date_deadline = fields.Date("Deadline", required=True, tracking=True)
    state = fields.Selection(
        [("open", "To Do"), ("done", "Done"), ("cancelled", "Cancelled")], default="open",
        required=True, readonly=True, tracking=True, index=True)
    result = fields.Text(tracking=True)
    date_done = fields.Date("Done on", readonly=True, copy=False)
    is_late = fields.Boolean(compute="_compute_is_late")
    can_done = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reopen = fields.Boolean(compute="_compute_lifecycle_can")

    @api.depends("state", "date_deadline")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_late = action.state == "open" and action.date_deadline < today

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group(DIRECTOR) and not self.env.su:
            raise UserError(self.env._("Only the DIC Director records review decisions."))
        actions = super().create(vals_list)
        actions._check_decided_by()
        actions._schedule_owner_activity()
        return actions

    def write(self, vals):
        if not self._lifecycle_trusted() and set(vals) - {"result"} \
                and not self.env.user.has_group(DIRECTOR):
            raise UserError(self.env._("Only the DIC Director changes a review decision; "
                                       "its owner writes the result."))
        result = super().write(vals)
        if "origin" in vals:
            self._check_decided_by()
        if {"owner_id", "date_deadline"}.intersection(vals):
            self.activity_unlink(["intl_cooperation.mail_activity_type_review_action"])
            self.filtered(lambda action: action.state == "open")._schedule_owner_activity()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(action.state == "done" for action in self):
            raise UserError(self.env._("Actions done are kept: cancel them instead."))

    def _check_decided_by(self):
        """A decision is recorded once the body that took it sat (§7.3): the management review
        (its date and summary on the approved report), the Academic Council (its date and
        decision number)."""
        for action in self:
            report = action.report_id
            if report.state != "approved":
                raise UserError(self.env._(
                    "%(report)s is not approved by the rector: its review decisions come after.",
                    report=report.display_name))
            if action.origin == "review" and not report.review_recorded:
                raise UserError(self.env._(
                    "Record the management review of %(report)s (its date and summary) before its decisions.",
                    report=report.display_name))
            if action.origin == "council" and not (report.council_date and report.council_reference):
                raise UserError(self.env._(
                    "Record the Academic Council's date and decision number on %(report)s before its decisions.",
                    report=report.display_name))

    def _lifecycle_requester_users(self):
        return self.owner_id

    def _guard_done(self):
        if not self.result:
            return self.env._("Describe the result of %(action)s first.", action=self.name)
        return False

    def action_done(self):
        self._lifecycle_run("done", {"date_done": fields.Date.context_today(self)})
        # sudo: the owner or DIC closes the owner's activity, whoever marks the action done
        self.sudo().activity_feedback(["intl_cooperation.mail_activity_type_review_action"],
                                      feedback=self.env._("Done"))

    def action_cancel(self):
        self._lifecycle_run("cancel")
        self.activity_unlink(["intl_cooperation.mail_activity_type_review_action"])

    def action_reopen(self):
        self._lifecycle_run("reopen", {"date_done": False})
        self._schedule_owner_activity()

    def _schedule_owner_activity(self):
        for action in self:
            action._intl_activity_schedule(
                "intl_cooperation.mail_activity_type_review_action",
                date_deadline=action.date_deadline, user_id=action.owner_id.id,
                summary=_lt("Review decision: %(name)s", name=action.name))
