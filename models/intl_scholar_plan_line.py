from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IntlScholarPlanLine(models.Model):
    """One planned invitation of a semester plan: planned against actual."""

    _name = "intl.scholar.plan.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "plan_id"
    _description = "Planned Scholar Invitation"
    _order = "plan_id, date_from, id"
    _rec_names_search = ["scholar_id.name", "plan_id.name", "field_of_study"]

    plan_id = fields.Many2one("intl.scholar.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    plan_state = fields.Selection(related="plan_id.state")
    institute_id = fields.Many2one(related="plan_id.institute_id", store=True)
    scholar_id = fields.Many2one("res.partner", "Scholar", required=True,
                                 domain="[('is_company', '=', False)]")
    home_institution_id = fields.Many2one(
        "res.partner", "Home Institution", domain="[('is_intl_institution', '=', True)]")
    field_of_study = fields.Char("Field", required=True)
    level_bachelor = fields.Boolean("Bachelor")
    level_master = fields.Boolean("Master")
    level_phd = fields.Boolean("PhD")
    date_from = fields.Date("Planned From", required=True)
    date_to = fields.Date("Planned Until", required=True)
    funding_source_id = fields.Many2one(
        "intl.funding.source", "Funding", required=True,
        default=lambda self: self.env.ref("intl_cooperation.intl_funding_source_scholar_programme",
                                          raise_if_not_found=False))
    planned_cost = fields.Monetary(currency_field="currency_id")
    planned_hours = fields.Float()
    visit_ids = fields.One2many("intl.scholar.visit", "plan_line_id", "Visits")
    actual_state = fields.Char("Actual", compute="_compute_actual")
    actual_date_from = fields.Date("Actual From", compute="_compute_actual")
    actual_date_to = fields.Date("Actual Until", compute="_compute_actual")
    actual_hours = fields.Float(compute="_compute_actual")
    actual_cost = fields.Monetary(compute="_compute_actual", currency_field="currency_id")

    @api.depends("visit_ids.state", "visit_ids.date_arrival", "visit_ids.date_departure",
                 "visit_ids.hours_given", "visit_ids.amount_paid")
    def _compute_actual(self):
        for line in self:
            visits = line.visit_ids.filtered(lambda v: v.state not in ("cancel", "refused"))
            visit = visits[:1]
            line.actual_state = visit._lifecycle_state_label(visit.state) if visit else self.env._("Not invited yet")
            line.actual_date_from = visit.date_arrival_actual or visit.date_arrival
            line.actual_date_to = visit.date_departure
            line.actual_hours = sum(visits.mapped("hours_given"))
            line.actual_cost = sum(visits.mapped("amount_paid"))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for line in self:
            if line.date_to < line.date_from:
                raise ValidationError(self.env._("The planned stay cannot end before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.plan_id._check_is_draft()
        return lines

    def write(self, vals):
        self.plan_id._check_is_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_plan_submitted(self):
        self.plan_id._check_is_draft()

    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.plan_id.name or ''}: {line.scholar_id.name or ''}"
