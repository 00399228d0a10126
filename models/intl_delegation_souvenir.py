from odoo import api, fields, models


class IntlDelegationSouvenir(models.Model):
    """A souvenir for the guests, with national or university symbols."""

    _name = "intl.delegation.souvenir"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "delegation_id"
    _lifecycle_workflow_fields = ()
    _check_company_auto = True
    _description = "Delegation Souvenir"
    _order = "delegation_id, id"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="delegation_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="delegation_id.currency_id")
    name = fields.Char("Item", required=True)
    quantity = fields.Integer(default=1)
    symbols = fields.Selection(
        [("national", "National symbols"), ("university", "University symbols"),
         ("both", "National and university symbols"), ("none", "No symbols")],
        default="university", required=True,
    )
    unit_cost = fields.Monetary()
    amount = fields.Monetary(compute="_compute_amount", store=True)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity of a souvenir must be positive."),
    ]

    @api.depends("quantity", "unit_cost")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.unit_cost
