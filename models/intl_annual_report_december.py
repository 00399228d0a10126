from datetime import date, timedelta

from odoo import api, fields, models
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

DIRECTOR = "intl_cooperation.group_intl_director"


class IntlAnnualReport(models.Model):
    """§7.1: the report in December: the cron opens it and reminds the DIC Director."""

    _inherit = "intl.annual.report"

    date_deadline = fields.Date(
        "Rector's Approval Due", compute="_compute_date_deadline",
        help="The December day of the company's settings by which the rector approves the report.")
    december_opened_on = fields.Date("Opened for December On", readonly=True, copy=False)
    december_reminded_on = fields.Date("Deadline Reminder Sent On", readonly=True, copy=False)

    @api.depends("year", "company_id.intl_report_deadline_day")
    def _compute_date_deadline(self):
        for report in self:
            day = report.company_id.intl_report_deadline_day or 25
            report.date_deadline = date(report.year, 12, min(day, 31)) if report.year else False

    def _lifecycle_protected_fields(self):
        return super()._lifecycle_protected_fields() | {"december_opened_on", "december_reminded_on"}

    @api.model
    def _cron_open_december(self, batch_size=100):
        """Daily: in December, open the year's report of each company (an activity for the DIC
        Director), then remind before the rector's deadline; each once (idempotent)."""
        today = fields.Date.context_today(self)
        if today.month != 12:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return
        companies = self.env["res.company"].search(
            [("intl_report_open_day", "<=", today.day)], limit=batch_size)
        reports = self.search([("year", "=", today.year), ("company_id", "in", companies.ids),
                               ("state", "in", ("draft", "submitted", "approved"))])
        missing = companies - reports.company_id
        if missing:
            # sudo: the system opens the report the DIC Director will fill (the cron's user)
            created = self.sudo()._lifecycle_create([
                {"year": today.year, "company_id": company.id} for company in missing])
            reports |= created.with_env(self.env)
        to_open = reports.filtered(lambda r: not r.december_opened_on)
        to_open._december_notify(today, reminder=False)
        to_remind = reports.filtered(lambda r: r.state == "draft" and not r.december_reminded_on
                                     and today >= r.date_deadline - timedelta(
                                         days=r.company_id.intl_report_reminder_days))
        to_remind._december_notify(today, reminder=True)
        self.env["ir.cron"]._notify_progress(done=len(to_open) + len(to_remind), remaining=0)

    def _december_notify(self, today, reminder):
        """An activity for each DIC Director of the report's company, in their language."""
        if not self:
            return
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_annual_report")
        directors = self.env.ref(DIRECTOR).users.filtered(lambda u: u.active and not u.share)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for report in self:
            for user in directors.filtered(lambda u, r=report: r.company_id in u.company_ids):
                env = self.with_context(lang=user.lang or self.env.lang).env
                deadline = report.date_deadline
                summary = env._(
                    "Annual report %(year)s: the rector's approval is due on %(date)s",
                    year=report.year, date=format_date(env, deadline)) if reminder else env._(
                    "Prepare the annual report %(year)s for the rector's approval", year=report.year)
                vals_list.append({
                    "res_model_id": model_id, "res_id": report.id, "user_id": user.id,
                    "activity_type_id": activity_type.id, "summary": summary,
                    "date_deadline": deadline if not reminder else max(today, deadline - timedelta(days=1)),
                })
        if vals_list:
            # sudo: the system gives the DIC Director the report's to-do (no mail per activity)
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
                vals_list)
        field = "december_reminded_on" if reminder else "december_opened_on"
        # sudo: the system records when it asked, whoever runs the cron
        self.sudo()._lifecycle_write({field: today})
        message = _lt("Reminder: the rector's approval is due soon.") if reminder else _lt(
            "December: the annual report is opened for the DIC Director.")
        self.sudo()._intl_message_log_batch({report.id: message for report in self})
