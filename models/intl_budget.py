from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# the accounts whose posted amounts are spending (not the advances on 1250, nor the bank)
EXPENSE_TYPES = ("expense", "expense_direct_cost", "expense_depreciation")
# what is committed and not yet spent: approved trips until their advance report is posted,
# delegations whose programme (and estimate) is approved, accepted scholar visits
TRIP_COMMITTED_STATES = ("approved", "returned")
TRIP_COMMITTED_MONEY_STATES = ("to_pay", "advanced", "to_approve")
DELEGATION_COMMITTED_STATES = ("programme_approved", "in_progress", "protocol_review",
                               "protocol_approved", "closed")
VISIT_COMMITTED_STATES = ("accepted", "on_site", "ended")


class IntlBudget(models.Model):
    """The money of international cooperation for one year, company, funding source and institute.

    Built on Odoo's analytic accounting (not OCA's account_budget_oca, whose lines
    compute one query per line and know neither commitments nor our dimensions):
    each budget owns an analytic account; trips, delegations and scholar visits
    charged to the budget carry it in their analytic distribution, so *spent* is
    what is posted on its expense accounts and *committed* what is approved and
    not yet posted. An empty institute is the university-wide budget of the
    source, used by institutes without their own.
    """

    _name = "intl.budget"
    _inherit = ["mail.thread"]
    _description = "International Cooperation Budget"
    _order = "year desc, funding_source_id, institute_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, tracking=True, index=True,
                          default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    funding_source_id = fields.Many2one("intl.funding.source", "Funding Source", required=True,
                                        tracking=True, index=True)
    institute_id = fields.Many2one(
        "hr.department", "Institute", tracking=True, index=True,
        domain=[("intl_kind", "=", "institute")],
        help="Empty: the university-wide budget of the source, for institutes without their own.")
    # a grant project of the register may later narrow a budget (one more key of _match)
    analytic_account_id = fields.Many2one(
        "account.analytic.account", "Analytic Account", readonly=True, copy=False, index=True,
        help="Created with the budget: every entry charged to the budget carries it.")
    amount_allocated = fields.Monetary("Allocated", tracking=True)
    on_exceed = fields.Selection(
        [("warn", "Warn"), ("refuse", "Refuse")], "When Exceeded", default="warn", required=True,
        tracking=True,
        help="Warn: a submission beyond the budget left is allowed with a warning. Refuse: only "
             "Management's override with a reason lets it through.")
    amount_committed = fields.Monetary(
        "Committed", compute="_compute_figures",
        help="Approved trip estimates, approved delegation programmes and accepted scholar "
             "contracts not yet posted.")
    amount_spent = fields.Monetary("Spent", compute="_compute_figures",
                                   help="Posted expense entries of the budget's analytic account.")
    amount_left = fields.Monetary("Left", compute="_compute_figures",
                                  help="Allocated minus committed minus spent.")
    used_percent = fields.Float("Used (%)", compute="_compute_figures", digits=(16, 1))
    active = fields.Boolean(default=True)
    note = fields.Text()

    @api.depends("year", "funding_source_id", "institute_id")
    def _compute_name(self):
        for budget in self:
            budget.name = " · ".join(filter(None, [
                str(budget.year or ""), budget.funding_source_id.name,
                budget.institute_id.name or self.env._("University")]))

    def _compute_figures(self):
        figures = self._figures(self)
        for budget in self:
            committed, spent = figures.get(budget.id, (0.0, 0.0))
            budget.amount_spent = spent
            budget.amount_committed = committed
            budget.amount_left = budget.amount_allocated - committed - spent
            used = committed + spent
            budget.used_percent = 100.0 * used / budget.amount_allocated if budget.amount_allocated else 0.0

    @api.constrains("year", "company_id", "funding_source_id", "institute_id", "active")
    def _check_unique(self):
        for budget in self:
            if budget.year < 2000 or budget.year > 2100:
                raise ValidationError(self.env._("Enter the budget's year, e.g. 2026."))
            if self.search_count([
                    ("id", "!=", budget.id), ("year", "=", budget.year),
                    ("company_id", "=", budget.company_id.id),
                    ("funding_source_id", "=", budget.funding_source_id.id),
                    ("institute_id", "=", budget.institute_id.id)], limit=1):
                raise ValidationError(self.env._(
                    "%(budget)s already exists: one budget per year, company, funding source and "
                    "institute.", budget=budget.name))

    @api.constrains("amount_allocated")
    def _check_amount(self):
        for budget in self:
            if budget.amount_allocated < 0:
                raise ValidationError(self.env._("An allocation cannot be negative."))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        budgets = super().create(vals_list)
        budgets._create_analytic_accounts()
        return budgets

    def write(self, vals):
        keys = {"year", "company_id", "funding_source_id", "institute_id"}
        if keys & set(vals) and self._charged_records_exist():
            raise ValidationError(self.env._(
                "Records are already charged to this budget: its year, company, source and "
                "institute stay; archive it and create another."))
        result = super().write(vals)
        if keys & set(vals):
            for budget in self:
                # sudo: the budget's own analytic account follows its name
                budget.analytic_account_id.sudo().name = budget.name
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_charged(self):
        if self._charged_records_exist():
            raise ValidationError(self.env._("Records are charged to this budget: archive it instead."))

    def _create_analytic_accounts(self):
        plan = self._analytic_plan()
        # sudo: the budget's own analytic account is created with it, whoever may create budgets
        Account = self.env["account.analytic.account"].sudo()
        for budget in self.filtered(lambda b: not b.analytic_account_id):
            account = Account.create({"name": budget.name, "plan_id": plan.id,
                                      "company_id": budget.company_id.id,
                                      "code": f"INTL-{budget.year}-{budget.id}"})
            budget.analytic_account_id = account

    @api.model
    def _analytic_plan(self):
        plan = self.env.ref("intl_cooperation.account_analytic_plan_intl_budget", raise_if_not_found=False)
        if not plan:
            # sudo: the module's analytic plan is created once, on the first budget
            plan = self.env["account.analytic.plan"].sudo().create({"name": "International Cooperation"})
        return plan

    # ------------------------------------------------------------------
    # Figures (one query per figure for the whole batch)
    # ------------------------------------------------------------------

    def _charged_models(self):
        """``{model: (amount field or method, committed domain)}`` of the records charged to budgets."""
        return [name for name in ("intl.trip", "intl.trip.funding.line", "intl.delegation", "intl.scholar.visit")
                if name in self.env]

    def _charged_records_exist(self):
        return any(self.env[model].sudo().search_count([("budget_id", "in", self.ids)], limit=1)
                   for model in self._charged_models())

    @api.model
    def _figures(self, budgets, column=None):
        """``{budget id: (committed, spent)}`` of ``budgets`` in their company's currency."""
        return {budget_id: (committed, spent) for budget_id, (_source, _account, _allocated, committed, spent)
                in self._figures_query(SQL("id = ANY(%s)", list(budgets.ids)), column).items()}

    @api.model
    def _figures_of_year(self, company, year, column=None):
        """``{budget id: (funding source id, analytic account id, allocated, committed, spent)}`` of
        the active budgets of ``company`` and ``year``, found and summed in the same query."""
        return self._figures_query(SQL("company_id = %s AND year = %s AND active", company.id, year), column)

    @api.model
    def _figures_query(self, where, column=None):
        """``{budget id: (funding source id, analytic account id, allocated, committed, spent)}`` of
        the budgets meeting ``where``, in their company's currency.

        One query whatever the budgets and the records (so the annual report costs as many
        queries for any year): committed trip estimates (a trip with funding lines commits each
        line's share on the line's budget), unbilled lines of approved delegation programmes,
        accepted scholar contracts less their billed acts, and the posted expense entries of the
        budgets' analytic accounts.
        """
        for model in ("intl.budget", "intl.trip", "intl.trip.funding.line", "intl.delegation",
                      "intl.delegation.cost.line", "intl.scholar.visit", "intl.scholar.act",
                      "account.analytic.line", "account.move"):
            self.env[model].flush_model()
        column = column or self._analytic_column()
        self.env.cr.execute(SQL("""
            WITH budgets AS (
                SELECT id, company_id, funding_source_id, analytic_account_id, amount_allocated
                  FROM intl_budget WHERE %(where)s
            ), parts (budget_id, currency_id, amount, is_spent) AS (
            SELECT trip.budget_id, NULL::int, SUM(trip.estimate_total), FALSE FROM intl_trip trip
             WHERE trip.budget_id IN (SELECT id FROM budgets) AND trip.state IN %(trip_states)s
               AND NOT COALESCE(trip.no_advance, FALSE) AND trip.money_state IN %(money_states)s
               AND NOT EXISTS (SELECT FROM intl_trip_funding_line funding WHERE funding.trip_id = trip.id)
             GROUP BY trip.budget_id
            UNION ALL
            SELECT funding.budget_id, NULL, SUM(trip.estimate_total * funding.budget_share / 100.0), FALSE
              FROM intl_trip_funding_line funding
              JOIN intl_trip trip ON trip.id = funding.trip_id
             WHERE funding.budget_id IN (SELECT id FROM budgets) AND trip.state IN %(trip_states)s
               AND NOT COALESCE(trip.no_advance, FALSE) AND trip.money_state IN %(money_states)s
             GROUP BY funding.budget_id
            UNION ALL
            SELECT line.budget_id, NULL, SUM(line.amount), FALSE FROM intl_delegation_cost_line line
              JOIN intl_delegation visit ON visit.id = line.delegation_id
              LEFT JOIN account_move bill ON bill.id = line.move_id
             WHERE line.budget_id IN (SELECT id FROM budgets) AND visit.state IN %(delegation_states)s
               AND (bill.id IS NULL OR bill.state != 'posted')
             GROUP BY line.budget_id
            UNION ALL
            SELECT budget_id, contract_currency_id, SUM(contract_amount), FALSE FROM intl_scholar_visit
             WHERE budget_id IN (SELECT id FROM budgets) AND state IN %(visit_states)s
             GROUP BY budget_id, contract_currency_id
            UNION ALL
            SELECT act.budget_id, act.currency_id, -SUM(act.amount), FALSE FROM intl_scholar_act act
              JOIN intl_scholar_visit visit ON visit.id = act.visit_id
             WHERE act.budget_id IN (SELECT id FROM budgets) AND act.state IN ('billed', 'paid')
               AND visit.state IN %(visit_states)s
             GROUP BY act.budget_id, act.currency_id
            UNION ALL
            SELECT budget.id, NULL, -SUM(line.amount), TRUE FROM budgets budget
              JOIN account_analytic_line line ON line.%(column)s = budget.analytic_account_id
              JOIN account_account account ON account.id = line.general_account_id
             WHERE account.account_type IN %(expense_types)s
             GROUP BY budget.id
            )
            SELECT budgets.id, budgets.company_id, budgets.funding_source_id, budgets.analytic_account_id,
                   budgets.amount_allocated, parts.currency_id, parts.amount, parts.is_spent
              FROM budgets LEFT JOIN parts ON parts.budget_id = budgets.id
        """, where=where, trip_states=TRIP_COMMITTED_STATES, money_states=TRIP_COMMITTED_MONEY_STATES,
            delegation_states=DELEGATION_COMMITTED_STATES, visit_states=VISIT_COMMITTED_STATES,
            expense_types=EXPENSE_TYPES, column=SQL.identifier(column)))
        figures = {}
        today = fields.Date.today()
        companies = {}
        for budget_id, company_id, source_id, account_id, allocated, currency_id, amount, is_spent \
                in self.env.cr.fetchall():
            _source, _account, _allocated, committed, spent = figures.get(
                budget_id, (source_id, account_id, allocated or 0.0, 0.0, 0.0))
            if amount:
                company = companies.setdefault(company_id, self.env["res.company"].browse(company_id))
                if currency_id and currency_id != company.currency_id.id:
                    amount = self.env["res.currency"].browse(currency_id)._convert(
                        amount, company.currency_id, company, today)
                if is_spent:
                    spent += amount
                else:
                    committed += amount
            figures[budget_id] = (source_id, account_id, allocated or 0.0, committed, spent)
        return figures

    @api.model
    def _spent_by_budget(self, budgets, column=None):
        """``{budget id: amount}`` posted on the expense accounts of the budgets' analytic accounts."""
        return {budget_id: spent for budget_id, (_committed, spent) in self._figures(budgets, column).items()}

    @api.model
    def _analytic_column(self):
        """The column of the analytic lines holding the budgets' accounts (their plan's)."""
        return self._analytic_column_cached()

    @tools.ormcache()
    def _analytic_column_cached(self):
        # the module's plan is a root plan: its column stays (cached, as the figures are
        # read daily by the crons and the annual report at a constant cost)
        return self._analytic_plan()._column_name()

    def _spent_domain(self, column=None):
        """The analytic lines behind ``amount_spent`` (the drill-down)."""
        return [(column or self._analytic_column(), "in", self.analytic_account_id.ids),
                ("general_account_id.account_type", "in", EXPENSE_TYPES)]

    # ------------------------------------------------------------------
    # Matching records to budgets
    # ------------------------------------------------------------------

    @api.model
    def _match(self, keys):
        """``{key: budget}`` for keys ``(company, year, source, institute)``: the institute's budget,
        else the university-wide one of the source; one query for all keys."""
        keys = [key for key in keys if all(key[:3])]
        if not keys:
            return {}
        # sudo: whoever submits a record is charged to the budget, whether they read budgets or not
        budgets = self.sudo().search([
            ("company_id", "in", list({key[0].id for key in keys})),
            ("year", "in", list({key[1] for key in keys})),
            ("funding_source_id", "in", list({key[2].id for key in keys}))])
        index = {(b.company_id, b.year, b.funding_source_id, b.institute_id): b for b in budgets}
        empty = self.env["hr.department"]
        result = {}
        for key in keys:
            company, year, source, institute = key
            budget = index.get((company, year, source, institute or empty)) or index.get(
                (company, year, source, empty))
            if budget:
                result[key] = budget.with_env(self.env)
        return result

    # ------------------------------------------------------------------
    # Actions: drill-down to the records and the entries
    # ------------------------------------------------------------------

    def action_view_entries(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Spent: %(budget)s", budget=self.name),
            "res_model": "account.analytic.line",
            "view_mode": "list,pivot,form",
            "domain": self._spent_domain(),
            "context": {"create": False},
        }

    def action_view_committed(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Committed: %(budget)s", budget=self.name),
            "res_model": "intl.trip",
            "view_mode": "list,form",
            "domain": [*self.env["intl.trip"]._budget_charged_domain(self),
                       *self.env["intl.trip"]._budget_committed_domain()],
            "context": {"create": False},
        }


class AccountAnalyticAccount(models.Model):
    _inherit = "account.analytic.account"

    intl_budget_ids = fields.One2many("intl.budget", "analytic_account_id", "International Budgets")
