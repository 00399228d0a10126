from odoo import fields, models


class IntlAgreement(models.Model):
    """Mobility under an agreement (its EWP file: intl_agreement_ewp.py)."""

    _inherit = "intl.agreement"

    mobility_ids = fields.One2many("intl.mobility", "agreement_id", "Mobility")
    degree_programme_ids = fields.One2many("intl.degree.programme", "agreement_id", "Double-Degree Programmes")
    mobility_count = fields.Integer(compute="_compute_mobility_count")

    def _compute_mobility_count(self):
        counts = dict(self.env["intl.mobility"]._read_group(
            [("agreement_id", "in", self.ids), ("state", "!=", "cancel")], ["agreement_id"], ["__count"]))
        for agreement in self:
            agreement.mobility_count = counts.get(agreement, 0)

    def action_view_mobility(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mobility"),
            "res_model": "intl.mobility",
            "view_mode": "list,form,pivot",
            "domain": [("agreement_id", "=", self.id)],
            "context": {"default_agreement_id": self.id, "default_partner_id": self.partner_id.id},
        }
