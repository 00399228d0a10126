from odoo import fields, models

from ..models.intl_learner_grade import GRADE_SELECTION


class IntlStudyPlanGradeImportLine(models.TransientModel):
    """A row of the partner's transcript as the preview shows it: matched, converted, or its errors."""

    _name = "intl.study.plan.grade.import.line"
    _description = "Partner's Grades Import Preview Row"
    _order = "row"

    wizard_id = fields.Many2one("intl.study.plan.grade.import", required=True, ondelete="cascade")
    row = fields.Integer()
    module = fields.Char("Partner Module")
    credits = fields.Float(digits=(6, 1))
    partner_grade = fields.Char("Partner's Grade")
    plan_line_id = fields.Many2one("intl.study.plan.line", "Plan Discipline")
    home_discipline = fields.Char(related="plan_line_id.home_discipline")
    converted_grade = fields.Selection(GRADE_SELECTION)
    error = fields.Char()
