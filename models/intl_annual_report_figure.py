from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

SECTIONS = [
    ("trips", "Trips Abroad of Staff"),
    ("learners", "Learners Sent Abroad"),
    ("delegations", "Foreign Delegations Received"),
    ("agreements", "Cooperation Agreements"),
    ("scholars", "Invited Scholars and Experts"),
    ("students", "Incoming Foreign Students"),
    ("degrees", "Double-Degree Programmes"),
    ("mobility", "Academic Mobility"),
    ("money", "Money Spent"),
]
CODES = [
    ("trip_count", "Trips abroad"),
    ("trip_days", "Days abroad"),
    ("trip_reported", "Trips with the assignment report (717-02)"),
    ("trip_by_country", "Trips by country"),
    ("trip_by_purpose", "Trips by purpose"),
    ("trip_by_institute", "Trips by institute"),
    ("trip_by_funding", "Trips by funding source"),
    ("learner_out", "Learners sent abroad"),
    ("learner_by_country", "Learners sent abroad by country"),
    ("delegation_count", "Delegations received"),
    ("delegation_members", "Members of the delegations"),
    ("delegation_by_country", "Delegations by country"),
    ("delegation_by_institute", "Delegations by host institute"),
    ("agreement_new", "New agreements signed"),
    ("agreement_in_force", "Agreements in force"),
    ("agreement_expiring", "Agreements expired or expiring"),
    ("agreement_terminated", "Agreements terminated"),
    ("agreement_in_force_by_country", "Agreements in force by country"),
    ("plan_done", "Plan activities done"),
    ("plan_overdue", "Plan activities overdue"),
    ("scholar_count", "Invited scholars and experts"),
    ("scholar_hours", "Hours taught by invited scholars"),
    ("scholar_by_institute", "Invited scholars by inviting institute"),
    ("student_incoming", "Incoming foreign students"),
    ("student_by_country", "Incoming foreign students by country"),
    ("degree_intake", "Double-degree intakes"),
    ("degree_learners", "Learners admitted to double degrees"),
    ("mobility_applications", "Mobility applications"),
    ("mobility_nominated_out", "Outgoing nominations to partners"),
    ("mobility_accepted_out", "Outgoing nominations accepted by the partners"),
    ("mobility_nominations_in", "Incoming nominations received"),
    ("mobility_accepted_in", "Incoming nominations accepted"),
    ("mobility_realised", "Mobilities realised"),
    ("mobility_realised_by_direction", "Mobilities realised by direction"),
    ("mobility_realised_by_activity", "Mobilities realised by direction and activity"),
    ("mobility_months", "Months of mobility realised"),
    ("mobility_credits", "Credits recognised"),
    ("money_total", "Money spent"),
    ("money_by_funding", "Money spent by funding source"),
]
DIMENSIONS = [
    ("total", "Total"),
    ("country", "Country"),
    ("purpose", "Purpose"),
    ("institute", "Institute"),
    ("funding", "Funding Source"),
    ("partner", "Partner"),
    ("direction", "Direction"),
    ("activity", "Direction and Activity"),
]
# breakdowns by the values of selection fields of the mobility: their labels in the reader's language
SELECTION_KEYS = {"direction": ("direction",), "activity": ("direction", "mobility_type")}


class IntlAnnualReportFigure(models.Model):
    """A figure of an annual report, with the records behind it.

    Figures are written by the report only (every field is a workflow field
    of the lifecycle): the DIC Director refreshes them on a draft; once the
    report is submitted they are its frozen snapshot.
    """

    _name = "intl.annual.report.figure"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Annual Report Figure"
    _order = "report_id, sequence, id"

    _lifecycle_state_field = False
    _lifecycle_parent_field = "report_id"
    _lifecycle_transitions = {}
    _lifecycle_workflow_fields = (
        "report_id", "sequence", "section", "code", "dimension", "res_model", "res_id", "key",
        "value", "drill_model", "drill_domain",
    )

    report_id = fields.Many2one("intl.annual.report", required=True, ondelete="cascade", index=True,
                                readonly=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    year = fields.Integer(related="report_id.year", store=True)
    sequence = fields.Integer(readonly=True)
    section = fields.Selection(SECTIONS, required=True, readonly=True)
    code = fields.Selection(CODES, "Figure", required=True, readonly=True)
    dimension = fields.Selection(DIMENSIONS, required=True, default="total", readonly=True)
    res_model = fields.Char(readonly=True)
    res_id = fields.Integer(readonly=True)
    key = fields.Char(readonly=True)
    dimension_label = fields.Char("Breakdown", compute="_compute_dimension_label")
    value = fields.Float(digits=(16, 2), readonly=True, aggregator="sum")
    drill_model = fields.Char(readonly=True)
    drill_domain = fields.Char(readonly=True)

    @api.depends_context("lang")
    @api.depends("res_model", "res_id", "key", "dimension")
    def _compute_dimension_label(self):
        names = {}
        for model in set(self.filtered("res_model").mapped("res_model")):
            ids = self.filtered(lambda f, m=model: f.res_model == m).mapped("res_id")
            # sudo: the name of a country, institute or funding source behind a figure the user reads
            for record in self.env[model].sudo().browse(ids).exists():
                names[model, record.id] = record.display_name
        for figure in self:
            if figure.dimension == "total":
                figure.dimension_label = False
            elif figure.res_model:
                figure.dimension_label = names.get((figure.res_model, figure.res_id), "")
            elif figure.dimension in SELECTION_KEYS and figure.key:
                figure.dimension_label = figure._selection_key_label()
            else:
                figure.dimension_label = figure.key or self.env._("(not set)")

    def _selection_key_label(self):
        """``outgoing/studies`` as the reader reads it: "Outgoing: Studies"."""
        self.ensure_one()
        fields_ = self.env["intl.mobility"]._fields
        return ": ".join(
            dict(fields_[name]._description_selection(self.env)).get(value, value)
            for name, value in zip(SELECTION_KEYS[self.dimension], self.key.split("/"), strict=False))

    @api.model
    def _unlink_of_reports(self, reports):
        """Remove the figures of draft ``reports`` (before computing them again)."""
        figures = self.search([("report_id", "in", reports.ids)])
        figures.with_context(intl_refresh_figures=True).unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        if not self.env.context.get("intl_refresh_figures") or any(
                figure.report_id.state != "draft" for figure in self):
            raise UserError(self.env._("The figures of an annual report are computed, never deleted."))

    def action_open_records(self):
        """The records behind the figure (today's state of them)."""
        self.ensure_one()
        model = self.env[self.drill_model]
        return {
            "type": "ir.actions.act_window",
            "name": "%s: %s" % (self.report_id.name, dict(
                self._fields["code"]._description_selection(self.env))[self.code]),
            "res_model": model._name,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": safe_eval(self.drill_domain or "[]"),
            "context": {"create": False},
        }
