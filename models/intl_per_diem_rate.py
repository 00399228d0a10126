from odoo import api, fields, models


class IntlPerDiemRate(models.Model):
    """Daily allowance abroad by country, valid from a date (set by law, kept as data)."""

    _name = "intl.per.diem.rate"
    _description = "Per Diem Rate"
    _order = "country_id, date_from desc, id desc"
    _check_company_auto = True

    country_id = fields.Many2one("res.country", "Country", help="Empty: every other country.")
    amount = fields.Monetary("Daily Amount", required=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    date_from = fields.Date("Valid From", required=True, default=fields.Date.context_today)
    job_id = fields.Many2one("hr.job", "Job Position", help="Empty: every position.")
    job_grade = fields.Char()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    note = fields.Char("Legal Basis")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The daily amount must be positive."),
    ]

    @api.depends("country_id", "amount", "currency_id")
    def _compute_display_name(self):
        for rate in self:
            rate.display_name = "%s: %s %s" % (
                rate.country_id.name or self.env._("Other countries"),
                rate.amount, rate.currency_id.name or "",
            )

    @api.model
    def _find_rate(self, country, date, job=None, company=None):
        """The applicable rate: the country's (else the generic one), newest valid, job-specific first."""
        company = company or self.env.company
        rates = self.search([
            ("country_id", "in", [country.id, False]),
            ("date_from", "<=", date),
            ("company_id", "in", [company.id, False]),
            ("job_id", "in", [job.id if job else False, False]),
        ])

        def key(rate):
            return (bool(rate.country_id), bool(rate.job_id), rate.date_from)

        return max(rates, key=key) if rates else rates
