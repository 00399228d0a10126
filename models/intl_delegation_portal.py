from odoo import fields, models

# statuses in which the contact person still updates the member list
PORTAL_OPEN_STATES = ("draft", "decision_requested", "approved", "invitation_sent", "programme_review",
                      "programme_approved", "in_progress")
PROGRAMME_SHOWN_STATES = ("programme_approved", "in_progress", "protocol_review", "protocol_approved",
                          "closed")
INVITATION_STATES = ("invitation_sent", "programme_review", *PROGRAMME_SHOWN_STATES)


class IntlDelegation(models.Model):
    """The delegation's contact person's door to the visit (Odoo's portal, ``intl.portal.mixin``):
    the member list, the approved programme, the invitation and the programme to download."""

    _name = "intl.delegation"
    _inherit = ["intl.portal.mixin", "intl.delegation"]
    _intl_portal_contact_field = "portal_contact_id"
    _intl_portal_route = "/my/delegation"

    portal_contact_id = fields.Many2one(
        "res.partner", "Contact Person (Portal)", tracking=True, index="btree_not_null",
        domain="[('is_company', '=', False)]",
        help="The delegation's contact person: they fill in the member list on the portal.")

    def _lifecycle_protected_fields(self):
        # the link is the engine's: nobody sets a token or its validity by hand (JSON-RPC too)
        return super()._lifecycle_protected_fields() | self._INTL_PORTAL_TOKEN_FIELDS

    def _intl_portal_can_edit(self):
        self.ensure_one()
        return self.state in PORTAL_OPEN_STATES

    def _intl_portal_show_programme(self):
        self.ensure_one()
        return self.state in PROGRAMME_SHOWN_STATES

    def _intl_portal_can_print_invitation(self):
        self.ensure_one()
        return self.state in INVITATION_STATES

    def action_send_invitation_mail(self):
        self._check_can_send_invitation()
        return self._intl_send_letter("intl_cooperation.mail_template_intl_delegation_invitation")

    def _intl_guarantee_lines(self):
        """The guarantee letters a sending is about: the one chosen (its button), else all."""
        line_id = self.env.context.get("intl_guarantee_line_id")
        lines = self.guarantee_line_ids
        return lines.filtered(lambda line: line.id == line_id) if line_id else lines

    def _intl_letter_sent(self, template_xmlid, message):
        if template_xmlid == "intl_cooperation.mail_template_intl_delegation_invitation":
            # "Invitation sent" is set by the sending, through the visit's own transition
            approved = self.filtered(lambda visit: visit.state == "approved")
            if approved:
                approved._check_can_send_invitation()
                approved._do_send_invitation()
        return super()._intl_letter_sent(template_xmlid, message)
