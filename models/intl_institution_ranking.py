from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IntlInstitutionRanking(models.Model):
    """A position of a partner institution in a world ranking."""

    _name = "intl.institution.ranking"
    _description = "Institution World Ranking"
    _order = "year desc, system, position"

    partner_id = fields.Many2one("res.partner", "Institution", required=True, ondelete="cascade", index=True)
    system = fields.Selection(
        [
            ("qs", "QS World University Rankings"),
            ("the", "Times Higher Education"),
            ("arwu", "Academic Ranking of World Universities (Shanghai)"),
            ("webometrics", "Webometrics"),
            ("usnews", "U.S. News Best Global Universities"),
            ("other", "Other"),
        ],
        "Ranking", required=True, default="qs",
    )
    position = fields.Integer(required=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)

    _sql_constraints = [
        ("partner_system_year_uniq", "unique(partner_id, system, year)",
         "An institution has one position per ranking and year."),
    ]

    @api.constrains("position", "year")
    def _check_values(self):
        for ranking in self:
            if ranking.position <= 0:
                raise ValidationError(self.env._("A ranking position is a positive number."))
            if not 1900 <= ranking.year <= 2100:
                raise ValidationError(self.env._("Enter the ranking year with four digits."))
