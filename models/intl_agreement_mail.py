from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages (each reader reads them in their language)
# pylint: disable=prefer-env-translation

OFFICER = "intl_cooperation.group_intl_officer"
COPY_STATES = ("signed", "in_force")
COPY_TEMPLATE = "intl_cooperation.mail_template_intl_agreement_copy"


class IntlAgreement(models.Model):
    """The partner's copy of the signed agreement goes out by e-mail (the signed scan attached) and
    is entered in the copies register; the partner's reply lands on the agreement through the
    ``agreements@`` alias (``intl.letter.mixin``)."""

    _name = "intl.agreement"
    _inherit = ["intl.letter.mixin", "intl.agreement"]

    def _intl_signed_scans(self):
        """The signed scan(s) of the agreement (its document line of the signed agreement)."""
        scan_type = self.env.ref("intl_cooperation.intl_document_type_signed_agreement")
        return self.document_line_ids.filtered(
            lambda line: line.type_id == scan_type and line.state != "rejected").attachment_ids

    def _process_attachments_for_template_post(self, mail_template):
        """(mail.template's hook) The partner's copy carries the signed scan (a file, not a report)."""
        result = {}
        if mail_template == self.env.ref(COPY_TEMPLATE, raise_if_not_found=False):
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
        self._intl_check_partner_email()
        return self._intl_send_letter(COPY_TEMPLATE)

    def _intl_letter_sent(self, template_xmlid, message):
        """The copies register gets the partner's copy as given out: by e-mail, when, by whom, to whom."""
        if template_xmlid != COPY_TEMPLATE:
            return super()._intl_letter_sent(template_xmlid, message)
        recipients = message.partner_ids
        # the sending fields of the register are the engine's: written by the sending only
        self.env["intl.agreement.copy"]._lifecycle_create([{
            "agreement_id": agreement.id, "copy_type": "copy", "holder": "partner", "delivery": "email",
            "date_sent": message.date or fields.Datetime.now(), "sent_by_id": self.env.uid,
            "recipient_ids": [fields.Command.set(recipients.ids)], "message_id": message.id,
            "note": ", ".join(message.attachment_ids.mapped("name"))[:250] or False} for agreement in self])
        for agreement in self:
            agreement._intl_message_post(
                _lt("The partner's copy was sent by e-mail to %(recipients)s and entered in the copies register.",
                    recipients=", ".join(recipients.mapped("display_name"))),
                subtype_xmlid="mail.mt_note")
        return super()._intl_letter_sent(template_xmlid, message)
