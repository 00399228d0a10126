from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


class IntlScholarVisit(models.Model):
    """§5.5: the 40-day rule applies to the file, and a visit is planned ahead.

    The submission needs the programme documents attached (memo 403-03, passport,
    degree copy, profile, schedule 717-03) and a line of an approved semester plan,
    or the DIC Director's recorded reason why the visit is outside the plan.
    """

    _inherit = "intl.scholar.visit"

    unplanned_reason = fields.Text("Outside the Plan Because", readonly=True, copy=False,
                                   tracking=True)
    unplanned_user_id = fields.Many2one("res.users", "Outside the Plan Allowed By", readonly=True,
                                        copy=False)
    plan_missing = fields.Boolean(
        compute="_compute_plan_missing",
        help="No line of an approved semester plan and no reason of the DIC Director.")
    can_allow_unplanned = fields.Boolean(compute="_compute_plan_missing")

    @api.depends_context("uid")
    @api.depends("plan_line_id", "plan_line_id.plan_state", "unplanned_reason", "state")
    def _compute_plan_missing(self):
        director = self.env.user.has_group("intl_cooperation.group_intl_director")
        for visit in self:
            visit.plan_missing = visit.state in ("draft", "refused") and not visit._is_planned()
            visit.can_allow_unplanned = bool(
                director and visit.plan_missing
                and self.env.user not in visit._lifecycle_requester_users())

    def _lifecycle_protected_fields(self):
        return super()._lifecycle_protected_fields() | {"unplanned_reason", "unplanned_user_id"}

    def _is_planned(self):
        self.ensure_one()
        return bool(self.unplanned_reason or self.plan_line_id.plan_id.state == "approved")

    def _approval_check_can_submit(self, purpose):
        for visit in self:
            visit._document_sync_checklist()
            missing = visit._document_unattached_names()
            if missing:
                raise UserError(self.env._(
                    "%(visit)s: attach the documents of the file before submitting it to DIC: "
                    "%(documents)s", visit=visit.name, documents=", ".join(missing)))
            if not visit._is_planned():
                raise UserError(self.env._(
                    "%(visit)s is not on an approved semester plan: pick its line of the plan, or "
                    "ask the DIC Director to record why it is invited outside the plan.",
                    visit=visit.name))
        return super()._approval_check_can_submit(purpose)

    def action_allow_unplanned(self):
        self.ensure_one()
        self._check_can_allow_unplanned()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invite Outside the Plan"),
            "res_model": "intl.scholar.unplanned",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    def _check_can_allow_unplanned(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_director"):
            raise UserError(self.env._(
                "Only the DIC Director records why a scholar is invited outside the semester plan."))
        for visit in self:
            if visit.state not in ("draft", "refused"):
                raise UserError(self.env._("%(visit)s is already submitted.", visit=visit.name))
            if self.env.user in visit._lifecycle_requester_users():
                raise UserError(self.env._(
                    "You filed %(visit)s: another DIC Director records why it is outside the plan.",
                    visit=visit.name))

    def _do_allow_unplanned(self, reason):
        self._check_can_allow_unplanned()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the visit is outside the plan."))
        self._lifecycle_write({"unplanned_reason": reason, "unplanned_user_id": self.env.uid})
        for visit in self:
            visit._intl_message_post(
                [_lt("The DIC Director allowed the visit outside the semester plan."),
                 _lt("Reason: %(reason)s", reason=reason)],
                subtype_xmlid="mail.mt_note")
