import re

from odoo import api, models
from odoo.exceptions import UserError

# a record's reference as a subject names it (SCH/2026/0009, AGR/2026/0012, MOB/2026/0003...)
REFERENCE = re.compile(r"[A-Z]{2,5}/\d{4}/\d{3,6}")


def partner_coordinators(partners):
    """Those of ``partners`` who are a partner institution's coordinators on the portal: contacts
    of the institution with a portal login, not applicants it nominated (who have a login of their
    own, for their application only). The one rule of the partner's page and of its letters."""
    # sudo: the logins and the nominations of the contacts are the portal's to check, not the reader's
    partners = partners.sudo()
    candidates = partners.filtered(lambda partner: partner.parent_id.is_intl_institution
                                   and partner.user_ids.filtered("share"))
    applicants = partners.env["intl.mobility.nomination"].search(
        [("applicant_id", "in", candidates.ids)]).applicant_id if candidates else partners.browse()
    return candidates - applicants


def partner_recipients(institution):
    """A partner institution's portal coordinators (with an e-mail), else the institution itself."""
    # sudo (partner_coordinators): which of the institution's contacts coordinate is not the sender's to read
    coordinators = partner_coordinators(institution.sudo().child_ids.filtered("email"))
    return institution.browse(coordinators.ids) or institution


class IntlLetterMixin(models.AbstractModel):
    """Letters that go out by e-mail and replies that come back to the record (issue 20).

    A record's letter is sent from Odoo's composer with its template (``_intl_send_letter``); what
    the sending does is ``_intl_letter_sent`` (the invitation is sent, the partner's copy given out).
    Replies go to the mail alias of the record's process (``intl.process``, Odoo's
    ``mail.alias.mixin``: ``scholars@``, ``delegations@``, ``agreements@``...): they land in the
    chatter of the record they answer (by their references, else by the reference the subject
    names); the alias never creates a record.

    A consumer sets ``_intl_process_code`` and lists this mixin FIRST in its ``_inherit`` (before
    the model itself or ``mail.thread``): its ``message_new``/``message_post`` then come before
    mail.thread's.
    """

    _name = "intl.letter.mixin"
    _inherit = ["mail.thread"]
    _description = "Letters by E-mail with Replies on the Record"

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
    def message_new(self, msg_dict, custom_values=None):
        """A mail to the process's alias that answers no known message lands on the record whose
        reference its subject names; it never creates a record."""
        subject = msg_dict.get("subject") or ""
        references = set(REFERENCE.findall(subject))
        # sudo: the sender of a mail is no user; the record is found by the reference it names
        record = self.sudo().search([("name", "in", list(references))], limit=1) if references else None
        if not record:
            raise ValueError(self.env._("No record of this process is named in the subject: %(subject)s",
                                        subject=subject))
        return record

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        """A letter posted from its composer is sent: what the sending does follows."""
        messages = super().message_post(**kwargs)
        letter = self.env.context.get("intl_letter_sent")
        if letter and kwargs.get("message_type", "notification") == "comment":
            # (what the sending does posts no letter again)
            self.with_context(intl_letter_sent=False)._intl_letter_sent(letter, messages)
        return messages

    def _intl_send_letter(self, template_xmlid):
        """Open the composer with the letter's template (its PDF attached, the link in it)."""
        self.ensure_one()
        self.check_access("write")
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

    def _intl_letter_sent(self, template_xmlid, message):
        """What the sending of a letter (``message``, its mail) does (e.g. the invitation is sent)."""
        return True

    # ------------------------------------------------------------------
    # Letters to a partner institution (the agreement's copy, the nomination letter)
    # ------------------------------------------------------------------

    def _intl_partner_recipients(self):
        """The record's partner institution's portal coordinators (with an e-mail), else the
        institution itself."""
        self.ensure_one()
        return partner_recipients(self.partner_id)

    def _intl_check_partner_email(self):
        """A letter to the partner institution needs an address to go to."""
        self.ensure_one()
        if not self._intl_partner_recipients().filtered("email"):
            raise UserError(self.env._("%(partner)s has no e-mail address (nor a coordinator with one).",
                                       partner=self.partner_id.display_name))
