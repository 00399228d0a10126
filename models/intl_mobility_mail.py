from odoo import models
from odoo.exceptions import AccessError, UserError

from .intl_agreement_mail import partner_recipients

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"


class IntlMobility(models.Model):
    """The nomination letter of an outgoing participant goes to the host institution by e-mail.

    Its replies come back through the company's catchall and the mail's references: ``mobility@``
    is the alias of the incoming nominations (a reply sent to another model's alias would not
    land on the mobility)."""

    _inherit = "intl.mobility"

    def _intl_partner_recipients(self):
        self.ensure_one()
        return partner_recipients(self.partner_id)

    def action_send_nomination_mail(self):
        """DIC or the institute's coordinator sends the nomination letter to the host institution."""
        self.ensure_one()
        user = self.env.user
        if not (user.has_group(OFFICER) or user.has_group(COORDINATOR)) or self._guard_manage():
            raise AccessError(self.env._("Only DIC and the institute's coordinators send a nomination letter."))
        self.check_access("write")
        if self.direction != "outgoing" or self.state != "planned":
            raise UserError(self.env._("%(mobility)s: a nomination letter is sent for a planned outgoing mobility.",
                                       mobility=self.display_name))
        if not self._intl_partner_recipients().filtered("email"):
            raise UserError(self.env._("%(partner)s has no e-mail address (nor a coordinator with one).",
                                       partner=self.partner_id.display_name))
        template = self.env.ref("intl_cooperation.mail_template_intl_mobility_nomination")
        return {
            "type": "ir.actions.act_window", "res_model": "mail.compose.message", "view_mode": "form",
            "views": [(False, "form")], "target": "new",
            "context": {
                "default_model": self._name, "default_res_ids": self.ids, "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_layout", "force_email": True,
            },
        }
