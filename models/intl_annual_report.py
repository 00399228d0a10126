from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import create_index
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

DIRECTOR = "intl_cooperation.group_intl_director"
REPORT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Rector's Approval"),
    ("approved", "Approved"),
    ("superseded", "Superseded"),
]
# The narrative and the figures are frozen once the report goes to the rector.
NARRATIVE_FIELDS = ("summary", "conclusions", "proposals", "year", "company_id", "lang")
TRIP_DONE_STATES = ("approved", "returned", "done")
AGREEMENT_SIGNED_STATES = ("signed", "in_force", "expired", "terminated")
DELEGATION_RECEIVED_STATES = ("in_progress", "protocol_review", "protocol_approved", "closed")
# Academic mobility (issue 21): applications under consideration, the outgoing nominations
# (statuses of the application that exist in the installed version), incoming nominations received
MOBILITY_APPLICATION_EXCLUDED = ("draft", "withdrawn")
MOBILITY_NOMINATED_STATES = ("nominated", "accepted", "declined")
NOMINATION_RECEIVED_STATES = ("submitted", "accepted", "refused")
# The figures drawn on the chart sheet, year after year.
TREND_CODES = ("trip_count", "delegation_count", "agreement_new", "agreement_in_force",
               "learner_out", "scholar_count", "student_incoming")


