from odoo import api, fields, models
from odoo.tools import format_amount, formatLang

HOUR_CODES = ("scholar_hours",)
DAY_CODES = ("trip_days",)
MONTH_CODES = ("mobility_months",)
MONEY_CODES = ("money_total", "money_by_funding")


class IntlAnnualReportFigure(models.Model):
    """A figure as people read it: counts as integers, hours and days with their unit, money
    with the company's currency."""

    _inherit = "intl.annual.report.figure"

    value_display = fields.Char("Shown Value", compute="_compute_value_display")

    @api.depends_context("lang")
    @api.depends("value", "code")
    def _compute_value_display(self):
        for figure in self:
            value = figure.value
            if figure.code in MONEY_CODES:
                figure.value_display = format_amount(
                    self.env, value, figure.report_id.company_id.currency_id or self.env.company.currency_id)
            elif figure.code in HOUR_CODES:
                figure.value_display = self.env._(
                    "%(value)s h", value=formatLang(self.env, value, digits=1 if value % 1 else 0))
            elif figure.code in MONTH_CODES:
                figure.value_display = self.env._(
                    "%(value)s months", value=formatLang(self.env, value, digits=1 if value % 1 else 0))
            elif figure.code in DAY_CODES:
                figure.value_display = self.env._("%(value)s days", value=formatLang(self.env, value, digits=0))
            else:
                figure.value_display = formatLang(self.env, value, digits=0)
