import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


def check_isced(env, code):
    if not re.match(r"^[0-9]{4}$", code or ""):
        raise ValidationError(env._(
            "%(code)s is not an ISCED-F code: four digits, e.g. 0613.", code=code or "-",
        ))


class IntlAgreementConditionArea(models.Model):
    """A field of education (ISCED-F 2013, four digits) of a cooperation condition."""

    _name = "intl.agreement.condition.area"
    _description = "Cooperation Condition Subject Area"
    _order = "condition_id, sequence, id"

    sequence = fields.Integer(default=10)
    condition_id = fields.Many2one("intl.agreement.condition", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="condition_id.company_id", store=True)
    isced_code = fields.Char("ISCED-F Code", size=4, required=True, help="Four digits, e.g. 0613.")
    isced_clarification = fields.Char("Clarification", help="Only when the field needs a more precise description.")

    @api.constrains("isced_code")
    def _check_isced_code(self):
        for area in self:
            check_isced(self.env, area.isced_code)

    def _compute_display_name(self):
        for area in self:
            area.display_name = " ".join(filter(None, (area.isced_code, area.isced_clarification)))

    @api.model_create_multi
    def create(self, vals_list):
        conditions = self.env["intl.agreement.condition"].browse({v.get("condition_id") for v in vals_list} - {None})
        conditions.agreement_id._check_conditions_editable()
        return super().create(vals_list)

    def write(self, vals):
        if "condition_id" in vals and any(a.condition_id.id != vals["condition_id"] for a in self):
            raise UserError(self.env._("A subject area stays with its cooperation condition."))
        self.condition_id.agreement_id._check_conditions_editable()
        return super().write(vals)

    def unlink(self):
        self.condition_id.agreement_id._check_conditions_editable()
        return super().unlink()
