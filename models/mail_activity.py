from collections import defaultdict

from markupsafe import Markup

from odoo import SUPERUSER_ID, Command, api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools import is_html_empty
from odoo.tools.translate import get_translation

from ..tools import intl_message

# Set only by the approval engine (a Python object: no JSON-RPC client can put it in a
# context): the users of the activities it creates are made followers by its notices job, in
# batches, not one subscription per user at the click (mail_thread.py, message_subscribe).
FOLLOWERS_KEY = "intl_activity_followers_done"
FOLLOWERS_DONE = object()
# the server-only fields of an activity: the engine's code sets them, no client
SERVER_FIELDS = (*intl_message.SUMMARY_FIELDS, "intl_notice_pending")
# the approval activities whose assignees the notices job subscribes and tells, per run
NOTICE_BATCH = 300
NOTICE_CRON = "intl_cooperation.ir_cron_intl_approval_notices"


class MailActivity(models.Model):
    _inherit = "mail.activity"

    intl_summary_key = fields.Char(
        "Summary Translation Key", readonly=True,
        help="English source of a summary written by International Cooperation, translated for each reader.")
    intl_summary_params = fields.Json(
        "Summary Translation Parameters", readonly=True,
        help="Values of the summary: dates as ISO strings, records as references.")
    intl_notice_pending = fields.Boolean(
        "Assignment Notice Pending", readonly=True, copy=False, index=True,
        help="An approval activity whose assignee the approval notices job has yet to make a "
             "follower of the record and to tell (within a minute of the decision).")

    @api.model_create_multi
    def create(self, vals_list):
        if not intl_message.trusted(self.env):
            # the key, its parameters and the pending notice are the module's code's alone:
            # a client's are ignored
            for vals in vals_list:
                for name in SERVER_FIELDS:
                    vals.pop(name, None)
        self._intl_prefill_res_model(vals_list)
        return super().create(vals_list)

    @api.model
    def _intl_prefill_res_model(self, vals_list):
        """``res_model`` is computed from ``res_model_id`` before the insert (Odoo discards a
        given value of a precomputed read-only field), which reads the ``ir.model`` row. When
        the values name the model too and it is the model of that id (Odoo's cached ids, no
        query), the name is put in the cache first: the same computation, without the read."""
        IrModel = self.env["ir.model"]
        for vals in vals_list:
            name, model_id = vals.get("res_model"), vals.get("res_model_id")
            if isinstance(name, str) and isinstance(model_id, int) and name in self.env \
                    and IrModel._get_id(name) == model_id:
                IrModel.browse(model_id)._update_cache({"model": name}, validate=False)

    def write(self, vals):
        if "intl_notice_pending" in vals and not intl_message.trusted(self.env):
            raise AccessError(self.env._(
                "Whether an approval activity is still to be told is set by International Cooperation only."))
        if set(intl_message.SUMMARY_FIELDS) & set(vals) and not intl_message.trusted(self.env):
            raise AccessError(self.env._(
                "The translation key of an activity is set by International Cooperation only."))
        if "summary" in vals and not intl_message.trusted(self.env):
            # a summary written by hand is read as written
            vals = dict(vals, intl_summary_key=False, intl_summary_params=False)
            return super(MailActivity, self.with_context(**{
                intl_message.TOKEN_KEY: intl_message.TOKEN})).write(vals)
        return super().write(vals)

    def _intl_summaries(self):
        """{activity id: its summary in the reader's language} of the module's keyed activities."""
        result = {}
        # sudo: the key and parameters of activities the reader was just given
        for activity in self.sudo().filtered("intl_summary_key"):
            summary = intl_message.render_summary(self.env, activity.intl_summary_key,
                                                  activity.intl_summary_params)
            if summary is not None:
                result[activity.id] = summary
        return result

    def _read_format(self, fnames, load="_classic_read"):
        """The module's activity summaries in the reader's language (the chatter's activities,
        the activity views and popovers read them here), whoever's language they were written in."""
        result = super()._read_format(fnames, load)
        if "summary" in fnames or "display_name" in fnames:
            summaries = self._intl_summaries()
            for values in result:
                summary = summaries.get(values["id"])
                if summary is None:
                    continue
                if "summary" in values:
                    values["summary"] = summary
                if "display_name" in values:
                    values["display_name"] = summary
        return result

    @api.model
    @tools.ormcache("model", "lang")
    def _intl_model_description(self, model, lang):
        """The name of ``model`` in ``lang`` (as the notice says it): cached, no query per
        approver's language at each click (the names change with the modules only)."""
        # sudo: the name of a model is no secret
        return self.env["ir.model"].sudo()._get(model).with_context(lang=lang).display_name

    # ------------------------------------------------------------------
    # The approvers' notices: a job within a minute of the decision
    # ------------------------------------------------------------------

    @api.model
    def _intl_notices_trigger(self):
        """Have the approval notices job run now (once per transaction, one INSERT).

        The trigger is ``ir.cron._trigger``'s, without its read of the job's ``active``: a
        trigger of a job an administrator switched off is never run (the autovacuum removes it
        after a week), as Odoo's own triggers of inactive jobs dated later."""
        data = self.env.cr.precommit.data
        if data.get(NOTICE_CRON):
            return
        data[NOTICE_CRON] = True
        cron_id = self.env["ir.model.data"]._xmlid_to_res_id(NOTICE_CRON, raise_if_not_found=False)
        if not cron_id:
            return
        # as the superuser: the engine schedules its own job (the deciding user may not read the
        # jobs), the defaults of a trigger read once for every user
        env = self.env(user=SUPERUSER_ID, su=True)
        env["ir.cron.trigger"].create({"cron_id": cron_id, "call_at": fields.Datetime.now()})
        self.env.cr.postcommit.add(env["ir.cron"].browse(cron_id)._notifydb)

    @api.model
    def _cron_intl_approval_notices(self, batch_size=NOTICE_BATCH):
        """Within a minute of a decision (the click triggers it): the assignees of the new
        approval activities follow their records and get Odoo's assignment notice, in batches
        of ``batch_size``, the queries of a batch not growing with its activities.

        An activity deleted or done before the run (its step decided meanwhile) is not told."""
        # sudo: the engine's job (the cron's user is the superuser anyway)
        pending = self.sudo().search([("intl_notice_pending", "=", True)], limit=batch_size, order="id")
        if pending:
            pending._intl_subscribe_assignees()
            pending._intl_notify_assigned()
            intl_message.trusting(pending).write({"intl_notice_pending": False})
        self.env["ir.cron"]._notify_progress(
            done=len(pending), remaining=batch_size if len(pending) == batch_size else 0)

    def _intl_subscribe_assignees(self):
        """The assignees of ``self`` follow the activities' records, with the default subtypes
        (the external ones for a partner sharing no internal access), as ``_message_subscribe``
        makes them: one read of the existing followers and one creation for the whole batch."""
        wanted = defaultdict(set)
        partners = {}
        # sudo: the engine makes the approvers it chose follow the records it gave them
        for activity in self.sudo():
            if activity.user_id and "message_follower_ids" in self.env[activity.res_model]._fields:
                partner = activity.user_id.partner_id
                partners[partner.id] = partner
                wanted[activity.res_model, activity.res_id].add(partner.id)
        if not wanted:
            return
        by_model = defaultdict(set)
        for model, res_id in wanted:
            by_model[model].add(res_id)
        Followers = self.env["mail.followers"].sudo()
        partner_ids = list(partners)
        existing = {(follower.res_model, follower.res_id, follower.partner_id.id)
                    for follower in Followers.search_fetch(expression.AND([
                        expression.OR([[("res_model", "=", model), ("res_id", "in", list(res_ids))]
                                       for model, res_ids in by_model.items()]),
                        [("partner_id", "in", partner_ids)]]), ["res_model", "res_id", "partner_id"])}
        subtypes = {}
        vals_list = []
        for (model, res_id), wanted_ids in wanted.items():
            if model not in subtypes:
                default, _internal, external = self.env["mail.message.subtype"]._default_subtypes(model)
                subtypes[model] = (default, external)
            for partner_id in sorted(wanted_ids):
                if (model, res_id, partner_id) in existing:
                    continue
                customer = partners[partner_id].active and partners[partner_id].partner_share
                vals_list.append({
                    "res_model": model, "res_id": res_id, "partner_id": partner_id,
                    "subtype_ids": [Command.set(subtypes[model][1 if customer else 0])],
                })
        if vals_list:
            Followers.create(vals_list)

    def _intl_notify_assigned(self):
        """Odoo's notice of an assigned activity, for each of ``self``, in one batch.

        The same notice as ``action_notify`` (its text in the user's language), with the
        activity's note (the approval's summary and decision links), to the user only, from the
        user who created the activity (who decided the previous step): the messages, the
        e-mails (sent by the mail queue) and the notifications are each created in one batch
        instead of one ``message_notify`` per activity. A user who reads notifications in Odoo
        finds it in the inbox, the others by e-mail.
        """
        # sudo: the engine notifies the approvers it chose (the deciding user may not read them)
        activities = self.sudo().filtered(lambda activity: activity.user_id
                                          and activity.user_id != activity.create_uid)
        if not activities:
            return self.env["mail.message"]
        subtype_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        # as message_notify: the record's reply-to address (its alias or the catchall), read
        # for all the records of a model at once; the author's address otherwise
        reply_to = {}
        by_model = defaultdict(set)
        for activity in activities:
            by_model[activity.res_model].add(activity.res_id)
        for model, res_ids in by_model.items():
            addresses = self.env[model].sudo().browse(sorted(res_ids))._notify_get_reply_to(default=False)
            reply_to.update({(model, res_id): address for res_id, address in addresses.items()})
        message_vals, contexts = [], []
        for activity in activities:
            user = activity.user_id
            author = activity.create_uid.partner_id
            lang = user.lang or self.env.lang or "en_US"
            in_lang = activity.with_context(lang=lang)
            description = self._intl_model_description(activity.res_model, lang)
            body = in_lang.env["ir.qweb"]._render("mail.message_activity_assigned", {
                "activity": in_lang, "model_description": description, "is_html_empty": is_html_empty,
            }, minimal_qcontext=True)
            if not is_html_empty(in_lang.note):
                body = Markup("%s<div>%s</div>") % (body, in_lang.note)
            message_vals.append({
                "reply_to": reply_to.get((activity.res_model, activity.res_id)) or author.email_formatted,
                "model": in_lang.res_model, "res_id": in_lang.res_id, "record_name": in_lang.res_name,
                "message_type": "user_notification", "subtype_id": subtype_id,
                # the sender's address as mail.message computes it from the author
                "author_id": author.id,
                "subject": get_translation("mail", lang, '"%(activity_name)s: %(summary)s" assigned to you', {
                    "activity_name": in_lang.res_name,
                    "summary": in_lang.summary or in_lang.activity_type_id.name}),
                "body": body, "partner_ids": [Command.link(user.partner_id.id)],
            })
            contexts.append((user, lang, description, author))
        messages = self.env["mail.message"].sudo().create(message_vals)
        mail_vals, notifications = [], []
        for message, (user, lang, description, author) in zip(messages, contexts, strict=True):
            if user.notification_type == "email":
                # the records of a model read together (their companies), not one by one
                record = self.env[message.model].sudo().with_context(lang=lang).browse(
                    message.res_id).with_prefetch(tuple(by_model[message.model]))
                mail_vals.append({
                    "mail_message_id": message.id, "is_notification": True, "auto_delete": True,
                    "references": message.message_id, "recipient_ids": [Command.link(user.partner_id.id)],
                    "body_html": record.env["mail.render.mixin"]._replace_local_links(
                        record.env["ir.qweb"]._render("mail.mail_notification_light", {
                            "message": message, "model_description": description, "lang": lang,
                            "company": record.company_id if "company_id" in record else self.env.company,
                            "has_button_access": True,
                            "button_access": {"url": record._notify_get_action_link("view")},
                        }, minimal_qcontext=True)),
                })
            notifications.append({
                "mail_message_id": message.id, "res_partner_id": user.partner_id.id, "author_id": author.id,
                "notification_type": "email" if user.notification_type == "email" else "inbox",
                "notification_status": "ready" if user.notification_type == "email" else "sent",
                # an e-mailed notice is not an inbox item (as Odoo's)
                "is_read": user.notification_type == "email",
            })
        mails = iter(self.env["mail.mail"].sudo().create(mail_vals))
        for values in notifications:
            if values["notification_type"] == "email":
                values["mail_mail_id"] = next(mails).id
        self.env["mail.notification"].sudo().create(notifications)
        return messages

