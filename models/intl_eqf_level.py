from odoo import fields, models


class IntlEqfLevel(models.Model):
    """A level of the European Qualifications Framework (5 short cycle, 6 bachelor, 7 master, 8 doctorate)."""

    _name = "intl.eqf.level"
    _description = "EQF Level"
    _order = "level"

    name = fields.Char(required=True, translate=True)
    level = fields.Integer(required=True)

    _sql_constraints = [
        ("level_unique", "unique(level)", "Each EQF level exists once."),
        ("level_range", "CHECK(level BETWEEN 1 AND 8)", "EQF levels go from 1 to 8."),
    ]
