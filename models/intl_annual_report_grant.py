from collections import defaultdict

from odoo import api, models
from odoo.osv import expression

GRANT_WON_STATES = ("won", "running", "closed")
GRANT_RUNNING_STATES = ("running", "closed")


class IntlAnnualReport(models.Model):
    """§7.1 and §1 activity 7: the foreign grant projects of the year (submitted, won, running)."""

    _inherit = "intl.annual.report"

    @api.model
    def _figure_providers(self):
        providers = super()._figure_providers()
        return sorted([*providers, (80, self._figures_grants)], key=lambda provider: provider[0])

    # domains shared by the figures and the indicators

    @api.model
    def _domain_grants_submitted(self, year, company):
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("date_submitted", ">=", start), ("date_submitted", "<=", end)]

    @api.model
    def _domain_grants_won(self, year, company):
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("state", "in", GRANT_WON_STATES),
                ("date_decided", ">=", start), ("date_decided", "<=", end)]

    @api.model
    def _domain_grants_running(self, year, company):
        """Running (or since closed) projects whose period overlaps the year."""
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("state", "in", GRANT_RUNNING_STATES),
                ("date_start", "<=", end), "|", ("date_end", "=", False), ("date_end", ">=", start)]

    @api.model
    def _domain_opportunity_applications(self, year, company):
        """``[(model, domain)]``: the mobility applications (made in the year) and the trips
        (departing in the year) an opportunity abroad led to, submitted."""
        start, end = self._year_bounds(year)
        return [
            ("intl.mobility.application", [
                ("company_id", "=", company.id), ("opportunity_id", "!=", False),
                ("state", "not in", ("draft", "withdrawn")),
                ("create_date", ">=", start), ("create_date", "<", end.replace(year=end.year + 1, month=1, day=1))]),
            ("intl.trip", [
                ("company_id", "=", company.id), ("opportunity_id", "!=", False),
                ("state", "not in", ("draft", "cancel")),
                ("date_departure", ">=", start), ("date_departure", "<=", end)]),
        ]

    @api.model
    def _figures_grants(self, year, company):
        """Projects submitted, won and running in the year, the running ones by institute: the
        projects of any of the three read in one query, counted here."""
        model = "intl.grant.project"
        start, end = self._year_bounds(year)
        submitted = self._domain_grants_submitted(year, company)
        won = self._domain_grants_won(year, company)
        running = self._domain_grants_running(year, company)
        projects = self.env[model].search_fetch(
            expression.OR([submitted, won, running]),
            ["state", "date_submitted", "date_decided", "date_start", "date_end", "institute_id"])
        submitted_count = won_count = 0
        by_institute = defaultdict(float)
        for project in projects:
            submitted_count += bool(project.date_submitted and start <= project.date_submitted <= end)
            won_count += bool(project.state in GRANT_WON_STATES and project.date_decided
                              and start <= project.date_decided <= end)
            if project.state in GRANT_RUNNING_STATES and project.date_start and project.date_start <= end \
                    and (not project.date_end or project.date_end >= start):
                by_institute[project.institute_id] += 1
        return [
            self._figure("grants", "grant_submitted", submitted_count, model, submitted),
            self._figure("grants", "grant_won", won_count, model, won),
            self._figure("grants", "grant_running", sum(by_institute.values()), model, running),
            *self._breakdown_figures("grants", "grant_running_by_institute", model, running,
                                     "institute_id", dict(by_institute)),
        ]
