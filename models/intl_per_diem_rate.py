from odoo import api, fields, models

NORM_KINDS = [("per_diem", "Per Diem (per day)"), ("accommodation", "Accommodation (per night)")]
JOB_GRADES = [
    ("head", "Head of the University"),
    ("deputy", "Vice-Rectors and Heads of Units"),
    ("staff", "Other Employees"),
]


class IntlPerDiemRate(models.Model):
    """A norm of trip costs abroad, valid from a date (set by law or by the university, kept as data).

    Per-diem norms are per calendar day, accommodation limits per night; by
    country (and city where set) and job grade, in any currency.
    """

    _name = "intl.per.diem.rate"
    _description = "Trip Cost Norm"
    _order = "kind, country_id, city, date_from desc, id desc"
    _check_company_auto = True

    kind = fields.Selection(NORM_KINDS, "Norm", required=True, default="per_diem")
    country_id = fields.Many2one("res.country", "Country", help="Empty: every other country.")
    city = fields.Char(help="Empty: every city of the country.")
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    date_from = fields.Date("Valid From", required=True, default=fields.Date.context_today)
    job_id = fields.Many2one("hr.job", "Job Position", help="Empty: every position.")
    job_grade = fields.Selection(JOB_GRADES, help="Empty: every grade.")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    note = fields.Char("Legal Basis")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The norm must be positive."),
    ]

    @api.depends("kind", "country_id", "city", "amount", "currency_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for rate in self:
            place = rate.country_id.name or self.env._("Other countries")
            if rate.city:
                place = f"{place}, {rate.city}"
            rate.display_name = "%s, %s: %s %s" % (
                kinds.get(rate.kind, ""), place, rate.amount, rate.currency_id.name or "")

    @api.model
    def _find_rate(self, country, date, job=None, company=None, kind="per_diem", city=None,
                   grade=None):
        """The applicable norm: most specific place, position and grade first, then the newest."""
        company = company or self.env.company
        rates = self.search([
            ("kind", "=", kind),
            ("country_id", "in", [country.id, False]),
            ("date_from", "<=", date),
            ("company_id", "in", [company.id, False]),
            ("job_id", "in", [job.id if job else False, False]),
            ("job_grade", "in", [grade or False, False]),
        ])
        city_key = (city or "").strip().casefold()
        rates = rates.filtered(lambda rate: not rate.city or rate.city.strip().casefold() == city_key)

        def key(rate):
            return (bool(rate.country_id), bool(rate.city), bool(rate.job_id), bool(rate.job_grade),
                    rate.date_from)

        return max(rates, key=key) if rates else rates
