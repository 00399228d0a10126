import re

from odoo import api, models
from odoo.exceptions import AccessError, UserError

OFFICER = "intl_cooperation.group_intl_officer"
COPY_STATES = ("signed", "in_force")


def partner_recipients(institution):
    """A partner institution's portal coordinators (with an e-mail), else the institution itself."""
    # sudo: which of the institution's contacts have a portal login is not the sender's to read
    contacts = institution.sudo().child_ids.filtered(
        lambda contact: contact.email and contact.user_ids.filtered("share"))
    return institution.browse(contacts.ids) or institution


class IntlAgreement(models.Model):
    """The partner's copy of the signed agreement goes out by e-mail (the signed scan attached);
    the partner's reply lands on the agreement through the ``agreements@`` alias."""

    _inherit = "intl.agreement"

    def _intl_partner_recipients(self):
        """The partner institution's portal coordinators, else the institution itself."""
        self.ensure_one()
        return partner_recipients(self.partner_id)

    def _intl_signed_scans(self):
        """The signed scan(s) of the agreement (its document line of the signed agreement)."""
        scan_type = self.env.ref("intl_cooperation.intl_document_type_signed_agreement")
        return self.document_line_ids.filtered(
            lambda line: line.type_id == scan_type and line.state != "rejected").attachment_ids

    def _intl_process_alias(self):
        return self.env["intl.process"]._intl_alias_of(self._intl_process_code)

    def _notify_get_reply_to(self, default=None):
        """Replies to the agreement's mails go to ``agreements@`` (they land back on the agreement)."""
        result = super()._notify_get_reply_to(default=default)
        alias = self._intl_process_alias()
        if alias:
            for agreement in self.sudo():
                result[agreement.id] = self._notify_get_reply_to_formatted_email(
                    alias.alias_full_name, agreement.display_name, company=agreement.company_id)
        return result

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to ``agreements@`` answering no known message lands on the agreement its subject
        names; the alias never creates an agreement."""
        subject = msg_dict.get("subject") or ""
        references = set(re.findall(r"[A-Z]{2,5}/\d{4}/\d{3,6}", subject))
        agreement = self.sudo().search([("name", "in", list(references))], limit=1) if references else None
        if not agreement:
            raise ValueError(self.env._("No agreement is named in the subject: %(subject)s", subject=subject))
        return agreement

    def _process_attachments_for_template_post(self, mail_template):
        """(mail.template's hook) The partner's copy carries the signed scan (a file, not a report)."""
        result = {}
        if mail_template == self.env.ref("intl_cooperation.mail_template_intl_agreement_copy",
                                         raise_if_not_found=False):
            for agreement in self:
                result[agreement.id] = {"attachments": [
                    (scan.name, scan.datas) for scan in agreement._intl_signed_scans()]}
        return result

    def action_send_copy_mail(self):
        """DIC sends the partner institution its copy of the signed agreement by e-mail."""
        self.ensure_one()
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only the International Cooperation Department sends the partner "
                                         "its copy of the agreement."))
        self.check_access("write")
        if self.state not in COPY_STATES or not self._intl_signed_scans():
            raise UserError(self.env._("%(agreement)s: the partner's copy is sent once the agreement is signed "
                                       "and its signed scan attached.", agreement=self.display_name))
        if not self._intl_partner_recipients().filtered("email"):
            raise UserError(self.env._("%(partner)s has no e-mail address (nor a coordinator with one).",
                                       partner=self.partner_id.display_name))
        template = self.env.ref("intl_cooperation.mail_template_intl_agreement_copy")
        return {
            "type": "ir.actions.act_window", "res_model": "mail.compose.message", "view_mode": "form",
            "views": [(False, "form")], "target": "new",
            "context": {
                "default_model": self._name, "default_res_ids": self.ids, "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_layout", "force_email": True,
            },
        }
