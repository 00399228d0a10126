from odoo import fields, models
from odoo.exceptions import UserError


class IntlDelegationGuaranteeLine(models.Model):
    """A supplier the university guarantees payment to (one guarantee letter each)."""

    _name = "intl.delegation.guarantee.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "delegation_id"
    _lifecycle_workflow_fields = ()
    _check_company_auto = True
    _description = "Delegation Guarantee Letter"
    _order = "delegation_id, supplier_type, id"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="delegation_id.company_id", store=True, index=True)
    supplier_type = fields.Selection(
        [("hotel", "Hotel"), ("cultural", "Cultural institution"), ("catering", "Catering")],
        required=True, default="hotel",
    )
    partner_id = fields.Many2one("res.partner", "Supplier", required=True)
    services = fields.Text("Guaranteed Services", required=True)
    date_from = fields.Date("From")
    date_to = fields.Date("To")
    currency_id = fields.Many2one(related="delegation_id.currency_id")
    amount = fields.Monetary(required=True)

    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.delegation_id.name} - {line.partner_id.name}"

    def action_send_guarantee_mail(self):
        """DIC sends this supplier its guarantee letter by e-mail (the PDF attached): the mail is
        posted on the delegation, so the supplier's reply lands there (``delegations@``)."""
        self.ensure_one()
        self.delegation_id._check_dic()
        if not self.partner_id.email:
            raise UserError(self.env._("%(supplier)s has no e-mail address: add it to send the guarantee letter.",
                                       supplier=self.partner_id.display_name))
        action = self.delegation_id._intl_send_letter("intl_cooperation.mail_template_intl_delegation_guarantee")
        action["context"]["intl_guarantee_line_id"] = self.id
        return action

    def _amount_in_words(self):
        """The guaranteed amount spelled in the language of the rendering."""
        self.ensure_one()
        return self.currency_id.intl_amount_to_words(self.amount, self.env.lang)
