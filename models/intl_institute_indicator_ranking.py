from collections import defaultdict

from odoo import api, fields, models

RANKING_CODES = {"partners_top500": 500, "partners_top1000": 1000}


class IntlInstituteIndicator(models.Model):
    """§4, the ranking goal: the share of an institute's partners in a world top 500 / 1000.

    The partners are the institutions of the institute's agreements in force in the year;
    a partner counts when its latest position up to that year (in the chosen ranking, or in
    any ranking) is within the limit. Read from the rankings recorded on the institutions.
    """

    _inherit = "intl.institute.indicator"

    code = fields.Selection(selection_add=[
        ("partners_top500", "Partners in a world top 500 (%)"),
        ("partners_top1000", "Partners in a world top 1000 (%)"),
    ], ondelete={"partners_top500": "cascade", "partners_top1000": "cascade"})
    ranking_system = fields.Selection(
        lambda self: [("any", self.env._("Any ranking")),
                      *self.env["intl.institution.ranking"]._fields["system"]._description_selection(
                          self.env)],
        "Ranking", required=True, default="any",
        help="For the ranking goal: the world ranking whose positions count (any: the best one).")

    _sql_constraints = [
        ("indicator_unique", "UNIQUE(institute_id, year, code, company_id, ranking_system)",
         "An institute has one value of each indicator per year (and ranking)."),
    ]

    def _compute_is_live(self):
        result = super()._compute_is_live()
        for indicator in self.filtered(lambda i: i.code in RANKING_CODES):
            indicator.is_live = True
        return result

    def _refresh_actuals(self):
        ranked = self.filtered(lambda i: i.code in RANKING_CODES)
        super(IntlInstituteIndicator, self - ranked)._refresh_actuals()
        if not ranked:
            return
        Report = self.env["intl.annual.report"]
        now = fields.Datetime.now()
        groups = defaultdict(lambda: self.browse())
        for indicator in ranked:
            groups[indicator.year, indicator.company_id] |= indicator
        for (year, company), indicators in groups.items():
            shares = self._ranking_shares(Report, year, company)
            for indicator in indicators:
                value = shares.get((indicator.institute_id.id, indicator.ranking_system,
                                    RANKING_CODES[indicator.code]), 0.0)
                indicator._lifecycle_write({"actual": value, "date_refreshed": now})

    @api.model
    def _ranking_shares(self, report, year, company):
        """``{(institute_id, system, limit): share in %}`` for ``year``: two grouped queries."""
        partners = defaultdict(set)
        for institute, partner in self.env["intl.agreement"]._read_group(
                report._domain_agreements_in_force(year, company), ["institute_id", "partner_id"]):
            if institute and partner:
                partners[institute.id].add(partner.id)
        all_partners = set().union(*partners.values()) if partners else set()
        # the latest position of each partner in each ranking, up to the year
        latest = {}
        for ranking in self.env["intl.institution.ranking"].search_read(
                [("partner_id", "in", list(all_partners)), ("year", "<=", year)],
                ["partner_id", "system", "position", "year"], order="year asc"):
            latest[ranking["partner_id"][0], ranking["system"]] = ranking["position"]
        best = {}
        for (partner_id, system), position in latest.items():
            best.setdefault((partner_id, system), position)
            best[partner_id, "any"] = min(best.get((partner_id, "any"), position), position)
        systems = {"any", *(system for _partner, system in latest)}
        shares = {}
        for institute_id, members in partners.items():
            for system in systems:
                for limit in RANKING_CODES.values():
                    top = sum(1 for partner_id in members
                              if best.get((partner_id, system), limit + 1) <= limit)
                    shares[institute_id, system, limit] = round(100.0 * top / len(members), 1)
        return shares
