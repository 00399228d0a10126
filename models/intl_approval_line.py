from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL, format_date, formatLang
from odoo.tools.misc import consteq, hmac
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from ..tools.prefetch import fetch_one2many

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages (tools/intl_message.py)
# pylint: disable=prefer-env-translation


LINK_STYLE = ("display:inline-block;padding:6px 14px;margin-right:8px;border-radius:4px;color:#fff;"
              "text-decoration:none;background-color:%s")


class IntlApprovalLine(models.Model):
    """A step of an approval round of a record, with its decision.

    Lines are written by the approval engine only (``intl.approval.mixin``):
    nobody has write access to them, the engine checks the approver first and
    writes them through the lifecycle path (every field is a workflow field).

    The approvals inbox lists the pending lines of the current user: the step
    is shown in the reader's language (from the translatable route step), with
    a summary of the record (what, who, amount, dates) read from the fields the
    process declares in ``_approval_summary_fields``; approve and reject act on
    the record through its own approval actions.
    """

    _name = "intl.approval.line"
    _inherit = ["intl.related.record.mixin", "intl.lifecycle.mixin"]
    _description = "Approval Line"
    _order = "res_model, res_id, round desc, sequence, id"
    _check_company_auto = True

    purpose = fields.Char(required=True, default="default", readonly=True)
    round = fields.Integer(default=1, readonly=True, help="Submissions of the record for this purpose.")
    is_current = fields.Boolean(default=True, readonly=True, index=True)
    route_id = fields.Many2one("intl.approval.route", readonly=True, ondelete="set null", check_company=True)
    step_id = fields.Many2one("intl.approval.route.step", "Route Step", readonly=True, ondelete="set null")
    sequence = fields.Integer(readonly=True)
    name = fields.Char("Step (as submitted)", required=True, readonly=True)
    step_name = fields.Char("Step", compute="_compute_step_name",
                            help="The route step's name in the reader's language.")
    record_state = fields.Char(readonly=True)
    require_documents = fields.Boolean(readonly=True)
    document_type_ids = fields.Many2many(
        "intl.document.type", "intl_approval_line_document_type_rel", "line_id", "type_id",
        "Documents at This Step", readonly=True)
    # read with the line's other columns: the click reads the documents only of a step that has some
    has_document_types = fields.Boolean(readonly=True)
    deadline_days = fields.Integer(readonly=True)
    user_ids = fields.Many2many(
        "res.users", "intl_approval_line_res_users_rel", "line_id", "user_id",
        string="Approvers", readonly=True,
    )
    decider_user_ids = fields.Many2many(
        "res.users", "intl_approval_line_decider_rel", "line_id", "user_id",
        string="Deciders (When Opened)", readonly=True,
        help="The approvers the step resolved when it opened (unit head, institute director, "
             "position holder, group members): a later change of the org chart or of the "
             "positions does not change who decides an open step.")
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("pending", "To Decide"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="waiting", required=True, readonly=True, index=True,
    )
    activated_on = fields.Datetime("Waiting Since", readonly=True,
                                   help="When the step opened for its approvers.")
    date_deadline = fields.Date("Decide By", compute="_compute_date_deadline", store=True)
    decided_by_id = fields.Many2one("res.users", "Decided By", readonly=True)
    deputy_user_ids = fields.Many2many(
        "res.users", "intl_approval_line_deputy_rel", "line_id", "user_id", string="Deputies",
        readonly=True, help="Approvers of the step as the deputies of its approvers.")
    deputy_of_id = fields.Many2one("res.users", "Decided as Deputy Of", readonly=True)
    reminded_on = fields.Datetime(readonly=True)
    escalated_on = fields.Datetime(readonly=True,
                                   help="When the late step went to the route's next level.")
    record_model_id = fields.Many2one("ir.model", "Record Type", compute="_compute_record_model_id",
                                      store=True, index=True)
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True,
        help="The company of the record (the lead times and risk 1 are per company).")
    lead_time_days = fields.Float("Lead Time (days)", compute="_compute_lead_time", store=True,
                                  aggregator="avg",
                                  help="Days from the opening of the step to its decision.")
    decided_late = fields.Boolean(compute="_compute_lead_time", store=True,
                                  help="Decided after the step's deadline.")
    decided_on = fields.Datetime(readonly=True)
    comment = fields.Text(readonly=True)
    # summary of the record, in the reader's language
    process_name = fields.Char("Process", compute="_compute_summary")
    summary_what = fields.Char("What", compute="_compute_summary")
    summary_who = fields.Char("Who", compute="_compute_summary")
    summary_where = fields.Char("Where", compute="_compute_summary")
    summary_amount = fields.Monetary("Amount", compute="_compute_summary",
                                     currency_field="summary_currency_id")
    summary_currency_id = fields.Many2one("res.currency", compute="_compute_summary")
    summary_date_from = fields.Date("From", compute="_compute_summary")
    summary_date_to = fields.Date("To", compute="_compute_summary")
    can_decide = fields.Boolean(compute="_compute_summary")
    is_late = fields.Boolean(compute="_compute_summary")

    _lifecycle_transitions = {}
    _lifecycle_workflow_fields = (
        "res_model", "res_id", "purpose", "round", "is_current", "route_id", "step_id", "sequence",
        "name", "record_state", "require_documents", "document_type_ids", "has_document_types",
        "deadline_days", "user_ids", "decider_user_ids", "decided_by_id",
        "decided_on", "comment", "activated_on", "deputy_user_ids", "deputy_of_id", "reminded_on",
        "escalated_on",
    )

    @api.depends("step_id.name", "name")
    @api.depends_context("lang")
    def _compute_step_name(self):
        for line in self:
            # the route step is translatable: its name reads in the reader's language
            line.step_name = line.step_id.name or line.name

    @api.depends("step_id.name", "name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # the breadcrumb and links of a line: the step in the reader's language, not the name
        # stored in the submitter's (a Russian breadcrumb in a Kazakh inbox)
        for line in self:
            line.display_name = line.step_id.name or line.name

    @api.depends("activated_on", "deadline_days")
    def _compute_date_deadline(self):
        """The deadline counts working days of the approver's calendar (the company's when
        the approver has none), public holidays excluded, from the day after the opening."""
        calendars = self.filtered("activated_on")._deadline_calendars()
        for line in self:
            if not line.activated_on:
                line.date_deadline = False
                continue
            calendar = calendars[line]
            days = line.deadline_days or 0
            if not calendar or days <= 0:
                line.date_deadline = line.activated_on.date() + timedelta(days=max(days, 0))
                continue
            tz = pytz.timezone(self._deadline_calendar_tz(calendar.id))
            opened = pytz.utc.localize(line.activated_on).astimezone(tz).date()
            line.date_deadline = self._deadline_after(calendar.id, opened, days)

    @api.model
    @tools.ormcache("calendar_id")
    def _deadline_calendar_tz(self, calendar_id):
        """The time zone of a working calendar (cached with the deadlines, see
        ``_deadline_after``)."""
        # sudo: the calendar is a public fact of the company
        return self.env["resource.calendar"].sudo().browse(calendar_id).tz or "UTC"

    @api.model
    @tools.ormcache("calendar_id", "opened", "days")
    def _deadline_after(self, calendar_id, opened, days):
        """The day ``days`` working days of the calendar after the day ``opened`` (public
        holidays and working day transfers counted): the same for every step opened that day,
        cached (no query for the next steps of the day). The cache is emptied when a calendar,
        its hours, a public holiday or a transfer changes (``_deadline_cache_clear``)."""
        # sudo: the calendar, its hours and the public holidays are public facts of the company
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(opened + timedelta(days=1), time.min))
        end = calendar.plan_days(days, start, compute_leaves=True)
        return end.astimezone(tz).date() if end else opened + timedelta(days=days)

    @api.model
    def _deadline_cache_clear(self):
        """A working calendar, its hours, a public holiday or a transfer changed: the cached
        deadlines (``_deadline_after``) are computed again."""
        self.env.registry.clear_cache()

    @api.depends("res_model")
    def _compute_record_model_id(self):
        for line in self:
            line.record_model_id = line.res_model and self.env["ir.model"]._get_id(line.res_model)

    @api.depends("res_model", "res_id")
    def _compute_company_id(self):
        """The record's company, read for every record of a model at once (sudo: the engine
        reads the record's company whoever created the step)."""
        by_model = defaultdict(lambda: self.browse())
        for line in self:
            by_model[line.res_model] |= line
        for model, lines in by_model.items():
            if not model or model not in self.env or "company_id" not in self.env[model]._fields:
                lines.company_id = False
                continue
            records = self.env[model].sudo().browse(lines.mapped("res_id")).exists()
            companies = {record.id: record.company_id for record in records}
            for line in lines:
                line.company_id = companies.get(line.res_id, False)

    @api.depends("activated_on", "decided_on", "date_deadline")
    def _compute_lead_time(self):
        for line in self:
            opened, decided = line.activated_on, line.decided_on
            line.lead_time_days = (decided - opened).total_seconds() / 86400.0 if opened and decided else 0.0
            line.decided_late = bool(decided and line.date_deadline and decided.date() > line.date_deadline)

    def _deadline_calendar(self):
        """The working calendar of the step's first approver, else the company's."""
        self.ensure_one()
        return self._deadline_calendars()[self]

    def _deadline_calendars(self):
        """``{line: calendar}``: the working calendar of each step's first approver (their
        employee of the current company, as ``res.users.employee_id``), else the calendar of
        the approver's company (the current company's when the step has no approver).

        One query for every line: the approvers' employees and companies are read together
        (an employee search and a company read per line otherwise)."""
        # the step's own approvers are its deciders since they are stored (without the deputies)
        # (the stored approvers of a line a form shows as a new record: _origin)
        approvers = {line: (line.decider_user_ids or (line.user_ids - line.deputy_user_ids))[:1]._origin
                     for line in self}
        user_ids = tuple({approver.id for approver in approvers.values() if approver})
        company = self.env.company
        by_user = {}
        if user_ids:
            self.env["hr.employee"].flush_model(["user_id", "company_id", "active", "resource_calendar_id"])
            self.env["res.users"].flush_model(["company_id"])
            self.env["res.company"].flush_model(["resource_calendar_id"])
            # at most one employee of a user per company (hr.employee's user_uniq); the engine
            # reads the approvers' employees and companies, which the deciding user may not read
            self.env.cr.execute(SQL("""
                SELECT users.id, COALESCE(employee.resource_calendar_id, company.resource_calendar_id)
                  FROM res_users users
                  JOIN res_company company ON company.id = users.company_id
             LEFT JOIN hr_employee employee ON employee.user_id = users.id
                                           AND employee.company_id = %s AND employee.active
                 WHERE users.id IN %s""", company.id, user_ids))
            by_user = dict(self.env.cr.fetchall())
        # sudo: the calendars are public facts of the companies
        calendars = self.env["resource.calendar"].sudo()
        return {line: (calendars.browse(by_user.get(approver.id) or ()) if approver
                       else calendars.browse(company.sudo().resource_calendar_id.id or ()))
                for line, approver in approvers.items()}

    @api.depends("res_model", "res_id", "state")
    @api.depends_context("uid", "lang")
    def _compute_summary(self):
        by_model = defaultdict(lambda: self.browse())
        for line in self:
            by_model[line.res_model] |= line
        today = fields.Date.context_today(self)
        for model, lines in by_model.items():
            if not model or model not in self.env:
                for line in lines:
                    line._set_empty_summary()
                continue
            process_name = self.env["ir.model"]._get(model).name
            records = self.env[model].browse(lines.mapped("res_id")).exists()
            summaries = records._approval_summary() if records else {}
            decidable = records.filtered("can_approve") if "can_approve" in records._fields else records.browse()
            for line in lines:
                record = records.browse(line.res_id)
                summary = summaries.get(record.id, {}) if record in records else {}
                line.process_name = process_name
                line.summary_what = summary.get("what") or False
                line.summary_who = summary.get("who") or False
                line.summary_where = summary.get("where") or False
                line.summary_amount = summary.get("amount") or 0.0
                line.summary_currency_id = summary.get("currency") or self.env.company.currency_id
                line.summary_date_from = summary.get("date_from") or False
                line.summary_date_to = summary.get("date_to") or False
                line.can_decide = line.state == "pending" and record in decidable
                line.is_late = bool(line.state == "pending" and line.date_deadline
                                    and line.date_deadline < today)

    def _set_empty_summary(self):
        self.update({
            "process_name": False, "summary_what": False, "summary_who": False, "summary_where": False,
            "summary_amount": 0.0,
            "summary_currency_id": self.env.company.currency_id, "summary_date_from": False,
            "summary_date_to": False, "can_decide": False, "is_late": False,
        })

    # ------------------------------------------------------------------
    # Actions of the approvals inbox
    # ------------------------------------------------------------------

    def action_approve(self):
        """Approve the record of each line at the line's step, and say what was decided."""
        messages = []
        for line in self:
            record = line._check_can_decide()
            messages.append(line._decision_message(self.env._("approved")))
            record.action_approval_approve()
        return self._notify_decision(messages)

    def action_reject(self):
        """Ask the reason, then reject the records at the lines' steps."""
        if len(set(self.mapped("res_model"))) > 1:
            raise UserError(self.env._("Reject the records of one process at a time."))
        records = self.env[self[:1].res_model or "intl.approval.line"].browse()
        for line in self:
            records |= line._check_can_decide()
        return records.action_approval_reject()

    def _check_can_decide(self):
        """The record of the line, when the line is the user's step to decide now."""
        self.ensure_one()
        if self.state != "pending":
            raise UserError(self.env._(
                "The step %(step)s of %(record)s is no longer waiting for a decision.",
                step=self.step_name, record=self.res_name))
        record = self._get_record()
        record._approval_check_can_approve()
        return record

    def _decision_message(self, decision):
        self.ensure_one()
        return self.env._("%(process)s %(record)s, step %(step)s: %(decision)s.",
                          process=self.process_name, record=self.res_name, step=self.step_name,
                          decision=decision)

    @api.model
    def _notify_decision(self, messages):
        """A notification saying what was decided, then the view reloads."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": "\n".join(messages),
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------------
    # Deputies (intl.approval.deputy)
    # ------------------------------------------------------------------

    @api.model
    def _sync_deputies(self):
        """The open steps follow the deputies in force today: a deputy named now, or whose
        range starts today, joins the steps of the approver (with an activity); one whose
        range ended leaves them. Called as sudo (engine)."""
        Deputy = self.env["intl.approval.deputy"]
        mapping = Deputy._today_map()
        lines = self.search([("state", "=", "pending"), "|", ("user_ids", "in", list(mapping)),
                             ("deputy_user_ids", "!=", False)])
        type_id = self.env["ir.model.data"]._xmlid_to_res_id("intl_cooperation.mail_activity_type_approval")
        activity_vals, stale = [], self.env["mail.activity"]
        for line in lines:
            record = line._get_record()
            own = line.user_ids - line.deputy_user_ids
            want = Deputy._deputies_of(own) - record._approval_excluded_users() - own
            add, remove = want - line.deputy_user_ids, line.deputy_user_ids - want
            if not add and not remove:
                continue
            line._lifecycle_write({
                "user_ids": [fields.Command.link(user.id) for user in add]
                + [fields.Command.unlink(user.id) for user in remove],
                "deputy_user_ids": [fields.Command.set(want.ids)]})
            if add:
                activity_vals += record._approval_activity_vals(line, add)
            stale |= record.activity_ids.filtered(
                lambda a, users=remove: a.activity_type_id.id == type_id and a.user_id in users)
        if activity_vals:
            intl_message.trusting(self.env["mail.activity"]).create(activity_vals)
        stale.unlink()

    # ------------------------------------------------------------------
    # Reminders and escalation of late steps
    # ------------------------------------------------------------------

    @api.model
    def _escalation_cutoff(self, today):
        """Steps whose deadline is before this day are escalated: the grace period
        (working days of the company's calendar, Settings) has passed."""
        company = self.env.company
        grace = company.intl_approval_grace_days
        calendar = company.resource_calendar_id
        if grace <= 0 or not calendar:
            return today - timedelta(days=max(grace, 0))
        tz = pytz.timezone(calendar.tz or "UTC")
        end = tz.localize(datetime.combine(today, time.min))
        intervals = calendar._work_intervals_batch(end - timedelta(days=14 + 7 * grace), end)[False]
        # the working days before today, latest first: the grace period's first day
        days = sorted({start.astimezone(tz).date() for start, _stop, _meta in intervals}, reverse=True)
        return days[grace - 1] if len(days) >= grace else today - timedelta(days=grace)

    @api.model
    def _cron_escalate(self, batch_size=100):
        """Daily: remind the approvers of the steps at their deadline, and give the steps
        late beyond the grace period to the route's next level (the DIC Director by
        default), with a note on the record; in batches of ``batch_size``."""
        today = fields.Date.context_today(self)
        pending = [("state", "=", "pending"), ("is_current", "=", True)]
        to_remind = self.search([*pending, ("date_deadline", "<=", today), ("reminded_on", "=", False)],
                                limit=batch_size, order="date_deadline, id")
        to_remind._remind()
        to_escalate = self.search([*pending, ("date_deadline", "<", self._escalation_cutoff(today)),
                                   ("escalated_on", "=", False), ("route_id", "!=", False)],
                                  limit=batch_size, order="date_deadline, id")
        to_escalate._escalate()
        done = len(to_remind) + len(to_escalate)
        remaining = batch_size if batch_size in (len(to_remind), len(to_escalate)) else 0
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    def _remind(self):
        """An e-mail to each approver of the steps (in their language, with the record's
        summary and their Approve / Reject links) and a note on each record: its step waits
        for a decision past its deadline."""
        now = fields.Datetime.now()
        self._approval_send_mails("intl_cooperation.intl_approval_line_mail_template_reminder",
                                  {line: line.user_ids for line in self})
        by_model = defaultdict(dict)
        for line in self:
            by_model[line.res_model][line.res_id] = _lt(
                "Reminder: the step %(step)s awaits the decision of %(approvers)s since %(since)s "
                "(deadline %(deadline)s).", step=line.step_id or line.name,
                approvers=line.user_ids, since=line.activated_on, deadline=line.date_deadline)
        for model, bodies in by_model.items():
            self.env[model].browse(list(bodies))._intl_message_log_batch(bodies)
        self._lifecycle_write({"reminded_on": now})

    def _escalate(self):
        """Add the route's next level to the approvers of each late step, with its activities."""
        now = fields.Datetime.now()
        by_model = defaultdict(lambda: self.browse())
        for line in self:
            by_model[line.res_model] |= line
        groups = defaultdict(lambda: self.browse())
        activity_vals, mail_users = [], {}
        for model, lines in by_model.items():
            records = self.env[model].browse(lines.mapped("res_id"))
            # the records read together (prefetched as one set), not one by one
            by_id = {record.id: record for record in records}
            bodies = {}
            for line in lines:
                record = by_id[line.res_id]
                added = line.route_id._escalation_users() - record._approval_excluded_users() - line.user_ids
                groups[tuple(added.ids)] |= line
                mail_users[line] = added
                activity_vals += record._approval_activity_vals(line, added)
                bodies[record.id] = _lt(
                    "Escalated to %(approvers)s: the step %(step)s was not decided by %(deadline)s.",
                    approvers=added or line.route_id.escalation_group_id, step=line.step_id or line.name,
                    deadline=line.date_deadline)
            records._intl_message_log_batch(bodies)
        # the e-mails name the step's approvers until now: sent before the next level joins
        self._approval_send_mails("intl_cooperation.intl_approval_line_mail_template_escalation", mail_users)
        for user_ids, lines in groups.items():
            lines._lifecycle_write({"escalated_on": now,
                                    "user_ids": [fields.Command.link(user_id) for user_id in user_ids]})
        if activity_vals:
            # no e-mail per activity here (the template's e-mail above says it, in one batch):
            # the run costs the same queries whatever the number of late steps
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(activity_vals)

    def _approval_send_mails(self, template_xmlid, users_by_line):
        """One e-mail per step of ``users_by_line`` (``{line: users}``) and user, from the
        template ``template_xmlid``, in the user's language, with the record's summary and the
        user's own Approve / Reject links (``_approval_mail_note``); queued in one batch.

        Everything the template reads is read first for the whole batch and each language
        (records, their names, the steps' names), so the rendering costs no query per step:
        the cron's queries do not grow with the number of late steps.
        """
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        users_by_line = {line: users for line, users in users_by_line.items() if users}
        if not template or not users_by_line:
            return
        # sudo: the engine renders the template (the cron runs as the superuser anyway)
        template = template.sudo()
        lines = self.browse([line.id for line in users_by_line])
        records = {}
        for model in set(lines.mapped("res_model")):
            ids = [line.res_id for line in lines if line.res_model == model]
            records.update({(model, record.id): record for record in self.env[model].browse(ids)})
        by_user = defaultdict(list)
        for line, users in users_by_line.items():
            for user in users:
                by_user[user].append(line)
        # from the company of the step's record (the cron's company otherwise)
        default_from = self.env.company.email_formatted or self.env.user.email_formatted
        read_in = {}
        vals_list = []
        for user, user_lines in by_user.items():
            lang = user.lang or self.env.lang or "en_US"
            in_lang = lines.with_context(lang=lang)
            if lang not in read_in:
                # the steps' and the records' names in this language, for the whole batch
                in_lang.mapped("step_name")
                for model in set(lines.mapped("res_model")):
                    self.env[model].with_context(lang=lang).browse(
                        [line.res_id for line in lines if line.res_model == model]).mapped("display_name")
                read_in[lang] = True
            ids = [line.id for line in user_lines]
            context = {"approver": user, "intl_notes": {
                line.id: line.with_env(in_lang.env)._approval_mail_note(
                    user, records[line.res_model, line.res_id].with_env(in_lang.env)) for line in user_lines}}
            in_template = template.with_context(lang=lang)
            subjects = in_template._render_field("subject", ids, add_context=context)
            bodies = in_template._render_field("body_html", ids, add_context=context)
            for line in user_lines:
                email_from = line.company_id.email_formatted or default_from
                vals_list.append({
                    "subject": subjects[line.id], "body_html": bodies[line.id],
                    "email_from": email_from, "reply_to": email_from,
                    "recipient_ids": [fields.Command.link(user.partner_id.id)],
                    "model": line.res_model, "res_id": line.res_id,
                    "record_name": line.with_env(in_lang.env).res_name,
                    # personal (the links are the approver's): not shown in the record's chatter
                    "message_type": "user_notification", "auto_delete": template.auto_delete,
                })
        self.env["mail.mail"].sudo().create(vals_list)

    # ------------------------------------------------------------------
    # Deciding from the e-mail: the activity's note, signed links
    # ------------------------------------------------------------------

    def _approval_link_token(self, user_id, action, expiry):
        """HMAC of the step, the approver, the decision and the expiry (database secret)."""
        self.ensure_one()
        return hmac(self.env(su=True), "intl_approval_link", f"{self.id}:{user_id}:{action}:{expiry}")

    def _approval_link_url(self, user, action):
        self.ensure_one()
        days = self.env.company.intl_approval_link_days or 7
        expiry = int((fields.Datetime.now() + timedelta(days=days)).timestamp())
        token = self._approval_link_token(user.id, action, expiry)
        return (f"{self.get_base_url()}/intl/approval/{self.id}/{action}"
                f"?uid={user.id}&exp={expiry}&token={token}")

    def _approval_link_error(self, user_id, action, expiry, token):
        """Why the link cannot be used by the current user now (``False`` when it can)."""
        self.ensure_one()
        try:
            user_id, expiry = int(user_id), int(expiry)
        except (TypeError, ValueError):
            return self.env._("This link is not valid.")
        if action not in ("approve", "reject") or not self.exists() or not consteq(
                self._approval_link_token(user_id, action, expiry), token or ""):
            return self.env._("This link is not valid.")
        if expiry < fields.Datetime.now().timestamp():
            return self.env._("This link has expired: decide from the record in the application.")
        if user_id != self.env.uid:
            return self.env._("This link was sent to another approver.")
        # sudo: the step's state is read by the engine (the user may no longer read the record)
        line = self.sudo()
        if line.state != "pending":
            return self.env._("The step %(step)s of %(record)s was already decided.",
                              step=line.step_name, record=line.res_name)
        return False

    def _approval_mail_note(self, user, record):
        """The activity's note: what is to be decided, and Approve / Reject links for ``user``."""
        self.ensure_one()
        # sudo: the summary is read by the engine for the approver it notifies
        record = record.sudo()
        summary = record._approval_summary().get(record.id, {})
        env = self.env
        rows = [(env._("What"), summary.get("what")), (env._("Who"), summary.get("who"))]
        if summary.get("amount"):
            rows.append((env._("Amount"), formatLang(env, summary["amount"],
                                                     currency_obj=summary.get("currency") or None)))
        dates = [format_date(env, day) for day in (summary.get("date_from"), summary.get("date_to")) if day]
        if dates:
            rows.append((env._("Dates"), " – ".join(dates)))
        if "document_line_ids" in record._fields:
            # the checklists of the records read together (a cron's batch), in one query
            fetch_one2many(record.browse(record._prefetch_ids), "document_line_ids")
            documents = record.document_line_ids.filtered("attachment_ids").mapped("type_id.name")
            rows.append((env._("Documents"), ", ".join(documents) or env._("none attached")))
        rows.append((env._("Decide by"), format_date(env, self.date_deadline)))
        items = Markup("").join(Markup("<li><b>%s</b>: %s</li>") % (label, value or "")
                                for label, value in rows)
        return Markup(
            '<ul>%s</ul><p><a href="%s" style="%s">%s</a> <a href="%s" style="%s">%s</a></p>'
        ) % (items, self._approval_link_url(user, "approve"), LINK_STYLE % "#017e84", env._("Approve"),
             self._approval_link_url(user, "reject"), LINK_STYLE % "#d44c59", env._("Reject"))
