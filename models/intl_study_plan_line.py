from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .intl_learner_grade import GRADE_SELECTION

REGISTRAR_GROUP = "intl_cooperation.group_intl_registrar"


class IntlStudyPlanLine(models.Model):
    """A component of a study plan or learning agreement: at home and at the partner, with the grade
    conversion. In a change of a mobility's agreement (version 2 and later) a component copied from
    the approved version is kept or *removed*, a new one is *added*, each change with its reason."""

    _name = "intl.study.plan.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "plan_id"
    _lifecycle_line_free_fields = ("partner_grade", "converted_grade")
    _lifecycle_workflow_fields = ("origin_line_id",)
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
    origin_line_id = fields.Many2one("intl.study.plan.line", "Component of the Previous Version", readonly=True,
                                     copy=False, ondelete="set null")
    change = fields.Selection([("added", "Added"), ("removed", "Removed")],
                              help="In a change of the agreement: a component added, or one of the approved "
                                   "version removed (kept here for the record).")
    change_reason = fields.Char("Reason for the Change")

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

    @api.constrains("change", "origin_line_id")
    def _check_change(self):
        for line in self:
            if line.change == "removed" and not line.origin_line_id:
                raise ValidationError(self.env._(
                    "%(component)s is new in this change: delete it instead of marking it removed.",
                    component=line.partner_discipline))
            if line.change == "added" and line.origin_line_id:
                raise ValidationError(self.env._(
                    "%(component)s comes from the approved version: it is kept or removed, not added.",
                    component=line.partner_discipline))
            if line.change and not line.plan_id.previous_id:
                raise ValidationError(self.env._(
                    "Components are added or removed in a change of a signed agreement, not in its first version."))

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["intl.study.plan"].browse({vals.get("plan_id") for vals in vals_list} - {None, False})
        changes = plans.filtered("previous_id").ids
        for vals in vals_list:
            # a component created in a change of the agreement is an added one
            if vals.get("plan_id") in changes and not vals.get("origin_line_id"):
                vals.setdefault("change", "added")
        # who may not create lines is refused by access first; then a frozen plan refuses the line
        # before its values are validated (the lock, not a bad value, refuses)
        self.check_access("create")
        plans._check_lines_editable()
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
        else:
            for plan in plans.filtered("mobility_id"):
                if not plan.signatures_complete:
                    raise UserError(self.env._(
                        "%(plan)s: the grades are recorded once the agreement is signed by the three parties.",
                        plan=plan.display_name))
                if plan._signed_parties("after"):
                    raise UserError(self.env._("%(plan)s: the transcript is signed, its grades no longer change.",
                                               plan=plan.display_name))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.plan_id._check_lines_editable()
        if self.filtered("origin_line_id"):
            raise UserError(self.env._(
                "A component of the approved version is not deleted in a change: mark it removed, with the reason."))
