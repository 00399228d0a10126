import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Letter grades of the credit technology of education (MES order No. 152 of 20.04.2011)
GRADE_POINTS = {
    "A": 4.0, "A-": 3.67, "B+": 3.33, "B": 3.0, "B-": 2.67, "C+": 2.33, "C": 2.0,
    "C-": 1.67, "D+": 1.33, "D": 1.0, "FX": 0.5, "F": 0.0,
}
GRADE_SELECTION = [(letter, letter) for letter in GRADE_POINTS]
# DP 717 5.6.1: grades admitted to a double-degree competition
DOUBLE_DEGREE_GRADES = ("A", "A-", "B+", "B", "B-")
TERM_SELECTION = [("1", "Autumn term"), ("2", "Spring term"), ("3", "Summer term")]
ACADEMIC_YEAR_RE = re.compile(r"^(\d{4})/(\d{4})$")


def check_academic_year(env, value):
    """Raise a ``ValidationError`` unless ``value`` reads like 2025/2026."""
    match = ACADEMIC_YEAR_RE.match(value or "")
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValidationError(env._(
            "The academic year %(year)s must be written as two consecutive years, e.g. 2025/2026.",
            year=value or "-",
        ))


class IntlLearnerGrade(models.Model):
    """A discipline of a learner's transcript with its letter grade."""

    _name = "intl.learner.grade"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "learner_id"
    _description = "Learner Grade"
    _order = "learner_id, academic_year, term, id"

    learner_id = fields.Many2one("intl.learner", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="learner_id.company_id", store=True)
    academic_year = fields.Char(required=True, help="e.g. 2025/2026")
    term = fields.Selection(TERM_SELECTION, "Semester", required=True, default="1")
    discipline = fields.Char(required=True, help="Name of the discipline in Russian (or Kazakh).")
    discipline_en = fields.Char("Discipline (English)")
    credits = fields.Float(required=True, default=5.0, digits=(6, 1))
    grade = fields.Selection(GRADE_SELECTION, required=True)
    points = fields.Float(compute="_compute_points", store=True, digits=(4, 2))
    source = fields.Selection(
        [("home", "Home university"), ("recognised", "Recognised from abroad")],
        required=True, default="home",
    )
    study_plan_line_id = fields.Many2one("intl.study.plan.line", "Recognised From", ondelete="set null",
                                         readonly=True)

    @api.depends("grade")
    def _compute_points(self):
        for line in self:
            line.points = GRADE_POINTS.get(line.grade, 0.0)

    @api.constrains("academic_year")
    def _check_academic_year(self):
        for line in self:
            check_academic_year(self.env, line.academic_year)

    @api.constrains("credits")
    def _check_credits(self):
        for line in self:
            if line.credits <= 0 or line.credits > 60:
                raise ValidationError(self.env._(
                    "%(discipline)s: credits must be between 0 and 60.", discipline=line.discipline,
                ))

    def _period_key(self):
        self.ensure_one()
        return (self.academic_year, self.term)

    def _lifecycle_locked_lines(self):
        """Also frozen while an intake's commission evaluates the learner."""
        under = self.learner_id._intl_under_evaluation()
        return super()._lifecycle_locked_lines() | self.filtered(lambda line: line.learner_id in under)
