import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .intl_agreement_condition_area import check_isced
from .intl_learner_language import CEFR_LEVELS


class IntlAgreementConditionLanguage(models.Model):
    """A recommended language skill of a cooperation condition (language, CEFR level, field)."""

    _name = "intl.agreement.condition.language"
    _description = "Cooperation Condition Language Requirement"
    _order = "condition_id, sequence, id"

    sequence = fields.Integer(default=10)
    condition_id = fields.Many2one("intl.agreement.condition", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="condition_id.company_id", store=True)
    lang_id = fields.Many2one("res.lang", "Language", context={"active_test": False})
    language = fields.Char(
        "Language Code", compute="_compute_language", store=True, readonly=False, required=True, precompute=True,
        help="ISO 639-1 code as EWP exchanges it, e.g. en, de, no.",
    )
    cefr_level = fields.Selection(
        CEFR_LEVELS, "CEFR Level",
    )
    isced_code = fields.Char("ISCED-F Code", size=4, help="The field this level is asked for, if only one.")

    @api.depends("lang_id")
    def _compute_language(self):
        for skill in self:
            if skill.lang_id:
                skill.language = skill.lang_id.iso_code.split("_")[0].lower()

    @api.constrains("language", "isced_code")
    def _check_language(self):
        for skill in self:
            if not re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$", skill.language or ""):
                raise ValidationError(self.env._(
                    "%(code)s is not a language code: two or three lower-case letters, e.g. en.",
                    code=skill.language or "-",
                ))
            if skill.isced_code:
                check_isced(self.env, skill.isced_code)

    def _compute_display_name(self):
        for skill in self:
            skill.display_name = " ".join(filter(None, (skill.language, skill.cefr_level, skill.isced_code)))

    @api.model_create_multi
    def create(self, vals_list):
        conditions = self.env["intl.agreement.condition"].browse({v.get("condition_id") for v in vals_list} - {None})
        conditions.agreement_id._check_conditions_editable()
        return super().create(vals_list)

    def write(self, vals):
        if "condition_id" in vals and any(s.condition_id.id != vals["condition_id"] for s in self):
            raise UserError(self.env._("A language requirement stays with its cooperation condition."))
        self.condition_id.agreement_id._check_conditions_editable()
        return super().write(vals)

    def unlink(self):
        self.condition_id.agreement_id._check_conditions_editable()
        return super().unlink()
