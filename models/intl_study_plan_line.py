from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .intl_learner_grade import GRADE_SELECTION

REGISTRAR_GROUP = "intl_cooperation.group_intl_registrar"


class IntlStudyPlanLine(models.Model):
    """A discipline of an individual study plan: at home and at the partner, with the grade conversion."""

    _name = "intl.study.plan.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "plan_id"
    _lifecycle_line_free_fields = ("partner_grade", "converted_grade")
    _description = "Study Plan Discipline"
    _order = "plan_id, semester, sequence, id"

    plan_id = fields.Many2one("intl.study.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    plan_state = fields.Selection(related="plan_id.state")
    sequence = fields.Integer(default=10)
    discipline_id = fields.Many2one("intl.degree.discipline", "Matched Discipline", ondelete="set null")
    semester = fields.Integer(default=1)
    home_discipline = fields.Char(required=True)
    home_credits = fields.Float(digits=(6, 1), required=True)
    partner_discipline = fields.Char("Partner Module", required=True)
    partner_credits = fields.Float("Partner Credits (ECTS)", digits=(6, 1), required=True)
    partner_grade = fields.Char("Partner's Grade", help="As written in the partner's transcript, e.g. 1.7 or B.")
    converted_grade = fields.Selection(GRADE_SELECTION)

    @api.onchange("discipline_id")
    def _onchange_discipline_id(self):
        if self.discipline_id:
            line = self.discipline_id
            self.home_discipline = line.home_discipline
            self.home_credits = line.home_credits
            self.partner_discipline = line.partner_discipline
            self.partner_credits = line.partner_credits
            self.semester = line.semester

    @api.constrains("home_credits", "partner_credits")
    def _check_credits(self):
        for line in self:
            if line.home_credits <= 0 or line.partner_credits <= 0:
                raise ValidationError(self.env._(
                    "%(discipline)s: credits on both sides must be positive.", discipline=line.home_discipline))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.plan_id._check_lines_editable()
        return lines

    def write(self, vals):
        results = {"partner_grade", "converted_grade"}
        plans = self.plan_id
        if set(vals) - results:
            plans._check_lines_editable()
        elif plans.filtered(lambda plan: plan.state not in ("draft", "approved")):
            raise UserError(self.env._("Grades are recorded on an approved plan, before recognition."))
        elif not self.env.su and not self.env.user.has_group(REGISTRAR_GROUP):
            raise UserError(self.env._("Only the Registrar Office records the partner's grades."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.plan_id._check_lines_editable()
