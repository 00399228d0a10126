from datetime import timedelta

from odoo import fields, models

# statuses in which the scholar still fills the profile and sends documents
PORTAL_OPEN_STATES = ("draft", "to_dic", "accepted", "on_site", "refused")


class IntlScholarVisit(models.Model):
    """The invited scholar's door to their visit (Odoo's portal, ``intl.portal.mixin``):
    the profile, the documents of the checklist, the deadlines, the lectures, the invitation."""

    _name = "intl.scholar.visit"
    _inherit = ["intl.portal.mixin", "intl.scholar.visit"]
    _intl_portal_contact_field = "scholar_id"
    _intl_portal_route = "/my/scholar_visit"

    invitation_sent_date = fields.Date(
        "Invitation Sent On", readonly=True, copy=False, tracking=True,
        help="Set by the sending of the invitation letter by e-mail.")

    def _lifecycle_protected_fields(self):
        # the link is the engine's: nobody sets a token or its validity by hand (JSON-RPC too)
        return super()._lifecycle_protected_fields() | self._INTL_PORTAL_TOKEN_FIELDS | {"invitation_sent_date"}

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Invitation %(visit)s", visit=self.name)

    def _intl_portal_due_later(self, line):
        # the arrival documents are due later than the file (the 40 days)
        return self._document_due_later(line.type_id)

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

    def action_send_invitation_mail(self):
        return self._intl_send_letter("intl_cooperation.mail_template_intl_scholar_invitation")

    def action_send_petition_mail(self):
        return self._intl_send_letter("intl_cooperation.mail_template_intl_scholar_petition")

    def _intl_letter_sent(self, template_xmlid, message):
        if template_xmlid == "intl_cooperation.mail_template_intl_scholar_invitation":
            self.filtered(lambda visit: not visit.invitation_sent_date)._lifecycle_write(
                {"invitation_sent_date": fields.Date.context_today(self)})
        return super()._intl_letter_sent(template_xmlid, message)
