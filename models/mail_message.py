from odoo import api, fields, models, tools
from odoo.exceptions import AccessError

from ..tools import intl_message
from ..tools.intl_message import render_message


class MailMessage(models.Model):
    """Messages of the module carry their translation key and parameters.

    The body stored is the company's language (a readable fallback for
    e-mails and exports); the web client receives it rendered again in the
    reader's language, dates in the reader's format.
    """

    _inherit = "mail.message"

    intl_body_key = fields.Char(
        "Translation Key", readonly=True,
        help="English source of a message posted by International Cooperation, translated for each reader.")
    intl_body_params = fields.Json(
        "Translation Parameters", readonly=True,
        help="Values of the message: dates as ISO strings, records as references, selection values as keys.")

    def _intl_body_in_lang(self, lang=None):
        """The body of a keyed message in ``lang`` (the current language by default)."""
        self.ensure_one()
        if not intl_message.is_known_source(self.intl_body_key) \
                or not isinstance(self.intl_body_params or {}, dict):
            # not one of the module's messages: the stored (sanitized) body
            return self.body
        env = self.with_context(lang=lang).env if lang else self.env
        return render_message(env, self.intl_body_key, self.intl_body_params)

    @api.model_create_multi
    def create(self, vals_list):
        if not intl_message.trusted(self.env):
            # the key and parameters are the module's posting code's alone: a client's are ignored
            for vals in vals_list:
                for name in intl_message.KEY_FIELDS:
                    vals.pop(name, None)
        return super().create(vals_list)

    def write(self, vals):
        if set(intl_message.KEY_FIELDS) & set(vals) and not intl_message.trusted(self.env):
            raise AccessError(self.env._(
                "The translation key of a message is set by International Cooperation only."))
        return super().write(vals)

    def _intl_reader_lang(self):
        """The reader's language: the user's (a message sent to someone's inbox is built in the
        author's context but read by the recipient), else the context's."""
        user = self.env.user
        return (user.lang if not user._is_public() else None) or self.env.lang or "en_US"

    def _to_store(self, store, /, *, fields=None, **kwargs):
        super()._to_store(store, fields=fields, **kwargs)
        if fields is not None and "body" not in fields:
            return
        lang = self._intl_reader_lang()
        # sudo: the key and parameters belong to messages the reader was just given
        for message in self.sudo().filtered("intl_body_key"):
            store.add("mail.message", {"id": message.id, "body": message._intl_body_in_lang(lang)})

    def _message_notifications_to_store(self, store):
        result = super()._message_notifications_to_store(store)
        lang = self._intl_reader_lang()
        # sudo: see _to_store
        for message in self.sudo().filtered("intl_body_key"):
            store.add("mail.message", {"id": message.id, "body": message._intl_body_in_lang(lang)})
        return result

    @api.model
    def _intl_company_lang(self):
        """The language of the stored bodies: the company's (its contact's), else the user's."""
        return self._intl_company_lang_cached(self.env.company.id) or self.env.lang or "en_US"

    @tools.ormcache("company_id")
    def _intl_company_lang_cached(self, company_id):
        # cached: read at every message the module posts (cleared when a company's contact
        # changes language, see res.partner.write); sudo: the language is a setting, not a secret
        return self.env["res.company"].browse(company_id).sudo().partner_id.lang
