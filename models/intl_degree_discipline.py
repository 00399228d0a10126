from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IntlDegreeDiscipline(models.Model):
    """A discipline of the home curriculum matched with one of the partner's (curricula alignment)."""

    _name = "intl.degree.discipline"
    _description = "Matched Discipline"
    _order = "programme_id, semester, sequence, id"

    programme_id = fields.Many2one("intl.degree.programme", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="programme_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    semester = fields.Integer(default=1, help="Semester of the programme in which it is studied.")
    home_code = fields.Char()
    home_discipline = fields.Char(required=True, translate=True)
    home_credits = fields.Float(digits=(6, 1), required=True)
    partner_code = fields.Char()
    partner_discipline = fields.Char("Partner Module", required=True)
    partner_credits = fields.Float("Partner Credits (ECTS)", digits=(6, 1), required=True)

    @api.constrains("home_credits", "partner_credits", "semester")
    def _check_credits(self):
        for line in self:
            if line.home_credits <= 0 or line.partner_credits <= 0:
                raise ValidationError(self.env._(
                    "%(discipline)s: credits on both sides must be positive.", discipline=line.home_discipline,
                ))
            if not 1 <= line.semester <= 12:
                raise ValidationError(self.env._("The semester is a number from 1 to 12."))

    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.home_discipline} ↔ {line.partner_discipline}"
