from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..tools.numbers import DAYS, count_text

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

LATE_ACTIVITY = "intl_cooperation.mail_activity_type_scholar_late_file"


class IntlScholarVisit(models.Model):
    """The 40-day rule's way out: the inviting unit asks the DIC Director, with a reason."""

    _inherit = "intl.scholar.visit"

    submit_late_message = fields.Char(compute="_compute_submit_late_message")
    late_request_pending = fields.Boolean(compute="_compute_late_request_pending")
    can_request_late = fields.Boolean(compute="_compute_late_request_pending")

    @api.depends("date_arrival", "submit_date", "company_id.intl_scholar_submit_days")
    @api.depends_context("lang")
    def _compute_submit_late_message(self):
        today = fields.Date.context_today(self)
        for visit in self:
            days = visit.company_id.intl_scholar_submit_days
            if not (visit.submit_late and visit.date_arrival):
                visit.submit_late_message = False
                continue
            visit.submit_late_message = self.env._(
                "The file reaches DIC less than %(days)s before the arrival on %(arrival)s: it "
                "was due by %(deadline)s. Filed today, it complies with an arrival on %(earliest)s or "
                "later; for an earlier arrival ask the DIC Director to allow the late file, with a "
                "reason.",
                days=count_text(self.env, days, DAYS), arrival=format_date(self.env, visit.date_arrival),
                deadline=format_date(self.env, visit.date_arrival - timedelta(days=days)),
                earliest=format_date(self.env, today + timedelta(days=days)))

    @api.depends_context("uid")
    @api.depends("state", "late_override_reason", "activity_ids")
    def _compute_late_request_pending(self):
        activity_type = self.env.ref(LATE_ACTIVITY, raise_if_not_found=False)
        coordinator = self.env.user.has_group("intl_cooperation.group_intl_coordinator")
        for visit in self:
            # sudo: whether DIC was asked is shown to whoever reads the visit
            visit.late_request_pending = bool(activity_type and visit.id and visit.sudo().activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t))
            visit.can_request_late = coordinator and visit.state in ("draft", "refused") \
                and visit.submit_late and not visit.late_override_reason \
                and not visit.late_request_pending

    def action_request_late(self):
        self.ensure_one()
        self._check_can_request_late()
        return self._lifecycle_open_wizard(
            "intl.scholar.late.request", self.env._("Ask the DIC Director to Allow a Late File"),
            {"default_visit_id": self.id})

    def _check_can_request_late(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_coordinator"):
            raise UserError(self.env._("Only the inviting unit's coordinator or DIC asks for a late file."))
        for visit in self:
            visit.check_access("write")
            if visit.state not in ("draft", "refused") or visit.late_override_reason:
                raise UserError(self.env._(
                    "%(visit)s needs no permission for a late file.", visit=visit.name))
            if not visit.submit_late:
                raise UserError(self.env._(
                    "%(visit)s reaches DIC in time: submit it.", visit=visit.name))

    def _do_request_late(self, reason):
        """One activity per DIC Director (but the one who filed it), with the reason."""
        self._check_can_request_late()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why the file comes late."))
        for visit in self:
            directors = self.env.ref("intl_cooperation.group_intl_director").users.filtered(
                lambda user, v=visit: user.active and not user.share and v.company_id in user.company_ids
            ) - visit._lifecycle_requester_users()
            if not directors:
                raise UserError(self.env._("No DIC Director can allow it: ask the DIC Director's deputy."))
            # sudo: the coordinator schedules the director's to-do; the activity is on their own visit
            for user in directors:
                in_lang = visit.sudo().with_context(lang=user.lang or self.env.lang)
                in_lang._intl_activity_schedule(
                    LATE_ACTIVITY, user_id=user.id, date_deadline=fields.Date.context_today(self),
                    summary=_lt("Allow a late file of %(visit)s", visit=visit.name),
                    note=reason)
            visit._intl_message_post(
                [_lt("A late file was asked of the DIC Director."), _lt("Reason: %(reason)s", reason=reason)],
                subtype_xmlid="mail.mt_note")

    def _do_allow_late(self, reason):
        result = super()._do_allow_late(reason)
        # sudo: the request's activities of the other DIC Directors close with this decision
        self.sudo().activity_unlink([LATE_ACTIVITY])
        return result
