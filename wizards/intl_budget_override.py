from odoo import api, fields, models
from odoo.exceptions import UserError

BUDGETED_MODELS = ("intl.trip", "intl.delegation", "intl.scholar.visit")


class IntlBudgetOverride(models.TransientModel):
    """Management lets a record through although its budget refuses it, with the reason."""

    _name = "intl.budget.override"
    _description = "Allow Over Budget"

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    budget_warning = fields.Char(compute="_compute_budget_warning")
    reason = fields.Text(required=True)

    @api.depends("res_model", "res_id")
    def _compute_budget_warning(self):
        for wizard in self:
            record = wizard._record()
            wizard.budget_warning = record.budget_warning if record else False

    def _record(self):
        self.ensure_one()
        if self.res_model not in BUDGETED_MODELS:
            return None
        return self.env[self.res_model].browse(self.res_id).exists()

    def action_confirm(self):
        record = self._record()
        if not record:
            raise UserError(self.env._("The record to allow over its budget no longer exists."))
        record._budget_allow_override(self.reason)
        return {"type": "ir.actions.act_window_close"}
