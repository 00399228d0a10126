import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

DIRECTOR = "intl_cooperation.group_intl_director"
INDICATORS = [
    ("trips_out", "Outgoing staff trips"),
    ("agreements_in_force", "Agreements in force"),
    ("delegations", "Delegations received"),
    ("scholar_hours", "Invited scholar hours"),
    ("incoming_students", "Incoming foreign students"),
    ("learners_out", "Learners sent abroad"),
]

# the years an indicator may have (a year out of range fails every date computed from it)
YEAR_MIN, YEAR_MAX = 2000, 2100

class IntlInstituteIndicator(models.Model):
    """An indicator of an institute for a year, with its target (DP 717 7.2).

    The DIC Director sets the targets; the actual values are computed from
    the records (one grouped query per indicator for every institute) by the
    daily cron or on demand, and are written by the engine only. Institute
    directors and coordinators see their own institute's indicators.
    """

    _name = "intl.institute.indicator"
    _inherit = ["mail.thread", "intl.lifecycle.mixin"]
    _description = "Institute Indicator"
    _order = "year desc, institute_id, code"
    _check_company_auto = True

    _lifecycle_state_field = False
    _lifecycle_transitions = {}
    _lifecycle_workflow_fields = ("actual", "date_refreshed")

    institute_id = fields.Many2one("hr.department", "Institute", required=True, index=True,
                                   domain=[("intl_kind", "=", "institute")], tracking=True)
    year = fields.Integer(required=True, index=True, default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    code = fields.Selection(INDICATORS, "Indicator", required=True, tracking=True)
    target = fields.Float(tracking=True, aggregator="sum")
    actual = fields.Float(readonly=True, aggregator="sum")
    date_refreshed = fields.Datetime("Computed on", readonly=True)
    progress = fields.Float("Progress (%)", compute="_compute_status", store=True, aggregator="avg")
    status = fields.Selection(
        [("no_target", "No Target"), ("behind", "Behind"), ("on_track", "On Track"), ("met", "Met")],
        compute="_compute_status", store=True, index=True)
    is_live = fields.Boolean("Computed", compute="_compute_is_live",
                             help="Whether the records behind this indicator exist in the database.")
    color = fields.Integer(compute="_compute_status", store=True)

    _sql_constraints = [
        ("indicator_unique", "UNIQUE(institute_id, year, code, company_id)",
         "An institute has one value of each indicator per year."),
        ("target_positive", "CHECK(target >= 0)", "A target cannot be negative."),
    ]

    @api.depends("actual", "target", "year")
    def _compute_status(self):
        today = fields.Date.context_today(self)
        for indicator in self:
            if not indicator.target:
                indicator.progress = 0.0
                indicator.status = "no_target"
                indicator.color = 0
                continue
            indicator.progress = 100.0 * indicator.actual / indicator.target
            # share of the year elapsed: on track when the progress keeps up with it
            elapsed = 1.0 if indicator.year < today.year else (
                0.0 if indicator.year > today.year else today.timetuple().tm_yday / 365.0)
            if indicator.progress >= 100.0:
                indicator.status, indicator.color = "met", 10
            elif indicator.progress >= 100.0 * elapsed * 0.9:
                indicator.status, indicator.color = "on_track", 4
            else:
                indicator.status, indicator.color = "behind", 1

    @api.constrains("year")
    def _check_year(self):
        for indicator in self:
            self._check_year_value(indicator.year)

    @api.model
    def _check_year_value(self, year):
        """A calendar year the university can plan for: anything else is refused clearly
        (before the dates computed from it fail)."""
        if year is not None and not (isinstance(year, int) and YEAR_MIN <= year <= YEAR_MAX):
            raise ValidationError(self.env._(
                "The year of an indicator is a year between %(first)s and %(last)s.",
                first=YEAR_MIN, last=YEAR_MAX))

    def _compute_is_live(self):
        providers = self._actual_providers()
        for indicator in self:
            indicator.is_live = indicator.code in providers

    @api.model_create_multi
    def create(self, vals_list):
        self._check_is_director()
        for vals in vals_list:
            if "year" in vals:
                self._check_year_value(vals["year"])
        indicators = super().create(vals_list)
        indicators._refresh_actuals()
        return indicators

    def write(self, vals):
        if not self._lifecycle_trusted():
            self._check_is_director()
        if "year" in vals:
            self._check_year_value(vals["year"])
        return super().write(vals)

    def _check_is_director(self):
        if not self.env.su and not self.env.user.has_group(DIRECTOR):
            raise UserError(self.env._("Only the DIC Director sets the institutes' indicators."))

    def action_refresh(self):
        self._refresh_actuals()

    # ------------------------------------------------------------------
    # Actual values
    # ------------------------------------------------------------------

    @api.model
    def _actual_providers(self):
        """``{code: method(year, company) -> {institute_id: value}}`` of the computed indicators."""
        providers = {
            "trips_out": self._actual_trips_out,
            "agreements_in_force": self._actual_agreements_in_force,
            "delegations": self._actual_delegations,
        }
        if "intl.scholar.visit" in self.env:
            providers["scholar_hours"] = self._actual_scholar_hours
        if "intl.mobility" in self.env:
            providers["incoming_students"] = self._actual_incoming_students
            providers["learners_out"] = self._actual_learners_out
        return providers

    def _refresh_actuals(self):
        """Compute the actual values of ``self``: one grouped query per indicator and year."""
        Report = self.env["intl.annual.report"]
        providers = self._actual_providers()
        now = fields.Datetime.now()
        groups = {}
        for indicator in self:
            groups.setdefault((indicator.code, indicator.year, indicator.company_id), self.browse())
            groups[indicator.code, indicator.year, indicator.company_id] |= indicator
        for (code, year, company), indicators in groups.items():
            provider = providers.get(code)
            values = provider(Report, year, company) if provider else {}
            for indicator in indicators:
                # written in the cache: one UPDATE for all of them when flushed
                indicator._lifecycle_write({"actual": values.get(indicator.institute_id.id, 0.0),
                                            "date_refreshed": now})

    @api.model
    def _count_by_institute(self, model, domain, field="institute_id", aggregate="__count"):
        return {institute.id: value for institute, value in
                self.env[model]._read_group(domain, [field], [aggregate]) if institute}

    @api.model
    def _actual_trips_out(self, report, year, company):
        return self._count_by_institute("intl.trip", report._domain_trips(year, company))

    @api.model
    def _actual_agreements_in_force(self, report, year, company):
        return self._count_by_institute("intl.agreement",
                                        report._domain_agreements_in_force(year, company))

    @api.model
    def _actual_delegations(self, report, year, company):
        return self._count_by_institute("intl.delegation", report._domain_delegations(year, company))

    @api.model
    def _actual_scholar_hours(self, report, year, company):
        """Hours taught by the invited scholars on site in the year, per inviting institute
        (the visits of the annual report's figure)."""
        return self._count_by_institute("intl.scholar.visit", report._domain_scholars(year, company),
                                        aggregate="hours_given:sum")

    @api.model
    def _actual_incoming_students(self, report, year, company):
        """Incoming foreign students of the academic year starting in the year, per institute."""
        return self._count_by_institute("intl.mobility", [
            ("company_id", "=", company.id), ("direction", "=", "incoming"),
            ("participant_type", "=", "learner"), ("is_foreign", "=", True), ("state", "!=", "cancel"),
            ("academic_year", "=", report._academic_year(year))])

    @api.model
    def _actual_learners_out(self, report, year, company):
        """Learners sent abroad in the year, per institute."""
        start, end = report._year_bounds(year)
        return self._count_by_institute("intl.mobility", [
            ("company_id", "=", company.id), ("direction", "=", "outgoing"),
            ("participant_type", "=", "learner"), ("state", "!=", "cancel"),
            ("date_start", ">=", start), ("date_start", "<=", end)])

    @api.model
    def _cron_refresh(self, batch_size=2000):
        """Daily: the actual values of the current and the previous year, in batches (the ones
        not computed today first; the cron runner asks for the next batch while some remain)."""
        today = fields.Date.context_today(self)
        indicators = self.search([
            ("year", ">=", today.year - 1),
            "|", ("date_refreshed", "=", False), ("date_refreshed", "<", fields.Datetime.to_datetime(today)),
        ], order="date_refreshed asc nulls first, id", limit=batch_size)
        indicators._refresh_actuals()
        self.env["ir.cron"]._notify_progress(
            done=len(indicators), remaining=batch_size if len(indicators) == batch_size else 0)

    # ------------------------------------------------------------------
    # Mail to the institutes
    # ------------------------------------------------------------------

    def _send_to_institutes(self, annual_report):
        """One mail per institute with its indicators as a spreadsheet; returns the count."""
        report_action = self.env.ref("intl_cooperation.intl_institute_indicator_xlsx")
        sent = 0
        for institute in self.institute_id:
            indicators = self.filtered(lambda i, inst=institute: i.institute_id == inst)
            director = institute.manager_id
            partner = director.user_id.partner_id or director.work_contact_id
            if not partner:
                continue
            lang = partner.lang or annual_report.lang
            content, _kind = report_action.with_context(lang=lang)._render_xlsx(
                report_action.report_name, indicators.ids, data={})
            name = self.with_context(lang=lang).env._(
                "Indicators %(year)s - %(institute)s.xlsx", year=annual_report.year,
                institute=institute.with_context(lang=lang).name)
            attachment = self.env["ir.attachment"].create({
                "name": name, "datas": base64.b64encode(content), "res_model": annual_report._name,
                "res_id": annual_report.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
            # the director reads the message (and its e-mail) in their language, the others in theirs
            annual_report._intl_message_post(
                _lt("The indicators of international cooperation of %(institute)s for %(year)s "
                    "(DP 717, 7.2) are attached.", institute=institute, year=annual_report.year),
                partner_ids=partner.ids, attachment_ids=attachment.ids,
                subject=name, message_type="comment", subtype_xmlid="mail.mt_comment")
            sent += 1
        return sent
