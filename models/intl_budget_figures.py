from datetime import date

from odoo import api, fields, models

from .intl_budget import EXPENSE_TYPES


class IntlAnnualReport(models.Model):
    """The money section from the books: the budgets' allocation, commitment and spending."""

    _inherit = "intl.annual.report"

    @api.model
    def _figure_providers(self):
        return sorted([*super()._figure_providers(), (95, self._figures_budgets)],
                      key=lambda provider: provider[0])

    @api.model
    def _figures_budgets(self, year, company):
        """Allocated, committed and spent (posted entries of the budgets' analytic accounts), in
        total and by funding source; no figure for a year without budgets."""
        budget_domain = [("company_id", "=", company.id), ("year", "=", year)]
        # sudo: the report counts every budget of the company, whoever refreshes it
        Budget = self.env["intl.budget"].sudo()
        column = Budget._analytic_column()
        # the budgets found and summed in one query, the same for any year (the bench's constant cost)
        by_budget = Budget._figures_of_year(company, year, column)
        if not by_budget:
            return []
        entries = "account.analytic.line"

        def total(rows, index):
            return sum(row[index] for row in rows)

        def spent_domain(rows):
            return [(column, "in", sorted({row[1] for row in rows if row[1]})),
                    ("general_account_id.account_type", "in", EXPENSE_TYPES)]

        rows = list(by_budget.values())
        figures = [
            self._figure("money", "money_allocated", total(rows, 2), "intl.budget", budget_domain),
            self._figure("money", "money_committed", total(rows, 3), "intl.budget", budget_domain),
            self._figure("money", "money_booked", total(rows, 4), entries, spent_domain(rows)),
        ]
        by_source = {}
        for row in rows:
            by_source.setdefault(row[0], []).append(row)
        Source = self.env["intl.funding.source"]
        for source_id, source_rows in sorted(by_source.items()):
            source = Source.browse(source_id)
            figures += [
                self._figure("money", "money_allocated_by_funding", total(source_rows, 2), "intl.budget",
                             [*budget_domain, ("funding_source_id", "=", source_id)],
                             dimension="funding", record=source),
                self._figure("money", "money_booked_by_funding", total(source_rows, 4),
                             entries, spent_domain(source_rows), dimension="funding", record=source),
            ]
        return figures


class IntlAnnualReportFigure(models.Model):
    _inherit = "intl.annual.report.figure"

    code = fields.Selection(selection_add=[
        ("money_allocated", "Funds allocated (budgets)"),
        ("money_committed", "Funds committed, not yet spent"),
        ("money_booked", "Funds spent (posted entries)"),
        ("money_allocated_by_funding", "Funds allocated by funding source"),
        ("money_booked_by_funding", "Funds spent by funding source (posted entries)"),
    ], ondelete={code: "cascade" for code in (
        "money_allocated", "money_committed", "money_booked", "money_allocated_by_funding",
        "money_booked_by_funding")})


class IntlRisk(models.Model):
    """The funds risk reads the budgets: allocated from them, spent from the posted entries."""

    _inherit = "intl.risk"

    @api.model
    def _indicator_funds_used_november(self, company, today, allocated=0.0):
        """Share (%) of the year's budgets spent (posted expense entries of their analytic accounts)
        from January to the end of November; without budgets, the risk's own allocation against the
        posted advance reports."""
        # sudo: the share counts every budget and entry of the company, whoever checks it
        budgets = self.env["intl.budget"].sudo().search(
            [("company_id", "=", company.id), ("year", "=", today.year)])
        if not budgets:
            return super()._indicator_funds_used_november(company, today, allocated)
        allocated = sum(budgets.mapped("amount_allocated"))
        if not allocated:
            return None
        [[amount]] = self.env["account.analytic.line"].sudo()._read_group(
            [*budgets._spent_domain(), ("date", ">=", date(today.year, 1, 1)),
             ("date", "<=", date(today.year, 11, 30))], [], ["amount:sum"])
        return 100.0 * -(amount or 0.0) / allocated

    def action_view_funds_entries(self):
        """Drill-down of the funds indicator: the posted entries of this year's budgets."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        budgets = self.env["intl.budget"].search([("company_id", "=", self.company_id.id),
                                                  ("year", "=", today.year)])
        return {"type": "ir.actions.act_window", "name": self.env._("Funds Spent"),
                "res_model": "account.analytic.line", "view_mode": "list,pivot",
                "domain": [*budgets._spent_domain(), ("date", ">=", date(today.year, 1, 1)),
                           ("date", "<=", date(today.year, 11, 30))],
                "context": {"create": False}}


class IntlInstituteIndicator(models.Model):
    """Each institute's money of the year, from its budgets and the posted entries."""

    _inherit = "intl.institute.indicator"

    code = fields.Selection(selection_add=[("funds_spent", "Funds spent (posted entries)")],
                            ondelete={"funds_spent": "cascade"})

    @api.model
    def _actual_providers(self):
        return {**super()._actual_providers(), "funds_spent": self._actual_funds_spent}

    @api.model
    def _actual_funds_spent(self, report, year, company):
        """Posted expense entries of the institutes' budgets of the year."""
        # sudo: the indicator counts every budget of the institute, whoever refreshes it
        domain = [("company_id", "=", company.id), ("year", "=", year), ("institute_id", "!=", False)]
        Budget = self.env["intl.budget"].sudo()
        budgets = Budget.search(domain)
        spent = Budget._spent_by_budget(budgets)
        values = {}
        for budget in budgets:
            values[budget.institute_id.id] = values.get(budget.institute_id.id, 0.0) + spent.get(budget.id, 0.0)
        return values
