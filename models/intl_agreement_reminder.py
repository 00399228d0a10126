from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from ..tools.numbers import DAYS, MONTHS

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

DEFAULT_REMINDER_DAYS = "90,30"


class IntlAgreementReminder(models.Model):
    """An expiry reminder sent for an agreement: each lead time is reminded once per expiry date.

    The daily run of the agreements (``_cron_agreement_expiry``) lives here, out
    of the process model: it starts, reminds, renews or expires agreements
    through their declared transitions (as the system) and marks overdue plan lines.
    """

    _name = "intl.agreement.reminder"
    _description = "Agreement Expiry Reminder"
    _order = "date_sent desc, id desc"

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="cascade", index=True)
    lead_days = fields.Integer("Days Before Expiry", required=True)
    date_end = fields.Date("Expiry Date", required=True)
    date_sent = fields.Date("Sent on", required=True, default=fields.Date.context_today)
    user_ids = fields.Many2many(
        "res.users", "intl_agreement_reminder_res_users_rel", "reminder_id", "user_id", string="Sent to",
    )

    _sql_constraints = [
        ("reminder_uniq", "unique(agreement_id, lead_days, date_end)",
         "This reminder was already sent for this expiry date."),
    ]

    @api.model
    def _reminder_lead_days(self):
        """Lead times of the expiry reminders (days), largest first, from a system parameter."""
        # sudo: system parameters are readable by administrators only
        raw = self.env["ir.config_parameter"].sudo().get_param(
            "intl_cooperation.agreement_reminder_days", DEFAULT_REMINDER_DAYS
        )
        days = set()
        for part in (raw or "").replace(";", ",").split(","):
            if part.strip().isdigit() and int(part) > 0:
                days.add(int(part))
        return sorted(days or {90, 30}, reverse=True)

    # batches of 100: the ORM inserts and updates by 100 rows, so a run costs the
    # same queries whatever the number of records waiting (the next batch follows at once)
    @api.model
    def _cron_agreement_expiry(self, batch_size=100):
        """Daily: start, remind, renew or expire agreements; mark overdue plan lines.

        Each step searches a bounded batch of records that still need it, so
        a run costs the same whatever the number of agreements, and running
        twice sends nothing twice. What remains is left to the next run.
        """
        today = fields.Date.context_today(self)
        remaining = False
        Agreement = self.env["intl.agreement"]
        started = Agreement.search([("state", "=", "signed"), ("date_start", "<=", today)],
                                   limit=batch_size)
        started._update_validity()
        remaining |= len(started) == batch_size
        # signed annexes take effect first: an extension in force is no expiry
        remaining |= self.env["intl.agreement.annex"]._cron_take_effect(batch_size)
        remaining |= self._send_expiry_reminders(today, batch_size)
        remaining |= self._expire_due(today, batch_size)
        remaining |= self.env["intl.agreement.plan.line"]._mark_overdue(today, batch_size)
        # the cron runner calls again at once (up to ten batches a run) while work remains
        self.env["ir.cron"]._notify_progress(done=batch_size if remaining else 0,
                                             remaining=batch_size if remaining else 0)

    @api.model
    def _send_expiry_reminders(self, today, batch_size):
        leads = self._reminder_lead_days()
        # an agreement is due when its most urgent lead time was not reminded yet:
        # one band of expiry dates per lead time, so reminded agreements drop out
        bands, lower = [], None
        for lead in sorted(leads):
            band = [
                ("date_end", "<=", today + timedelta(days=lead)),
                "|", ("reminder_lead_sent", "=", 0), ("reminder_lead_sent", ">", lead),
            ]
            if lower is not None:
                band.append(("date_end", ">", today + timedelta(days=lower)))
            bands.append(band)
            lower = lead
        due_domain = expression.OR(bands)
        window = [
            ("state", "in", ("signed", "in_force")),
            ("is_indefinite", "=", False),
            ("date_end", ">=", today),
        ]
        agreements = self.env["intl.agreement"].search(
            expression.AND([window, due_domain]), order="date_end, id", limit=batch_size)
        # the users of every due agreement read at once, whatever their lead times
        (agreements.contact_employee_ids.user_id | agreements.curator_id).mapped("share")
        to_send = {}
        for agreement in agreements:
            days_left = (agreement.date_end - today).days
            lead = min(lead for lead in leads if days_left <= lead)
            if agreement.reminder_lead_sent and agreement.reminder_lead_sent <= lead:
                continue
            to_send.setdefault(lead, self.env["intl.agreement"])
            to_send[lead] |= agreement
        reminder_vals, activity_vals, bodies = [], [], {}
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_agreement_expiry")
        model_id = self.env["ir.model"]._get_id("intl.agreement")
        for lead, records in to_send.items():
            records._lifecycle_write({"reminder_lead_sent": lead})
            for agreement in records:
                users = self._reminder_users(agreement)
                bodies[agreement.id] = self._expiry_reminder_body(agreement, lead)
                activity_vals += [{
                    "res_model_id": model_id, "res_id": agreement.id, "activity_type_id": activity_type.id,
                    "date_deadline": agreement.date_end, "user_id": user.id, "automated": True,
                    **intl_message.summary_vals(self.env, _lt(
                        "Expires in %(days)s: renew or let expire", days=intl_message.count(lead, DAYS))),
                } for user in users]
                reminder_vals.append({
                    "agreement_id": agreement.id,
                    "lead_days": lead,
                    "date_end": agreement.date_end,
                    "date_sent": today,
                    "user_ids": [fields.Command.set(users.ids)],
                })
        # one note per agreement, one creation of the activities and of the reminders: the
        # run costs the same whatever the number of agreements due (the activities are the
        # reminders of their users, in their activities menu: no mail per activity)
        self.env["intl.agreement"].browse(list(bodies))._intl_message_log_batch(bodies)
        deferred = {}
        self.env["mail.activity"].with_context(
            mail_activity_quick_update=True, intl_deferred_subscriptions=deferred).create(activity_vals)
        self.env["intl.agreement"]._intl_subscribe_deferred(deferred)
        self.create(reminder_vals)
        return len(agreements) == batch_size

    @api.model
    def _reminder_users(self, agreement):
        """Who is reminded of ``agreement``'s expiry: its contact persons and DIC curator."""
        return (agreement.contact_employee_ids.user_id | agreement.curator_id).filtered(
            lambda u: not u.share)

    @api.model
    def _expiry_reminder_body(self, agreement, lead):
        """The note logged on ``agreement`` when its expiry is ``lead`` days away."""
        if agreement.auto_renew:
            return _lt(
                "%(agreement)s expires on %(date)s (in %(days)s) and renews automatically unless a party "
                "gives notice %(notice)s in advance.",
                agreement=agreement, date=agreement.date_end, days=intl_message.count(lead, DAYS),
                notice=intl_message.count(agreement.notice_months, MONTHS),
            )
        return _lt(
            "%(agreement)s expires on %(date)s (in %(days)s): decide on its renewal.",
            agreement=agreement, date=agreement.date_end, days=intl_message.count(lead, DAYS),
        )

    @api.model
    def _expire_due(self, today, batch_size):
        due = self.env["intl.agreement"].search([
            ("state", "in", ("signed", "in_force")),
            ("is_indefinite", "=", False),
            ("date_end", "<", today),
        ], order="date_end, id", limit=batch_size)
        renewing = due.filtered(lambda a: a.auto_renew and a.renewal_months > 0)
        bodies = {}
        for agreement in renewing:
            new_end = agreement.date_end
            while new_end < today:
                new_end += relativedelta(months=agreement.renewal_months)
            # written in the cache: one UPDATE for the batch when flushed
            agreement._lifecycle_write({"date_end": new_end, "reminder_lead_sent": 0})
            bodies[agreement.id] = _lt("Renewed automatically until %(date)s.", date=new_end)
        renewing._intl_message_log_batch(bodies)
        expired = due - renewing
        expired._lifecycle_run("expire", by="system")
        expired._close_open_plan_lines()
        return len(due) == batch_size
