import re
import uuid
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import consteq
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages (each reader reads them in their language)
# pylint: disable=prefer-env-translation

OFFICER = "intl_cooperation.group_intl_officer"
# the link works this many days after the end of the visit (the last documents and letters)
TOKEN_DAYS_AFTER_END = 60


class IntlPortalMixin(models.AbstractModel):
    """The door of an external person (scholar, delegation contact, partner coordinator,
    applicant) to their own record, on Odoo's portal.

    They reach the record logged in as the portal user of its contact
    (``_intl_portal_contact_field``), or through the record's link (access token), which
    expires some weeks after the end of the visit and which DIC revokes. Portal users hold
    no access right on the module's models: every read and write of the portal goes through
    the controller (controllers/portal.py) after ``_intl_portal_check_access``.

    A consumer also overrides ``_lifecycle_protected_fields`` (the token is the engine's)
    and ``_get_thread_with_access`` (the portal chatter) with ``_intl_portal_*`` below.
    """

    _name = "intl.portal.mixin"
    _inherit = ["portal.mixin"]
    _description = "External Person's Portal Access"
    _intl_portal_contact_field = None
    _intl_portal_route = None
    _intl_portal_end_field = "date_departure"
    _intl_portal_closed_states = ("cancel",)

    portal_token_expiry = fields.Date(
        "Portal Link Valid Until", readonly=True, copy=False,
        help="The link sent to the external person opens the record until this day; revoking it "
             "closes it at once.")

    _INTL_PORTAL_TOKEN_FIELDS = frozenset({"access_token", "portal_token_expiry"})

    def _compute_access_url(self):
        # portal.mixin's gives '#': each record of the module has its page
        for record in self:
            record.access_url = f"{self._intl_portal_route}/{record.id}"

    def _mail_get_partner_fields(self, introspect_fields=False):
        # the external person is the record's customer: Odoo's notifications give them the portal button
        return [self._intl_portal_contact_field]

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.display_name

    def _intl_portal_contact(self):
        self.ensure_one()
        return self.sudo()[self._intl_portal_contact_field]

    def _intl_portal_token_limit(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        end = self[self._intl_portal_end_field] if self._intl_portal_end_field else False
        return max(end or today, today) + timedelta(days=TOKEN_DAYS_AFTER_END)

    def _portal_ensure_token(self):
        """A token with its validity, written through the engine (the record may be frozen)."""
        for record in self:
            today = fields.Date.context_today(record)
            if not record.access_token or not record.portal_token_expiry or record.portal_token_expiry < today:
                # sudo: the link is given by whoever shares the record (read access suffices, as Odoo's)
                record.sudo()._lifecycle_write({
                    "access_token": str(uuid.uuid4()),
                    "portal_token_expiry": record._intl_portal_token_limit()})
        return self[:1].access_token

    def _intl_portal_token_valid(self, token):
        """Whether ``token`` opens this record now: its own, neither revoked nor expired."""
        self.ensure_one()
        record = self.sudo()
        return bool(
            token and isinstance(token, str) and record.access_token
            and consteq(record.access_token, token)
            and record.portal_token_expiry and record.portal_token_expiry >= fields.Date.context_today(self)
            and record.state not in self._intl_portal_closed_states)

    def _intl_portal_is_contact(self, user=None):
        """Whether ``user`` (the current one) is the portal user of this record's external person."""
        self.ensure_one()
        user = user or self.env.user
        contact = self._intl_portal_contact()
        return bool(user.share and not user._is_public() and contact and user.partner_id == contact
                    and self.sudo().state not in self._intl_portal_closed_states)

    def _intl_portal_check_access(self, token=None):
        """The record as sudo when the current user is its external person or holds its valid
        link; False otherwise (the caller answers 404/403)."""
        self.ensure_one()
        if self._intl_portal_is_contact() or self._intl_portal_token_valid(token):
            # sudo: the record of the person whose access was just checked (portal convention)
            return self.sudo()
        return False

    def _intl_portal_thread_access(self, thread_id, mode, kwargs):
        """The portal chatter (for ``_get_thread_with_access``): the external person, logged in
        or with a valid link, reads and writes the record's public messages; an expired or
        revoked link reaches nothing."""
        record = self.browse(thread_id).exists()
        if record and record.sudo(False).has_access(mode):
            return record
        if record and (record._intl_portal_is_contact()
                       or record._intl_portal_token_valid(kwargs.get("token"))):
            return record.sudo()
        return self.browse()

    def action_portal_revoke(self):
        """DIC closes the link sent out (a new one is made on the next sending)."""
        if not self.env.user.has_group(OFFICER):
            raise UserError(self.env._("Only DIC revokes a portal link."))
        self.sudo()._lifecycle_write({"access_token": False, "portal_token_expiry": False})
        for record in self:
            record._intl_message_post(_lt("The portal link was revoked."), subtype_xmlid="mail.mt_note")
        return True

    def action_portal_preview(self):
        """Open the record as the external person sees it (with the link)."""
        self.ensure_one()
        self.check_access("write")
        return {"type": "ir.actions.act_url", "target": "new", "url": self.get_portal_url()}

    # ------------------------------------------------------------------
    # Letters by e-mail, replies through the process's alias
    # ------------------------------------------------------------------

    def _intl_process_alias(self):
        """The mail alias of this record's process (scholars@, delegations@...), if any."""
        code = getattr(self, "_intl_process_code", None)
        if not code:
            return self.env["mail.alias"]
        return self.env["intl.process"]._intl_alias_of(code)

    def _notify_get_reply_to(self, default=None):
        """Replies to the record's mails go to its process's alias (they land back on the record)."""
        result = super()._notify_get_reply_to(default=default)
        alias = self._intl_process_alias()
        if alias:
            for record in self.sudo():
                result[record.id] = self._notify_get_reply_to_formatted_email(
                    alias.alias_full_name, record.display_name, company=record.company_id)
        return result

    @api.model
    def _intl_message_new(self, msg_dict):
        """(for ``message_new``, which mail.thread defines before this mixin) A mail to the
        process's alias that answers no known message: it lands on the record whose reference
        its subject names; it never creates a record."""
        subject = msg_dict.get("subject") or ""
        references = set(re.findall(r"[A-Z]{2,5}/\d{4}/\d{3,6}", subject))
        record = self.sudo().search([("name", "in", list(references))], limit=1) if references else None
        if not record:
            raise ValueError(self.env._("No record of this process is named in the subject: %(subject)s",
                                        subject=subject))
        return record

    def _intl_send_letter(self, template_xmlid):
        """Open the composer with the letter's template (its PDF attached, the portal link in it)."""
        self.ensure_one()
        self.check_access("write")
        self._portal_ensure_token()
        template = self.env.ref(template_xmlid)
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name, "default_res_ids": self.ids,
                "default_template_id": template.id, "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_layout",
                "intl_letter_sent": template_xmlid, "force_email": True,
            },
        }

    def _intl_after_message_post(self, kwargs):
        """(for ``message_post``) A letter posted from its composer is sent: what the sending does."""
        letter = self.env.context.get("intl_letter_sent")
        if letter and kwargs.get("message_type", "notification") == "comment":
            self._intl_letter_sent(letter)

    def _intl_letter_sent(self, template_xmlid):
        """What the sending of a letter does (e.g. the invitation is sent)."""
