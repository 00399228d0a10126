from markupsafe import Markup

from odoo import api, models
from odoo.tools.translate import LazyTranslate, get_translation

from ..tools import intl_message
from ..tools.intl_message import encode_message, render_message
from .mail_activity import FOLLOWERS_DONE, FOLLOWERS_KEY

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

CREATED = _lt("%(document)s created")
MODULE = "intl_cooperation"


def _prefetch_display_names(env, values):
    """Compute at once the display names of every record the encoded ``values`` name (as sudo,
    as ``render_value`` reads them): a batch of notes costs the same queries for any number of
    records (each note renders its own records from the cache)."""
    refs = {}
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if "_ref" in value:
                refs.setdefault(value["_ref"], set()).update(
                    rid for rid in value.get("_ids") or [] if isinstance(rid, int))
            else:
                stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    for model, ids in refs.items():
        if model in env and ids:
            # sudo: as render_value, the display names of the records just posted about
            env[model].browse(sorted(ids)).sudo().mapped("display_name")


class MailThread(models.AbstractModel):
    """One door for the messages the module posts: stored with their translation key."""

    _inherit = "mail.thread"

    def _intl_message_post(self, body, **kwargs):
        """Post ``body`` (a ``_lt`` term or a list of them, one per line) on each record.

        Every reader reads the message in their own language; the stored body
        is the company's language. Returns the messages.
        """
        key, params = encode_message(body)
        Message = self.env["mail.message"]
        stored = render_message(self.with_context(lang=Message._intl_company_lang()).env, key, params, fresh=True)
        messages = Message
        trusted = self.with_context(**{intl_message.TOKEN_KEY: intl_message.TOKEN})
        for record in trusted:
            messages |= record.message_post(body=stored, intl_body_key=key, intl_body_params=params, **kwargs)
        return messages.with_env(self.env)

    def _intl_activity_schedule(self, act_type_xmlid="", summary=None, **kwargs):
        """``activity_schedule`` with a ``summary`` (a ``_lt`` term) that each reader reads in their
        own language; the summary stored is the current language's (the approver's, when called
        in their language)."""
        if summary is not None:
            kwargs.update(intl_message.summary_vals(self.env, summary))
        trusted = self.with_context(**{intl_message.TOKEN_KEY: intl_message.TOKEN})
        activities = trusted.activity_schedule(act_type_xmlid, **kwargs)
        return activities.with_env(self.env)

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        if not intl_message.trusted(self.env):
            # a client's translation key or parameters are ignored (the module's code posts them)
            for name in intl_message.KEY_FIELDS:
                kwargs.pop(name, None)
        return super().message_post(**kwargs)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        """Odoo's creation of an activity subscribes its user, one call per user; the approval
        engine's activities (``FOLLOWERS_KEY``) are left to its notices job, which makes the
        users of a whole batch followers at once (``mail.activity._cron_intl_approval_notices``)."""
        if self.env.context.get(FOLLOWERS_KEY) is FOLLOWERS_DONE:
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _intl_message_log_batch(self, bodies, **kwargs):
        """Log a note on each record in one batch, each read in the reader's language.

        ``bodies`` maps a record id to a ``_lt`` term (or a list of them, one per
        line), as ``_intl_message_post`` takes; the notes notify nobody, like
        ``_message_log_batch`` which writes them (as sudo: call it after the checks).
        """
        keyed, stored = self._intl_message_bodies(bodies)
        messages = self._intl_with_message_keys(keyed)._message_log_batch(stored, **kwargs)
        return messages.with_context(intl_message_keys=None, **{intl_message.TOKEN_KEY: None})

    def _intl_message_bodies(self, bodies):
        """``(keyed, stored)``: the translation key and parameters of each record's body, and the
        body as stored (in the company's language), for ``{record id: _lt term or list}``."""
        Message = self.env["mail.message"]
        company_env = self.with_context(lang=Message._intl_company_lang()).env
        keyed = {res_id: encode_message(body) for res_id, body in bodies.items()}
        _prefetch_display_names(company_env, [params for _key, params in keyed.values()])
        stored = {res_id: render_message(company_env, key, params, fresh=True)
                  for res_id, (key, params) in keyed.items()}
        return keyed, stored

    def _intl_with_message_keys(self, keyed):
        """``self`` in a context where the messages created for the records of ``keyed``
        (``_intl_message_bodies``) store their translation key (``_message_create``)."""
        return self.with_context(intl_message_keys=keyed, **{intl_message.TOKEN_KEY: intl_message.TOKEN})

    def _message_create(self, values_list):
        """The keys of ``_intl_message_log_batch``'s notes go in with the batch's INSERT."""
        keyed = self.env.context.get("intl_message_keys")
        if keyed and intl_message.trusted(self.env):
            for values in values_list:
                if values.get("model") == self._name and values.get("res_id") in keyed:
                    values["intl_body_key"], values["intl_body_params"] = keyed[values["res_id"]]
        return super()._message_create(values_list)

    def _get_message_create_valid_field_names(self):
        return super()._get_message_create_valid_field_names() | {"intl_body_key", "intl_body_params"}

    def _notify_by_email_render_layout(self, message, recipients_group, msg_vals=False, render_values=None):
        """E-mails of a keyed message: the body in the recipients' language (Odoo groups them by it)."""
        mail_body = super()._notify_by_email_render_layout(
            message, recipients_group, msg_vals=msg_vals, render_values=render_values)
        lang = (render_values or {}).get("lang") or self.env.lang
        if message.intl_body_key and message.body and lang and str(message.body) in str(mail_body):
            translated = message._intl_body_in_lang(lang)
            mail_body = Markup(str(mail_body).replace(str(message.body), str(translated), 1))
        return mail_body

    def _intl_is_module_model(self):
        return self._original_module == MODULE

    def _creation_message(self):
        """The model's name and the verb in one language (no "Disciplinary Case создан").

        Odoo's message reads the model's name in the context's language but
        translates "created" in the user's when the context has none (crons,
        shells, installs): both are taken in one language here.
        """
        if self._intl_is_module_model():
            lang = self.env["mail.message"]._intl_company_lang()
            return render_message(self.with_context(lang=lang).env, *self._intl_creation_key())
        lang = self.env.lang or self.env.user.lang or "en_US"
        name = self.env["ir.model"]._get(self._name).with_context(lang=lang).name
        return get_translation("mail", lang, "%s created", (name,))

    def _intl_creation_key(self):
        return CREATED._source, {"document": {"_model": self._name}}

    def _message_log_batch(self, bodies, *args, **kwargs):
        messages = super()._message_log_batch(bodies, *args, **kwargs)
        # a keyed batch of the module (_intl_message_log_batch) is not the creation messages
        # (a creation message has a body: no rendering of it for the empty body of a tracking)
        if messages and self._intl_is_module_model() and not self.env.context.get("intl_message_keys") \
                and all(bodies.values()):
            creation = {thread.id: thread._creation_message() for thread in self}
            if all(bodies.get(thread_id) == body for thread_id, body in creation.items()):
                # the creation messages: shown to each reader in their language
                key, params = self._intl_creation_key()
                messages.with_context(**{intl_message.TOKEN_KEY: intl_message.TOKEN}).write(
                    {"intl_body_key": key, "intl_body_params": params})
        return messages