class IntlAnnualReport(models.Model):
    """The December annual report on international cooperation (DP 717 section 7.1).

    The DIC Director drafts it for a year and a company: its figures are
    computed from the records (trips, delegations, agreements, money posted,
    and the sections of the other processes when they are installed) and
    stored as figure lines with a drill-down to the records behind each; the
    narrative (state of international activity, conclusions, proposals) is
    written by hand. Submitting it freezes figures and narrative and asks the
    rector's approval through the approval engine; an approved report keeps
    its snapshot whatever happens to the records later. A new version is a
    new draft of the same year; approving it supersedes the previous one.

    Figures come from a registry of providers (``_figure_providers``): one
    small method per section returning figure values, each built from one
    grouped query, so the computation costs a constant number of queries.
    """

    _name = "intl.annual.report"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin"]
    _description = "Annual Report on International Cooperation"
    _order = "year desc, version desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "year"]

    _approval_submit_states = {"default": ("draft",)}
    _approval_pending_state = {"default": "submitted"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("superseded",)

    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "approval": "default", "who": (DIRECTOR,),
                   "guard": "_guard_submit"},
        "to_rector": {"from": ("draft",), "to": "submitted", "who": ("approval",)},
        "approve": {"from": ("submitted",), "to": "approved", "who": ("approval",)},
        "reject": {"from": ("submitted",), "to": "draft", "who": ("approval",)},
        "supersede": {"from": ("approved",), "to": "superseded", "who": ("system",)},
    }
    _lifecycle_workflow_fields = (
        "version", "previous_id", "date_figures", "date_approved", "approved_by_id",
    )

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, tracking=True,
                         default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one("intl.annual.report", "Previous Version", readonly=True, copy=False)
    state = fields.Selection(REPORT_STATES, default="draft", required=True, readonly=True,
                             tracking=True, copy=False, index=True)
    lang = fields.Selection(
        [("kk_KZ", "Kazakh"), ("ru_RU", "Russian"), ("en_US", "English")], "Language",
        required=True, default=lambda self: self._default_lang(), tracking=True,
        help="Language of the printed report and of the spreadsheet.")
    summary = fields.Html("State of International Activity")
    conclusions = fields.Html()
    proposals = fields.Html()
    figure_ids = fields.One2many("intl.annual.report.figure", "report_id", "Figures", copy=False)
    date_figures = fields.Datetime("Figures Computed on", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False, tracking=True)
    approved_by_id = fields.Many2one("res.users", "Approved by", readonly=True, copy=False)
    # management review (DP 717 7.3) and the Academic Council's decisions
    review_date = fields.Date("Management Review on", tracking=True)
    review_summary = fields.Html("Management Review Summary")
    council_date = fields.Date("Academic Council on", tracking=True)
    council_reference = fields.Char("Council Decision No.", tracking=True)
    action_ids = fields.One2many("intl.review.action", "report_id", "Actions")
    action_open_count = fields.Integer("Open Actions", compute="_compute_action_open_count")
    # headline figures (for lists and the kanban of years)
    trip_count = fields.Integer("Trips Abroad", compute="_compute_headlines")
    delegation_count = fields.Integer("Delegations", compute="_compute_headlines")
    agreement_new_count = fields.Integer("New Agreements", compute="_compute_headlines")
    agreement_in_force_count = fields.Integer("Agreements in Force", compute="_compute_headlines")
    money_total = fields.Monetary("Money Spent", compute="_compute_headlines")
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_edit = fields.Boolean(compute="_compute_can_edit")

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------

    @api.model
    def _default_lang(self):
        lang = self.env.user.lang or "en_US"
        return lang if lang in ("kk_KZ", "ru_RU") else "en_US"

    @api.depends("year", "version")
    def _compute_name(self):
        # stored in English (searched, a neutral key); people read the display name
        for report in self:
            report.name = report._intl_title(self.with_context(lang="en_US").env)

    @api.depends("year", "version")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # in the reader's language, whoever created the report (a Kazakh name on a Russian screen)
        for report in self:
            report.display_name = report._intl_title(self.env)

    def _intl_title(self, env):
        name = env._("Annual Report %(year)s", year=self.year or "")
        if self.version > 1:
            name = env._("%(name)s, version %(version)s", name=name, version=self.version)
        return name

    def _compute_action_open_count(self):
        counts = dict(self.env["intl.review.action"]._read_group(
            [("report_id", "in", self.ids), ("state", "=", "open")], ["report_id"], ["__count"]))
        for report in self:
            report.action_open_count = counts.get(report, 0)

    @api.depends("figure_ids.value", "figure_ids.code", "figure_ids.dimension")
    def _compute_headlines(self):
        fields_by_code = {
            "trip_count": "trip_count", "delegation_count": "delegation_count",
            "agreement_new": "agreement_new_count", "agreement_in_force": "agreement_in_force_count",
            "money_total": "money_total",
        }
        for report in self:
            values = dict.fromkeys(fields_by_code.values(), 0)
            for figure in report.figure_ids:
                if figure.dimension == "total" and figure.code in fields_by_code:
                    values[fields_by_code[figure.code]] = figure.value
            report.update(values)

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can_edit(self):
        director = self.env.user.has_group(DIRECTOR)
        for report in self:
            report.can_edit = director and report.state == "draft"

    @api.constrains("year", "company_id", "state")
    def _check_one_open_version(self):
        for report in self:
            if not 2000 <= report.year <= 2100:
                raise ValidationError(self.env._("%(year)s is not a valid year.", year=report.year))
            if report.state in ("draft", "submitted") and self.search_count([
                ("id", "!=", report.id), ("year", "=", report.year),
                ("company_id", "=", report.company_id.id), ("state", "in", ("draft", "submitted")),
            ], limit=1):
                raise ValidationError(self.env._(
                    "The annual report %(year)s already has a version in preparation.",
                    year=report.year))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def init(self):
        """Indexes of the yearly queries of the figures: records of a company by their date."""
        result = super().init()
        for table, column in (("intl_trip", "date_departure"), ("intl_delegation", "date_arrival"),
                              ("intl_agreement_plan_line", "date_deadline")):
            create_index(self.env.cr, f"{table}_intl_report_{column}_index", table, ["company_id", column])
        return result

    def write(self, vals):
        if not self._lifecycle_trusted() and set(NARRATIVE_FIELDS).intersection(vals):
            frozen = self.filtered(lambda report: report.state != "draft")
            if frozen:
                raise UserError(self.env._(
                    "%(report)s went to the rector: its figures and text are frozen. "
                    "Draft a new version to change them.", report=frozen[0].display_name))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if any(report.state != "draft" or report.version > 1 for report in self):
            raise UserError(self.env._("Submitted and approved annual reports are never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_refresh_figures(self):
        self._check_can_refresh()
        self._do_refresh_figures()

    def _check_can_refresh(self):
        self._lifecycle_check_group(
            DIRECTOR, self.env._("Only the DIC Director computes the annual report."))
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._(
                    "%(report)s is frozen: its figures no longer change.", report=report.display_name))

    def action_submit(self):
        self._lifecycle_check("submit")
        # the figures the rector approves are those of the submission
        self._do_refresh_figures()
        return self._lifecycle_do("submit")

    def action_approval_submit(self):
        return self.action_submit()

    def _guard_submit(self):
        if not self.summary or not self.conclusions:
            return self.env._("Write the state of international activity and the conclusions of "
                              "%(report)s first.", report=self.display_name)
        return False

    def action_new_version(self):
        self.ensure_one()
        self._lifecycle_check_group(
            DIRECTOR, self.env._("Only the DIC Director drafts a new version of the annual report."))
        if self.state != "approved":
            raise UserError(self.env._("Only an approved report gets a new version."))
        new = self._lifecycle_create([{
            "year": self.year, "company_id": self.company_id.id, "lang": self.lang,
            "summary": self.summary, "conclusions": self.conclusions, "proposals": self.proposals,
            "version": self.version + 1, "previous_id": self.id,
        }])
        new._do_refresh_figures()
        self._intl_message_post(_lt("New version %(version)s drafted.", version=new.version),
                          subtype_xmlid="mail.mt_note")
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": new.id,
                "view_mode": "form"}

    def action_view_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("intl_cooperation.intl_review_action_action")
        action["domain"] = [("report_id", "=", self.id)]
        action["context"] = {"default_report_id": self.id}
        return action

    def action_view_indicators(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "intl_cooperation.intl_institute_indicator_action")
        action["domain"] = [("year", "=", self.year), ("company_id", "=", self.company_id.id)]
        action["context"] = {"default_year": self.year, "search_default_group_institute": 1}
        return action

    def action_send_indicators(self):
        """Mail each institute its indicators of the year, with the spreadsheet attached."""
        self.ensure_one()
        self._lifecycle_check_group(
            DIRECTOR, self.env._("Only the DIC Director sends the indicators to the institutes."))
        indicators = self.env["intl.institute.indicator"].search(
            [("year", "=", self.year), ("company_id", "=", self.company_id.id)])
        if not indicators:
            raise UserError(self.env._("Set the indicators of %(year)s first.", year=self.year))
        indicators._refresh_actuals()
        sent = indicators._send_to_institutes(self)
        self._intl_message_post(_lt("Indicators sent to the institutes: %(count)s.", count=sent),
                          subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Approval engine
    # ------------------------------------------------------------------

    def _approval_done(self, purpose):
        older = self.search([("year", "in", self.mapped("year")), ("company_id", "in", self.company_id.ids),
                             ("state", "=", "approved"), ("id", "not in", self.ids)])
        result = super()._approval_done(purpose)
        # the engine runs this as sudo() of the rector who approved the last step
        self._lifecycle_write({"date_approved": fields.Date.context_today(self),
                               "approved_by_id": self.env.uid})
        older.filtered(lambda other: any(
            other.year == report.year and other.company_id == report.company_id for report in self
        ))._lifecycle_run("supersede", by="system")
        return result

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------

    def _do_refresh_figures(self):
        """Replace the figures of the draft reports of ``self`` by the current ones."""
        Figure = self.env["intl.annual.report.figure"]
        vals_list = []
        for report in self:
            for vals in self._compute_figure_vals(report.year, report.company_id):
                vals_list.append(dict(vals, report_id=report.id))
        Figure._unlink_of_reports(self)
        Figure._lifecycle_create(vals_list)
        self._lifecycle_write({"date_figures": fields.Datetime.now()})

    @api.model
    def _year_bounds(self, year):
        return date(year, 1, 1), date(year, 12, 31)

    @api.model
    def _figure_providers(self):
        """The registry of figure sections: ``[(sequence, method)]``.

        Each method takes ``(year, company)`` and returns figure values (see
        ``_figure``). The sections of processes delivered by other models
        (invited scholars, academic mobility, incoming students, double
        degrees) join the registry when their model is installed.
        """
        providers = [
            (10, self._figures_trips),
            (20, self._figures_delegations),
            (30, self._figures_agreements),
            (40, self._figures_plan_lines),
            (90, self._figures_money),
        ]
        optional = [
            (15, "intl.mobility", self._figures_learners),
            (65, "intl.mobility.application", self._figures_mobility),
            (50, "intl.scholar.visit", self._figures_scholars),
            (60, "intl.mobility", self._figures_incoming_students),
            (70, "intl.degree.intake", self._figures_degrees),
        ]
        providers += [(sequence, method) for sequence, model, method in optional if model in self.env]
        return sorted(providers, key=lambda provider: provider[0])

    @api.model
    def _compute_figure_vals(self, year, company):
        """Every figure of ``year`` for ``company``: the values of figure lines."""
        vals_list = []
        for _sequence, provider in self._figure_providers():
            vals_list += provider(year, company)
        for sequence, vals in enumerate(vals_list):
            vals["sequence"] = sequence
        return vals_list

    @api.model
    def _figure(self, section, code, value, model, domain, dimension="total", record=None, key=None):
        """The values of one figure line (``domain`` as a list, or already as its text)."""
        return {
            "section": section, "code": code, "value": value or 0.0, "dimension": dimension,
            "res_model": record._name if record else False, "res_id": record.id if record else False,
            "key": key or False, "drill_model": model,
            "drill_domain": domain if isinstance(domain, str) else self._domain_repr(domain),
        }

    @api.model
    def _domain_repr(self, domain):
        """The domain as text that ``safe_eval`` reads back (dates as ISO strings)."""
        return repr([
            (*leaf[:2], leaf[2].isoformat() if isinstance(leaf[2], date) else leaf[2])
            if isinstance(leaf, list | tuple) else leaf
            for leaf in domain
        ])

    @api.model
    def _breakdown_figures(self, section, code, model, domain, groupby, totals):
        """One figure line per value of ``groupby`` from ``totals`` (``{group: value}``)."""
        dimension = {"country_id": "country", "purpose": "purpose", "purpose_category_id": "purpose",
                     "institute_id": "institute",
                     "funding_source_id": "funding", "partner_id": "partner"}[groupby]
        result = []
        # the text of the section's domain once, each group adds its condition to it
        head = self._domain_repr(domain)[:-1] + (", " if domain else "")
        for group, value in sorted(totals.items(), key=lambda item: -item[1]):
            is_record = isinstance(group, models.BaseModel)
            leaf = (groupby, "=", group.id if is_record else group)
            result.append(self._figure(
                section, code, value, model, head + repr(leaf) + "]",
                dimension=dimension, record=group if is_record and group else None,
                key=None if is_record else (group or "")))
        return result

    @api.model
    def _rollup(self, model, domain, groupby, aggregates):
        """A whole section in one query: the grand totals and every breakdown.

        The query carries the aggregates of ``aggregates`` and, for each field of
        ``groupby``, the values of the records (``array_agg``), tallied here by the
        first aggregate (a count, or the sum of a field). One scan of the records
        whatever the number of breakdowns. Returns ``(grand totals, {field: {group:
        value}})``, groups as ``_read_group`` gives them (records, or False).
        """
        Model = self.env[model]
        if len(groupby) == 1:
            # a single breakdown: grouped by it, the grand totals are the sums of its groups
            rows = Model._read_group(domain, groupby, aggregates, order="__count DESC")
            grand = [sum(row[index] or 0.0 for row in rows) for index in range(1, len(aggregates) + 1)]
            return grand, {groupby[0]: {row[0]: row[1] or 0.0 for row in rows}}
        first = aggregates[0]
        weight = None if first == "__count" else first.split(":")[0]
        extra = [f"{field}:array_agg" for field in groupby]
        if weight:
            extra.append(f"{weight}:array_agg")
        [row] = Model._read_group(domain, [], [*aggregates, *extra])
        grand = [value or 0.0 for value in row[:len(aggregates)]]
        arrays = row[len(aggregates):]
        weights = (arrays[-1] or []) if weight else None
        per_field = {}
        for field, values in zip(groupby, arrays, strict=False):
            totals = defaultdict(float)
            for position, key in enumerate(values or ()):
                totals[key] += (weights[position] or 0.0) if weight else 1
            comodel = Model._fields[field].comodel_name
            per_field[field] = {
                (self.env[comodel].browse(key) if comodel else key or False): value
                for key, value in totals.items()}
        return grand, per_field

    # domains shared by the figures, the indicators and the risk register

    @api.model
    def _domain_trips(self, year, company):
        """§7.1: a trip counts in the year it took place: returned, or abroad (approved and
        departed by today), by its departure date; an approved trip not yet gone does not."""
        start, end = self._year_bounds(year)
        today = fields.Date.today()  # no query for the user's time zone: the figures' count is fixed
        return [("company_id", "=", company.id), ("state", "in", TRIP_DONE_STATES),
                ("date_departure", ">=", start), ("date_departure", "<=", min(end, today))]

    @api.model
    def _domain_delegations(self, year, company):
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("state", "in", DELEGATION_RECEIVED_STATES),
                ("date_arrival", ">=", start), ("date_arrival", "<=", end)]

    @api.model
    def _domain_agreements_in_force(self, year, company):
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("state", "in", AGREEMENT_SIGNED_STATES),
                ("date_start", "<=", end),
                "|", ("date_end", "=", False), ("date_end", ">=", start),
                "|", ("date_terminated", "=", False), ("date_terminated", ">=", start)]

    @api.model
    def _domain_money(self, start, end, company):
        # an advance report is posted only with its journal entry (reversed ones are cancelled)
        return [("company_id", "=", company.id), ("state", "=", "posted"), ("move_id", "!=", False),
                ("move_date", ">=", start), ("move_date", "<=", end)]

    # the providers

    @api.model
    def _figures_trips(self, year, company):
        """Trips abroad of staff (from the trips and their 717-02 reports): one grouped query."""
        model = "intl.trip"
        domain = self._domain_trips(year, company)
        dimensions = ["country_id", "purpose_category_id", "institute_id", "funding_source_id"]
        (count, days, reported), groups = self._rollup(
            model, domain, dimensions, ["__count", "duration_days:sum", "assignment_report_date:count"])
        return [
            self._figure("trips", "trip_count", count, model, domain),
            self._figure("trips", "trip_days", days, model, domain),
            self._figure("trips", "trip_reported", reported, model,
                         [*domain, ("assignment_report_date", "!=", False)]),
            *self._breakdown_figures("trips", "trip_by_country", model, domain, "country_id",
                                     groups["country_id"]),
            *self._breakdown_figures("trips", "trip_by_purpose", model, domain, "purpose_category_id",
                                     groups["purpose_category_id"]),
            *self._breakdown_figures("trips", "trip_by_institute", model, domain, "institute_id",
                                     groups["institute_id"]),
            *self._breakdown_figures("trips", "trip_by_funding", model, domain, "funding_source_id",
                                     groups["funding_source_id"]),
        ]

    @api.model
    def _figures_delegations(self, year, company):
        """Foreign delegations received: one grouped query."""
        model = "intl.delegation"
        domain = self._domain_delegations(year, company)
        (count, members), groups = self._rollup(
            model, domain, ["country_id", "institute_id"], ["__count", "member_count:sum"])
        return [
            self._figure("delegations", "delegation_count", count, model, domain),
            self._figure("delegations", "delegation_members", members, model, domain),
            *self._breakdown_figures("delegations", "delegation_by_country", model, domain,
                                     "country_id", groups["country_id"]),
            *self._breakdown_figures("delegations", "delegation_by_institute", model, domain,
                                     "institute_id", groups["institute_id"]),
        ]

    @api.model
    def _figures_agreements(self, year, company):
        """Cooperation agreements: new, in force, expiring, terminated."""
        model = "intl.agreement"
        start, end = self._year_bounds(year)
        base = [("company_id", "=", company.id), ("state", "in", AGREEMENT_SIGNED_STATES)]
        new = [*base, ("date_signed", ">=", start), ("date_signed", "<=", end)]
        in_force = self._domain_agreements_in_force(year, company)
        expiring = [*base, ("date_terminated", "=", False),
                    ("date_end", ">=", start), ("date_end", "<=", end)]
        terminated = [*base, ("date_terminated", ">=", start), ("date_terminated", "<=", end)]
        # the agreements in force by country in one grouped query; the new, expiring and
        # terminated ones of the year in one more: their dates, sorted here into the three
        # figures (the same conditions as their domains)
        (in_force_count,), groups = self._rollup(model, in_force, ["country_id"], ["__count"])
        concerned = expression.AND([base, expression.OR([
            new[len(base):], expiring[len(base):], terminated[len(base):]])])
        [row] = self.env[model]._read_group(concerned, [], [
            "date_signed:array_agg", "date_end:array_agg", "date_terminated:array_agg"])
        counts = {"agreement_new": 0, "agreement_in_force": in_force_count, "agreement_expiring": 0,
                  "agreement_terminated": 0}
        for signed, finish, ended in zip(*(values or () for values in row), strict=True):
            counts["agreement_new"] += bool(signed and start <= signed <= end)
            counts["agreement_expiring"] += bool(not ended and finish and start <= finish <= end)
            counts["agreement_terminated"] += bool(ended and start <= ended <= end)
        result = [self._figure("agreements", code, counts[code], model, domain)
                  for code, domain in (("agreement_new", new), ("agreement_in_force", in_force),
                                       ("agreement_expiring", expiring), ("agreement_terminated", terminated))]
        result += self._breakdown_figures("agreements", "agreement_in_force_by_country", model, in_force,
                                          "country_id", groups["country_id"])
        return result

    @api.model
    def _figures_plan_lines(self, year, company):
        """Cooperation plan activities due in the year: done and overdue."""
        model = "intl.agreement.plan.line"
        start, end = self._year_bounds(year)
        domain = [("company_id", "=", company.id), ("date_deadline", ">=", start),
                  ("date_deadline", "<=", end), ("state", "in", ("done", "overdue"))]
        counts = dict(self.env[model]._read_group(domain, ["state"], ["__count"], order="__count DESC"))
        return [
            self._figure("agreements", "plan_done", counts.get("done", 0), model,
                         [*domain[:3], ("state", "=", "done")]),
            self._figure("agreements", "plan_overdue", counts.get("overdue", 0), model,
                         [*domain[:3], ("state", "=", "overdue")]),
        ]

    @api.model
    def _figures_money(self, year, company):
        """Money spent by funding source: posted advance reports (journal entries), not estimates."""
        model = "intl.trip.advance.report"
        start, end = self._year_bounds(year)
        domain = self._domain_money(start, end, company)
        (total,), groups = self._rollup(model, domain, ["funding_source_id"], ["total_amount:sum"])
        return [
            self._figure("money", "money_total", total, model, domain),
            *self._breakdown_figures("money", "money_by_funding", model, domain, "funding_source_id",
                                     groups["funding_source_id"]),
        ]

    # the sections of the processes delivered by other models: registered by
    # ``_figure_providers`` only when their model is installed

    @api.model
    def _academic_year(self, year):
        """The academic year that starts in September of ``year`` (e.g. 2026/2027)."""
        return "%s/%s" % (year, year + 1)

    @api.model
    def _figures_learners(self, year, company):
        """Learners sent abroad (outgoing academic mobility that started in the year)."""
        model = "intl.mobility"
        start, end = self._year_bounds(year)
        domain = [("company_id", "=", company.id), ("direction", "=", "outgoing"),
                  ("participant_type", "=", "learner"), ("state", "!=", "cancel"),
                  ("date_start", ">=", start), ("date_start", "<=", end)]
        (count,), groups = self._rollup(model, domain, ["country_id"], ["__count"])
        return [
            self._figure("learners", "learner_out", count, model, domain),
            *self._breakdown_figures("learners", "learner_by_country", model, domain, "country_id",
                                     groups["country_id"]),
        ]

    @api.model
    def _domain_mobility_applications(self, year, company):
        """Applications to the mobility calls whose deadline is in the year (drafts and
        withdrawn ones aside)."""
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("state", "not in", MOBILITY_APPLICATION_EXCLUDED),
                ("call_id.date_deadline", ">=", start), ("call_id.date_deadline", "<=", end)]

    @api.model
    def _domain_mobility_nominations(self, year, company):
        """Incoming nominations the partners submitted in the year."""
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("state", "in", NOMINATION_RECEIVED_STATES),
                ("submit_date", ">=", start), ("submit_date", "<=", end)]

    @api.model
    def _domain_mobility_realised(self, year, company):
        """Mobilities realised in the year: completed, ended in the year (both directions)."""
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("state", "=", "completed"),
                ("date_end", ">=", start), ("date_end", "<=", end)]

    @api.model
    def _mobility_states(self, model, wanted):
        """The statuses of ``wanted`` that ``model`` has: a status not there yet counts nothing."""
        existing = {value for value, _label in self.env[model]._fields["state"]._description_selection(self.env)}
        return [state for state in wanted if state in existing]

    @api.model
    def _figures_mobility(self, year, company):
        """Academic mobility from its records: applications and nominations both ways, mobilities
        realised by direction and activity, their months and the credits recognised. Three grouped
        queries whatever the number of records."""
        applications = "intl.mobility.application"
        domain = self._domain_mobility_applications(year, company)
        by_state = dict(self.env[applications]._read_group(domain, ["state"], ["__count"]))
        nominated = self._mobility_states(applications, MOBILITY_NOMINATED_STATES)
        accepted = self._mobility_states(applications, ("accepted",))
        result = [
            self._figure("mobility", "mobility_applications", sum(by_state.values()), applications, domain),
            self._figure("mobility", "mobility_nominated_out", sum(by_state.get(s, 0) for s in nominated),
                         applications, [*domain, ("state", "in", nominated)]),
            self._figure("mobility", "mobility_accepted_out", sum(by_state.get(s, 0) for s in accepted),
                         applications, [*domain, ("state", "in", accepted)]),
        ]
        nominations = "intl.mobility.nomination"
        domain = self._domain_mobility_nominations(year, company)
        by_state = dict(self.env[nominations]._read_group(domain, ["state"], ["__count"]))
        result += [
            self._figure("mobility", "mobility_nominations_in", sum(by_state.values()), nominations, domain),
            self._figure("mobility", "mobility_accepted_in", by_state.get("accepted", 0), nominations,
                         [*domain, ("state", "=", "accepted")]),
        ]
        model = "intl.mobility"
        domain = self._domain_mobility_realised(year, company)
        rows = self.env[model]._read_group(domain, ["direction", "mobility_type"],
                                           ["__count", "duration_months:sum", "credits_recognised:sum"])
        by_direction = defaultdict(float)
        for direction, _kind, count, _months, _credits in rows:
            by_direction[direction] += count
        result += [
            self._figure("mobility", "mobility_realised", sum(row[2] for row in rows), model, domain),
            self._figure("mobility", "mobility_months", sum(row[3] or 0.0 for row in rows), model, domain),
            self._figure("mobility", "mobility_credits", sum(row[4] or 0.0 for row in rows), model,
                         [*domain, ("credits_recognised", ">", 0)]),
        ]
        for direction, count in sorted(by_direction.items()):
            result.append(self._figure("mobility", "mobility_realised_by_direction", count, model,
                                       [*domain, ("direction", "=", direction)], dimension="direction",
                                       key=direction))
        for direction, kind, count, _months, _credits in sorted(rows, key=lambda row: row[:2]):
            result.append(self._figure(
                "mobility", "mobility_realised_by_activity", count, model,
                [*domain, ("direction", "=", direction), ("mobility_type", "=", kind)],
                dimension="activity", key=f"{direction}/{kind}"))
        return result

    @api.model
    def _domain_scholars(self, year, company):
        """The visits of invited scholars who were on site in the year: the stay overlaps it
        (a visit arriving in December and lecturing in January counts in both years)."""
        start, end = self._year_bounds(year)
        return [("company_id", "=", company.id), ("state", "in", ("on_site", "ended", "done")),
                ("date_arrival", "<=", end), ("date_departure", ">=", start)]

    @api.model
    def _figures_scholars(self, year, company):
        """Invited foreign scholars and experts who stayed in the year, and the hours they taught:
        the visits and the hours the visits list shows for the year (the drill-down)."""
        model = "intl.scholar.visit"
        domain = self._domain_scholars(year, company)
        (count, hours), groups = self._rollup(model, domain, ["institute_id"],
                                              ["__count", "hours_given:sum"])
        return [
            self._figure("scholars", "scholar_count", count, model, domain),
            self._figure("scholars", "scholar_hours", hours, model, domain),
            *self._breakdown_figures("scholars", "scholar_by_institute", model, domain, "institute_id",
                                     groups["institute_id"]),
        ]

    @api.model
    def _figures_incoming_students(self, year, company):
        """Foreign citizens who came to study in the academic year starting in the year."""
        model = "intl.mobility"
        domain = [("company_id", "=", company.id), ("direction", "=", "incoming"),
                  ("participant_type", "=", "learner"), ("is_foreign", "=", True),
                  ("state", "!=", "cancel"), ("academic_year", "=", self._academic_year(year))]
        (count,), groups = self._rollup(model, domain, ["country_id"], ["__count"])
        return [
            self._figure("students", "student_incoming", count, model, domain),
            *self._breakdown_figures("students", "student_by_country", model, domain, "country_id",
                                     groups["country_id"]),
        ]

    @api.model
    def _figures_degrees(self, year, company):
        """Double-degree intakes of the academic year starting in the year, and learners selected."""
        model = "intl.degree.intake"
        domain = [("company_id", "=", company.id), ("state", "!=", "cancel"),
                  ("academic_year", "=", self._academic_year(year))]
        [[count]] = self.env[model]._read_group(domain, [], ["__count"])
        selected = [("intake_id.company_id", "=", company.id), ("state", "=", "selected"),
                    ("intake_id.academic_year", "=", self._academic_year(year))]
        [[learners]] = self.env["intl.degree.application"]._read_group(selected, [], ["__count"])
        return [
            self._figure("degrees", "degree_intake", count, model, domain),
            self._figure("degrees", "degree_learners", learners, "intl.degree.application", selected),
        ]

    # ------------------------------------------------------------------
    # Output helpers (PDF and spreadsheet)
    # ------------------------------------------------------------------

    def _figures_by_section(self):
        """``[(section label, [(code label, dimension label, value, figure)])]`` in order."""
        self.ensure_one()
        Figure = self.env["intl.annual.report.figure"]
        sections = dict(Figure._fields["section"]._description_selection(self.env))
        codes = dict(Figure._fields["code"]._description_selection(self.env))
        result = {}
        for figure in self.figure_ids.sorted("sequence"):
            rows = result.setdefault(figure.section, [])
            rows.append((codes.get(figure.code, figure.code), figure.dimension_label, figure.value,
                         figure))
        return [(section, sections.get(section, section), rows) for section, rows in result.items()]

    def _trend(self, years=5):
        """``{year: {code: value}}`` of the last ``years`` years: approved snapshots, else live."""
        self.ensure_one()
        first = self.year - years + 1
        approved = self.search([("company_id", "=", self.company_id.id), ("state", "=", "approved"),
                                ("year", ">=", first), ("year", "<", self.year)])
        trend = {}
        for year in range(first, self.year + 1):
            source = self if year == self.year else approved.filtered(lambda r, y=year: r.year == y)[:1]
            if source:
                figures = source.figure_ids.filtered(lambda f: f.dimension == "total")
                trend[year] = {f.code: f.value for f in figures if f.code in TREND_CODES}
            else:
                trend[year] = {vals["code"]: vals["value"]
                               for vals in self._compute_figure_vals(year, self.company_id)
                               if vals["dimension"] == "total" and vals["code"] in TREND_CODES}
        return trend
