from markupsafe import Markup

from odoo import Command, api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.tools import is_html_empty
from odoo.tools.translate import get_translation

from ..tools import intl_message

# Set only by the approval engine (a Python object: no JSON-RPC client can put it in a
# context): the users of the activities it creates already follow their records.
FOLLOWERS_KEY = "intl_activity_followers_done"
FOLLOWERS_DONE = object()


class MailActivity(models.Model):
    _inherit = "mail.activity"

    intl_summary_key = fields.Char(
        "Summary Translation Key", readonly=True,
        help="English source of a summary written by International Cooperation, translated for each reader.")
    intl_summary_params = fields.Json(
        "Summary Translation Parameters", readonly=True,
        help="Values of the summary: dates as ISO strings, records as references.")

    @api.model_create_multi
    def create(self, vals_list):
        if not intl_message.trusted(self.env):
            # the key and parameters are the module's code's alone: a client's are ignored
            for vals in vals_list:
                for name in intl_message.SUMMARY_FIELDS:
                    vals.pop(name, None)
        return super().create(vals_list)

    def write(self, vals):
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

    def _classify_by_model(self):
        """``create`` subscribes the activities' users one by one; the approval engine subscribes
        them before, in one call (``intl.approval.mixin._approval_create_activities``)."""
        if self.env.context.get(FOLLOWERS_KEY) is FOLLOWERS_DONE:
            return {}
        return super()._classify_by_model()

    @api.model
    @tools.ormcache("model", "lang")
    def _intl_model_description(self, model, lang):
        """The name of ``model`` in ``lang`` (as the notice says it): cached, no query per
        approver's language at each click (the names change with the modules only)."""
        # sudo: the name of a model is no secret
        return self.env["ir.model"].sudo()._get(model).with_context(lang=lang).display_name

    def _intl_notify_assigned(self):
        """Odoo's notice of an assigned activity, for each of ``self``, in one batch.

        The same notice as ``action_notify`` (its text in the user's language), with the
        activity's note (the approval's summary and decision links), to the user only:
        the messages, the e-mails (sent by the mail queue) and the notifications are each
        created in one batch instead of one ``message_notify`` per activity. A user who
        reads notifications in Odoo finds it in the inbox, the others by e-mail.
        """
        # sudo: the engine notifies the approvers it chose (the deciding user may not read them)
        activities = self.sudo().filtered(lambda activity: activity.user_id and activity.user_id != self.env.user)
        if not activities:
            return self.env["mail.message"]
        author = self.env.user.partner_id
        subtype_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        message_vals, contexts, reply_to = [], [], {}
        for activity in activities:
            user = activity.user_id
            lang = user.lang or self.env.lang or "en_US"
            in_lang = activity.with_context(lang=lang)
            description = self._intl_model_description(activity.res_model, lang)
            body = in_lang.env["ir.qweb"]._render("mail.message_activity_assigned", {
                "activity": in_lang, "model_description": description, "is_html_empty": is_html_empty,
            }, minimal_qcontext=True)
            if not is_html_empty(in_lang.note):
                body = Markup("%s<div>%s</div>") % (body, in_lang.note)
            key = (activity.res_model, activity.res_id)
            if key not in reply_to:
                # as message_notify: the record's reply-to address (its alias or the catchall)
                reply_to[key] = self.env[key[0]].sudo().browse(key[1])._notify_get_reply_to(
                    default=author.email_formatted)[key[1]]
            message_vals.append({
                "reply_to": reply_to[key],
                "model": in_lang.res_model, "res_id": in_lang.res_id, "record_name": in_lang.res_name,
                "message_type": "user_notification", "subtype_id": subtype_id,
                # the sender's address as mail.message computes it from the author
                "author_id": author.id,
                "subject": get_translation("mail", lang, '"%(activity_name)s: %(summary)s" assigned to you', {
                    "activity_name": in_lang.res_name,
                    "summary": in_lang.summary or in_lang.activity_type_id.name}),
                "body": body, "partner_ids": [Command.link(user.partner_id.id)],
            })
            contexts.append((user, lang, description))
        messages = self.env["mail.message"].sudo().create(message_vals)
        mail_vals, notifications = [], []
        for message, (user, lang, description) in zip(messages, contexts, strict=True):
            if user.notification_type == "email":
                record = self.env[message.model].sudo().with_context(lang=lang).browse(message.res_id)
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

