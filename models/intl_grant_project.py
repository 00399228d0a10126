from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .intl_budget import EXPENSE_TYPES

OFFICER = "intl_cooperation.group_intl_officer"
# the projects that may fund trips and delegations
FUNDING_STATES = ("running",)


class IntlGrantProject(models.Model):
    """A foreign research (grant) project DIC helps an institute find and submit (DP 717 §1
    activity 7, §5.1.5).

    The call and its funder, the partner institutions, the cooperation agreement it comes
    under, the budget in its currency, the period, the principal investigator and the
    institute. Its analytic account (created when the project is won, unless one is given)
    carries its entries: the spending is read from the posted entries of that account.
    ``proposal`` → ``submitted`` → ``won`` / ``rejected`` → ``running`` → ``closed``, all by
    DIC (never by the principal investigator on their own project). Trips and delegations
    funded by a running project name it.
    """

    _name = "intl.grant.project"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin"]
    _description = "Foreign Grant Project"
    _order = "date_submitted desc nulls first, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "reference", "acronym"]

    _lifecycle_transitions = {
        "submit": {"from": ("proposal",), "to": "submitted", "who": (OFFICER,), "guard": "_guard_submit"},
        "win": {"from": ("submitted",), "to": "won", "who": (OFFICER,)},
        "reject": {"from": ("submitted",), "to": "rejected", "who": (OFFICER,)},
        "start": {"from": ("won",), "to": "running", "who": (OFFICER,), "guard": "_guard_start"},
        "close": {"from": ("running",), "to": "closed", "who": (OFFICER,)},
        "reset": {"from": ("rejected",), "to": "proposal", "who": (OFFICER,)},
    }
    _lifecycle_workflow_fields = ("date_submitted", "date_decided", "reference")
    # what the funder received: fixed once submitted (a new proposal is a new record)
    _lifecycle_substance = ("call", "funder_id", "company_id", "institute_id")
    _lifecycle_substance_open = ("proposal",)
    _lifecycle_folded_states = ("rejected", "closed")

    reference = fields.Char(required=True, readonly=True, copy=False, default="/", index=True)
    name = fields.Char("Title", required=True, tracking=True)
    acronym = fields.Char(tracking=True)
    call = fields.Char(required=True, tracking=True,
                       help="The funder's call for proposals (e.g. Horizon Europe MSCA Staff Exchanges 2027).")
    funder_id = fields.Many2one("res.partner", "Funder", required=True, tracking=True, check_company=True)
    partner_ids = fields.Many2many(
        "res.partner", "intl_grant_project_partner_rel", "project_id", "partner_id",
        string="Partner Institutions", domain=[("is_intl_institution", "=", True)], tracking=True)
    agreement_id = fields.Many2one("intl.agreement", "Agreement", tracking=True, check_company=True,
                                   help="The cooperation agreement the project is carried out under.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one("res.currency", "Currency", required=True, tracking=True,
                                  default=lambda self: self.env.company.currency_id)
    company_currency_id = fields.Many2one(related="company_id.currency_id", string="Company Currency")
    amount_budget = fields.Monetary("Budget", currency_field="currency_id", tracking=True,
                                    help="The project's budget as the funder grants it, in its currency.")
    date_start = fields.Date("Start", tracking=True)
    date_end = fields.Date("End", tracking=True)
    principal_investigator_id = fields.Many2one(
        "hr.employee", "Principal Investigator", required=True, tracking=True, check_company=True)
    institute_id = fields.Many2one(
        "hr.department", "Institute", required=True, tracking=True, index=True,
        domain=[("intl_kind", "=", "institute")],
        compute="_compute_institute_id", store=True, readonly=False, precompute=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account", "Analytic Account", tracking=True, check_company=True, copy=False,
        index="btree_not_null",
        help="Carries the project's entries; created when the project is won unless one is given.")
    state = fields.Selection(
        [("proposal", "Proposal"), ("submitted", "Submitted"), ("won", "Won"), ("rejected", "Rejected"),
         ("running", "Running"), ("closed", "Closed")],
        default="proposal", required=True, readonly=True, tracking=True, copy=False, index=True,
        group_expand="_lifecycle_group_expand")
    date_submitted = fields.Date("Submitted on", readonly=True, copy=False, tracking=True)
    date_decided = fields.Date("Funder's Decision on", readonly=True, copy=False, tracking=True)
    note = fields.Text()
    amount_spent = fields.Monetary(
        "Spent", currency_field="company_currency_id", compute="_compute_spending",
        groups="intl_cooperation.group_intl_officer,intl_cooperation.group_intl_accountant,"
               "intl_cooperation.group_intl_management",
        help="Posted expense entries of the project's analytic account, in the company's currency.")
    trip_count = fields.Integer("Trips", compute="_compute_funded_counts")
    delegation_count = fields.Integer("Delegations", compute="_compute_funded_counts")
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_win = fields.Boolean(compute="_compute_lifecycle_can")
    can_reject = fields.Boolean(compute="_compute_lifecycle_can")
    can_start = fields.Boolean(compute="_compute_lifecycle_can")
    can_close = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    _sql_constraints = [
        ("budget_positive", "CHECK(amount_budget >= 0)", "The budget of a project is not negative."),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("principal_investigator_id")
    def _compute_institute_id(self):
        for project in self:
            if not project.institute_id:
                project.institute_id = project.principal_investigator_id.intl_institute_id

    def _compute_spending(self):
        spent = self._spent_by_project()
        for project in self:
            project.amount_spent = spent.get(project.id, 0.0)

    def _spent_by_project(self):
        """``{project id: amount}``: the posted expense entries of the projects' analytic accounts
        (one grouped query per analytic plan, whatever the number of projects)."""
        accounts = self.analytic_account_id
        if not accounts:
            return {}
        by_account = {}
        # sudo: the project's total is its own figure (the field's groups say who reads it);
        # the entries behind it open to who reads analytic lines (action_view_spending)
        Line = self.env["account.analytic.line"].sudo()
        for plan, plan_accounts in accounts.grouped(lambda account: account.root_plan_id).items():
            column = plan._column_name()
            for account, amount in Line._read_group(
                    [(column, "in", plan_accounts.ids),
                     ("general_account_id.account_type", "in", EXPENSE_TYPES)],
                    [column], ["amount:sum"]):
                by_account[account.id] = by_account.get(account.id, 0.0) - amount
        return {project.id: by_account.get(project.analytic_account_id.id, 0.0) for project in self}

    def _compute_funded_counts(self):
        counts = defaultdict(dict)
        for model, key in (("intl.trip", "trip"), ("intl.delegation", "delegation")):
            if not self.env[model].has_access("read"):
                continue  # the roles without access to those records count none of them
            for project, count in self.env[model]._read_group(
                    [("grant_project_id", "in", self.ids)], ["grant_project_id"], ["__count"]):
                counts[key][project.id] = count
        for project in self:
            project.trip_count = counts["trip"].get(project.id, 0)
            project.delegation_count = counts["delegation"].get(project.id, 0)

    @api.constrains("date_start", "date_end")
    def _check_period(self):
        for project in self:
            if project.date_start and project.date_end and project.date_end < project.date_start:
                raise ValidationError(self.env._("%(project)s ends before it starts.", project=project.display_name))

    @api.constrains("analytic_account_id")
    def _check_analytic_account(self):
        for project in self.filtered("analytic_account_id"):
            if self.search_count([("analytic_account_id", "=", project.analytic_account_id.id),
                                  ("id", "!=", project.id)], limit=1):
                raise ValidationError(self.env._(
                    "%(account)s already carries another grant project: each project has its own "
                    "analytic account.", account=project.analytic_account_id.display_name))

    @api.depends("reference", "name", "acronym")
    def _compute_display_name(self):
        for project in self:
            label = project.acronym or project.name
            project.display_name = f"{project.reference} {label}" if project.reference not in (False, "/") \
                else label

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        if not self._lifecycle_trusted() and "analytic_account_id" in vals and self.filtered(
                lambda project: project.state in ("running", "closed")
                and project._lifecycle_changes("analytic_account_id", vals["analytic_account_id"])):
            raise UserError(self.env._(
                "The analytic account of a running or closed project carries its entries: it does "
                "not change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_proposal(self):
        if self.filtered(lambda project: project.state != "proposal"):
            raise UserError(self.env._("Only proposals are deleted: a submitted project stays in the register."))

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------

    def _lifecycle_subject_users(self):
        # the principal investigator does not move their own project for the university
        return super()._lifecycle_subject_users() | self.principal_investigator_id.user_id

    def _guard_submit(self):
        missing = [label for label, value in (
            (self.env._("the budget"), self.amount_budget),
            (self.env._("the period"), self.date_start and self.date_end),
        ) if not value]
        if missing:
            return self.env._("Fill %(missing)s of %(project)s before submitting it.",
                              missing=", ".join(missing), project=self.display_name)
        return False

    def _guard_start(self):
        if not (self.date_start and self.date_end):
            return self.env._("Give the period of %(project)s before starting it.", project=self.display_name)
        return False

    def action_submit(self):
        self._lifecycle_check("submit")
        for project in self:
            vals = {"date_submitted": fields.Date.context_today(self)}
            if project.reference in (False, "/"):
                vals["reference"] = self.env["ir.sequence"].next_by_code("intl.grant.project") or "/"
            project._lifecycle_do("submit", vals)
        return True

    def action_win(self):
        self._lifecycle_check("win")
        self._lifecycle_do("win", {"date_decided": fields.Date.context_today(self)})
        self._create_analytic_accounts()
        return True

    def action_reject(self):
        self._lifecycle_check("reject")
        return self._lifecycle_do("reject", {"date_decided": fields.Date.context_today(self)})

    def action_start(self):
        self._lifecycle_check("start")
        self._create_analytic_accounts()
        return self._lifecycle_do("start")

    def action_close(self):
        return self._lifecycle_run("close")

    def action_reset(self):
        self._lifecycle_check("reset")
        return self._lifecycle_do("reset", {"date_submitted": False, "date_decided": False})

    def _create_analytic_accounts(self):
        """The project's own analytic account on the module's plan, unless one was given."""
        missing = self.filtered(lambda project: not project.analytic_account_id)
        if not missing:
            return
        plan = self.env.ref("intl_cooperation.account_analytic_plan_intl_grant")
        # sudo: the project's account is created with the project (DIC does not manage accounting)
        accounts = self.env["account.analytic.account"].sudo().create([{
            "name": project.acronym or project.name, "code": project.reference,
            "plan_id": plan.id, "company_id": project.company_id.id,
        } for project in missing])
        for project, account in zip(missing, accounts, strict=True):
            project.analytic_account_id = account

    # ------------------------------------------------------------------
    # Drill-downs
    # ------------------------------------------------------------------

    def action_view_spending(self):
        self.ensure_one()
        if not self.analytic_account_id:
            raise UserError(self.env._("%(project)s has no analytic account yet.", project=self.display_name))
        column = self.analytic_account_id.root_plan_id._column_name()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Spent: %(project)s", project=self.display_name),
            "res_model": "account.analytic.line",
            "view_mode": "list,pivot,form",
            "domain": [(column, "=", self.analytic_account_id.id),
                       ("general_account_id.account_type", "in", EXPENSE_TYPES)],
            "context": {"create": False},
        }

    def _action_view_funded(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": name, "res_model": model, "view_mode": "list,form",
            "domain": [("grant_project_id", "=", self.id)], "context": {"create": False},
        }

    def action_view_trips(self):
        return self._action_view_funded("intl.trip", self.env._("Trips: %(project)s", project=self.display_name))

    def action_view_delegations(self):
        return self._action_view_funded(
            "intl.delegation", self.env._("Delegations: %(project)s", project=self.display_name))
