from odoo import api, fields, models

# the academic mobility of an institute (issue 21): the annual report's mobility figures, per institute
MOBILITY_INDICATORS = [
    ("mobility_applications", "Mobility applications"),
    ("mobility_nominated_out", "Outgoing nominations to partners"),
    ("mobility_nominations_in", "Incoming nominations received"),
    ("mobility_realised", "Mobilities realised"),
    ("mobility_months", "Months of mobility realised"),
    ("mobility_credits", "Credits recognised"),
]


class IntlInstituteIndicator(models.Model):
    """The academic mobility indicators of an institute, from the same records and domains as the
    annual report's mobility figures; each opens the records it counts."""

    _inherit = "intl.institute.indicator"

    code = fields.Selection(selection_add=MOBILITY_INDICATORS,
                            ondelete={code: "cascade" for code, _label in MOBILITY_INDICATORS})
    can_open_records = fields.Boolean(compute="_compute_can_open_records")

    @api.depends("code")
    def _compute_can_open_records(self):
        sources = self._mobility_sources()
        for indicator in self:
            indicator.can_open_records = indicator.code in sources

    @api.model
    def _mobility_sources(self):
        """``{code: (model, domain(report, year, company), aggregate)}``: the records behind each
        mobility indicator, counted per institute (their ``institute_id``)."""
        def nominated(report, year, company):
            states = report._mobility_states("intl.mobility.application", ("nominated", "accepted", "declined"))
            return [*report._domain_mobility_applications(year, company), ("state", "in", states)]

        def credits(report, year, company):
            return [*report._domain_mobility_realised(year, company), ("credits_recognised", ">", 0)]

        return {
            "mobility_applications": ("intl.mobility.application", lambda report, year, company:
                                      report._domain_mobility_applications(year, company), "__count"),
            "mobility_nominated_out": ("intl.mobility.application", nominated, "__count"),
            "mobility_nominations_in": ("intl.mobility.nomination", lambda report, year, company:
                                        report._domain_mobility_nominations(year, company), "__count"),
            "mobility_realised": ("intl.mobility", lambda report, year, company:
                                  report._domain_mobility_realised(year, company), "__count"),
            "mobility_months": ("intl.mobility", lambda report, year, company:
                                report._domain_mobility_realised(year, company), "duration_months:sum"),
            "mobility_credits": ("intl.mobility", credits, "credits_recognised:sum"),
        }

    @api.model
    def _actual_providers(self):
        providers = super()._actual_providers()
        for code, (model, domain, aggregate) in self._mobility_sources().items():
            providers[code] = (
                lambda report, year, company, model=model, domain=domain, aggregate=aggregate:
                self._count_by_institute(model, domain(report, year, company), aggregate=aggregate))
        return providers

    def action_open_records(self):
        """The records the indicator counts: its institute's, of its year."""
        self.ensure_one()
        model, domain, _aggregate = self._mobility_sources()[self.code]
        report = self.env["intl.annual.report"]
        return {
            "type": "ir.actions.act_window",
            "name": "%s: %s" % (self.institute_id.name, dict(
                self._fields["code"]._description_selection(self.env))[self.code]),
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [*domain(report, self.year, self.company_id), ("institute_id", "=", self.institute_id.id)],
            "context": {"create": False},
        }
