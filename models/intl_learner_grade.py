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
# the lowest percentage of each letter (same table): percentages and other scales are read through it
PERCENT_FLOORS = (
    (95, "A"), (90, "A-"), (85, "B+"), (80, "B"), (75, "B-"), (70, "C+"), (65, "C"), (60, "C-"),
    (55, "D+"), (50, "D"), (25, "FX"), (0, "F"),
)
# how a partner writes its grades (the Registrar chooses the partner's scale when importing them)
GRADE_SCALES = [
    ("letter", "Letters (A to F)"),
    ("percent", "Percent (0 to 100)"),
    ("one_to_five", "1.0 (best) to 5.0 (fail), e.g. Germany"),
]
# the ECTS letters that are not letters of the table: E is the lowest pass
ECTS_LETTERS = {"E": "D"}
TERM_SELECTION = [("1", "Autumn term"), ("2", "Spring term"), ("3", "Summer term")]
ACADEMIC_YEAR_RE = re.compile(r"^(\d{4})/(\d{4})$")


def _number(text):
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def letter_of_percent(percent):
    """The letter of a percentage (0 to 100), by the table above; ``None`` outside it."""
    if percent is None or not 0 <= percent <= 100:
        return None
    percent = round(percent, 2)
    return next(letter for floor, letter in PERCENT_FLOORS if percent >= floor)


def convert_partner_grade(grade, scale="letter"):
    """The letter grade of the module's table for a partner's grade written on ``scale``.

    ``letter``: A to F as in the table (the ECTS E is the lowest pass, D);
    ``percent``: 0 to 100 by the table's percentages; ``one_to_five``: 1.0 (best)
    to 4.0 (the lowest pass) taken linearly onto 100 to 50 per cent, 5.0 a
    fail (F), in between FX. ``None`` when the grade cannot be read.
    """
    text = (grade or "").strip().upper().replace(" ", "")
    if not text:
        return None
    if scale == "letter":
        return text if text in GRADE_POINTS else ECTS_LETTERS.get(text)
    if scale == "percent":
        return letter_of_percent(_number(text.rstrip("%")))
    if scale == "one_to_five":
        value = _number(text)
        if value is None or not 1.0 <= value <= 5.0:
            return None
        if value > 4.0:
            return "F" if value >= 5.0 else "FX"
        return letter_of_percent(100.0 - (value - 1.0) * 50.0 / 3.0)
    return None


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
