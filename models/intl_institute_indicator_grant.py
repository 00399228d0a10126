from collections import Counter

from odoo import api, fields, models


class IntlInstituteIndicator(models.Model):
    """§7.2: the applications the opportunities abroad led to (§1 activity 5) and the foreign
    grant projects submitted, won and running (§1 activity 7), per institute and year."""

    _inherit = "intl.institute.indicator"

    code = fields.Selection(selection_add=[
        ("opportunity_applications", "Applications to opportunities abroad"),
        ("grants_submitted", "Grant projects submitted"),
        ("grants_won", "Grant projects won"),
        ("grants_running", "Grant projects running"),
    ], ondelete={"opportunity_applications": "cascade", "grants_submitted": "cascade",
                 "grants_won": "cascade", "grants_running": "cascade"})

    @api.model
    def _actual_providers(self):
        return dict(
            super()._actual_providers(),
            opportunity_applications=self._actual_opportunity_applications,
            grants_submitted=self._actual_grants_submitted,
            grants_won=self._actual_grants_won,
            grants_running=self._actual_grants_running,
        )

    @api.model
    def _actual_opportunity_applications(self, report, year, company):
        """Mobility applications and trips an opportunity led to, per institute (one grouped
        query each)."""
        counts = Counter()
        for model, domain in report._domain_opportunity_applications(year, company):
            counts.update(self._count_by_institute(model, domain))
        return dict(counts)

    @api.model
    def _actual_grants_submitted(self, report, year, company):
        return self._count_by_institute("intl.grant.project", report._domain_grants_submitted(year, company))

    @api.model
    def _actual_grants_won(self, report, year, company):
        return self._count_by_institute("intl.grant.project", report._domain_grants_won(year, company))

    @api.model
    def _actual_grants_running(self, report, year, company):
        return self._count_by_institute("intl.grant.project", report._domain_grants_running(year, company))
