from datetime import timedelta

from odoo import api, fields, models

# statuses in which the scholar still fills the profile and sends documents
PORTAL_OPEN_STATES = ("draft", "to_dic", "accepted", "on_site", "refused")


class IntlScholarVisit(models.Model):
    """The invited scholar's door to their visit (Odoo's portal, ``intl.portal.mixin``):
    the profile, the documents of the checklist, the deadlines, the lectures, the invitation."""

    _name = "intl.scholar.visit"
    _inherit = ["intl.scholar.visit", "intl.portal.mixin"]
    _intl_portal_contact_field = "scholar_id"
    _intl_portal_route = "/my/scholar_visit"

    invitation_sent_date = fields.Date(
        "Invitation Sent On", readonly=True, copy=False, tracking=True,
        help="Set by the sending of the invitation letter by e-mail.")

    def _lifecycle_protected_fields(self):
        # the link is the engine's: nobody sets a token or its validity by hand (JSON-RPC too)
        return super()._lifecycle_protected_fields() | self._INTL_PORTAL_TOKEN_FIELDS | {"invitation_sent_date"}

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        return self._intl_portal_thread_access(thread_id, mode, kwargs)

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Invitation %(visit)s", visit=self.name)

    def _intl_portal_lines(self):
        """The checklist lines the scholar sends through the portal, in order."""
        self.ensure_one()
        return self.sudo().document_line_ids.filtered(lambda line: line.type_id.intl_portal_upload)

    def _intl_portal_missing_lines(self):
        """Mandatory lines the scholar still has to send (missing or rejected, due now)."""
        self.ensure_one()
        return self._intl_portal_lines().filtered(
            lambda line: line.required and line.state in ("missing", "rejected")
            and not self._document_due_later(line.type_id))

    def _intl_portal_file_due(self):
        """The day the file is due at DIC: the 40 days before arrival (§5.5)."""
        self.ensure_one()
        return self.date_arrival and self.date_arrival - timedelta(days=self.company_id.intl_scholar_submit_days)

    def _intl_portal_can_edit(self):
        self.ensure_one()
        return self.state in PORTAL_OPEN_STATES

    def _intl_portal_can_print_invitation(self):
        self.ensure_one()
        return self.state in ("accepted", "on_site", "ended", "done")

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        return self._intl_message_new(msg_dict)

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        messages = super().message_post(**kwargs)
        self._intl_after_message_post(kwargs)
        return messages

    def action_send_invitation_mail(self):
        return self._intl_send_letter("intl_cooperation.mail_template_intl_scholar_invitation")

    def action_send_petition_mail(self):
        return self._intl_send_letter("intl_cooperation.mail_template_intl_scholar_petition")

    def _intl_letter_sent(self, template_xmlid):
        if template_xmlid == "intl_cooperation.mail_template_intl_scholar_invitation":
            self.filtered(lambda visit: not visit.invitation_sent_date)._lifecycle_write(
                {"invitation_sent_date": fields.Date.context_today(self)})
