from odoo import fields, models


class ResPartner(models.Model):
    """Visits of a partner institution's delegations (smart button)."""

    _inherit = "res.partner"

    intl_delegation_count = fields.Integer(
        "Visits", compute="_compute_intl_delegation_count",
        groups="intl_cooperation.group_intl_coordinator,intl_cooperation.group_intl_management,"
        "intl_cooperation.group_intl_accountant",
    )

    def _compute_intl_delegation_count(self):
        counts = dict(self.env["intl.delegation"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        ))
        for partner in self:
            partner.intl_delegation_count = counts.get(partner, 0)

    def action_open_intl_delegations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("intl_cooperation.intl_delegation_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
