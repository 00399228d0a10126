from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.amounts import check_amounts


class IntlDelegationCostLine(models.Model):
    """A line of the cost estimate, with the actual cost filled in after the visit."""

    _name = "intl.delegation.cost.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "delegation_id"
    # the actual costs, their supplier and their vendor bill come after the approval of the estimate
    _lifecycle_line_free_fields = ("actual_amount", "sequence", "partner_id", "move_id")
    _lifecycle_workflow_fields = ()
    _check_company_auto = True
    _description = "Delegation Cost Estimate Line"
    _order = "delegation_id, sequence, id"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="delegation_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one("intl.delegation.cost.category", "Category", required=True)
    name = fields.Char("Description", required=True)
    currency_id = fields.Many2one(related="delegation_id.currency_id")
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    unit_price = fields.Monetary()
    amount = fields.Monetary("Estimate", compute="_compute_amount", store=True)
    actual_amount = fields.Monetary("Actual Cost")
    difference = fields.Monetary(compute="_compute_amount", store=True, help="Actual cost minus estimate.")

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity of an estimate line must be positive."),
        ("unit_price_positive", "CHECK(unit_price >= 0)", "The unit price cannot be negative."),
    ]

    @api.depends("quantity", "unit_price", "actual_amount")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.unit_price
            line.difference = line.actual_amount - line.amount if line.actual_amount else 0.0

    @api.constrains("quantity", "unit_price", "actual_amount", "amount")
    def _check_amounts(self):
        check_amounts(self, ("quantity", "unit_price", "actual_amount", "amount"))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_estimate_open()
        return lines

    def write(self, vals):
        # the supplier is named when the costs are known (their vendor bills)
        if set(vals) - {"actual_amount", "sequence", "partner_id"} and not self._lifecycle_trusted():
            self._check_estimate_open()
        return super().write(vals)

    def _check_estimate_open(self):
        """The estimate is approved with the programme: afterwards only actual costs change."""
        locked = self.filtered(lambda rec: rec.delegation_id.estimate_locked)
        if locked:
            raise UserError(
                self.env._("The cost estimate of %(visit)s was approved with the programme; "
                           "only actual costs can be entered now.",
                           visit=locked[0].delegation_id.display_name)
            )
