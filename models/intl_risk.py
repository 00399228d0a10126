from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message

_lt = LazyTranslate(__name__)
# _lt keeps the English source of activity summaries: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

DIRECTOR = "intl_cooperation.group_intl_director"
LEVELS = [("1", "Very Low"), ("2", "Low"), ("3", "Medium"), ("4", "High"), ("5", "Very High")]
INDICATORS = [
    ("none", "None"),
    ("agreement_lead_time", "Agreement approval lead time (days)"),
    ("scholar_files_late", "Scholar files submitted late (% of visits)"),
    ("funds_used_november", "Allocated funds used by November (%)"),
    ("degree_applicants_per_seat", "Double-degree applicants per seat"),
    ("approval_late_share", "Approval steps decided after their deadline (% of steps)"),
]


class IntlRisk(models.Model):
    """A risk of the international cooperation process (DP 717 section 6).

    Seeded from the document's table (cause, consequence, mitigation,
    evidence). Each has an owner, a likelihood and an impact, and a live
    indicator computed from the records by a daily cron: when the indicator
    crosses its threshold the owner gets one activity (one per crossing);
    reviews with their date and decision are kept.
    """

    _name = "intl.risk"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin"]
    _description = "Risk"
    _order = "score desc, sequence, id"
    _check_company_auto = True

    _lifecycle_state_field = False
    _lifecycle_transitions = {}
    _lifecycle_workflow_fields = ("indicator_value", "indicator_date", "in_alert", "alert_activity_id")

    name = fields.Char("Risk", required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    cause = fields.Text(translate=True)
    consequence = fields.Text(translate=True)
    mitigation = fields.Text(translate=True)
    evidence = fields.Char(translate=True)
    owner_id = fields.Many2one("res.users", "Owner", required=True, tracking=True,
                               domain=[("share", "=", False)], default=lambda self: self.env.user)
    likelihood = fields.Selection(LEVELS, required=True, default="3", tracking=True)
    impact = fields.Selection(LEVELS, required=True, default="3", tracking=True)
    score = fields.Integer(compute="_compute_score", store=True, help="Likelihood x impact (1 to 25).")
    level = fields.Selection([("low", "Low"), ("medium", "Medium"), ("high", "High")],
                             compute="_compute_score", store=True)
    indicator = fields.Selection(INDICATORS, required=True, default="none", tracking=True)
    threshold = fields.Float(tracking=True)
    threshold_direction = fields.Selection(
        [("above", "Ceiling: alert above the threshold"), ("below", "Floor: alert below the threshold")],
        "Direction", required=True, default="above", tracking=True)
    allocated_amount = fields.Monetary(
        "Allocated Funds", tracking=True,
        help="Funds allocated for the year to international trips (for the funds indicator).")
    indicator_value = fields.Float(readonly=True, digits=(16, 2), tracking=True)
    indicator_date = fields.Datetime("Indicator Computed on", readonly=True)
    indicator_live = fields.Boolean("Live", compute="_compute_indicator_live",
                                    help="Whether the records the indicator needs exist in the database.")
    in_alert = fields.Boolean("Threshold Crossed", readonly=True, tracking=True)
    alert_activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")
    review_ids = fields.One2many("intl.risk.review", "risk_id", "Reviews")
    last_review_date = fields.Date(compute="_compute_last_review", store=True)

    @api.depends("likelihood", "impact")
    def _compute_score(self):
        for risk in self:
            risk.score = int(risk.likelihood or 0) * int(risk.impact or 0)
            risk.level = "high" if risk.score >= 15 else "medium" if risk.score >= 6 else "low"

    def _compute_indicator_live(self):
        providers = self._indicator_providers()
        for risk in self:
            risk.indicator_live = risk.indicator in providers

    @api.depends("review_ids.date")
    def _compute_last_review(self):
        for risk in self:
            risk.last_review_date = max(risk.review_ids.mapped("date"), default=False)

    def write(self, vals):
        if not self._lifecycle_trusted() and not self.env.su:
            owner_fields = {"mitigation", "evidence", "likelihood", "impact"}
            if not self.env.user.has_group(DIRECTOR) and (
                    set(vals) - owner_fields or any(risk.owner_id != self.env.user for risk in self)):
                raise UserError(self.env._("Only the DIC Director changes the risk register; "
                                           "a risk's owner updates its assessment."))
        return super().write(vals)

    def action_check_indicator(self):
        self._check_indicators()

    # ------------------------------------------------------------------
    # Live indicators
    # ------------------------------------------------------------------

    @api.model
    def _indicator_providers(self):
        """``{indicator: method(company, today) -> value or None}`` of the live indicators.

        The scholars' and double degrees' indicators join when their models exist.
        """
        providers = {
            "agreement_lead_time": self._indicator_agreement_lead_time,
            "funds_used_november": self._indicator_funds_used_november,
            "approval_late_share": self._indicator_approval_late_share,
        }
        if "intl.scholar.visit" in self.env:
            providers["scholar_files_late"] = self._indicator_scholar_files_late
        if "intl.degree.intake" in self.env:
            providers["degree_applicants_per_seat"] = self._indicator_degree_applicants_per_seat
        return providers

    @api.model
    def _indicator_agreement_lead_time(self, company, today):
        """Average days from the submission of an agreement to its last approval (last 12 months)."""
        since = fields.Datetime.to_datetime(today - timedelta(days=365))
        agreements = self.env["intl.agreement"]._search([
            ("company_id", "=", company.id), ("state", "not in", ("draft", "submitted", "cancel")),
        ])
        # sudo: the lead time counts every agreement's approval steps, not those the user may see
        rounds = self.env["intl.approval.line"].sudo()._read_group(
            [("res_model", "=", "intl.agreement"), ("res_id", "in", agreements),
             ("purpose", "=", "default"), ("is_current", "=", True), ("state", "=", "approved")],
            ["res_id"], ["create_date:min", "decided_on:max"],
            having=[("decided_on:max", ">=", since)])
        days = [(decided - created).total_seconds() / 86400.0 for _res, created, decided in rounds
                if created and decided]
        return sum(days) / len(days) if days else 0.0

    @api.model
    def _indicator_approval_late_share(self, company, today):
        """Share (%) of the approval steps of the company's records decided in the last 12
        months after their deadline (the lead times of ``intl.approval.line``, risk 1)."""
        since = fields.Datetime.to_datetime(today - timedelta(days=365))
        # sudo: the share counts every decided step of the company, not those the user may see
        rows = self.env["intl.approval.line"].sudo()._read_group(
            [("company_id", "=", company.id), ("state", "in", ("approved", "rejected")),
             ("decided_on", ">=", since), ("activated_on", "!=", False), ("date_deadline", "!=", False)],
            ["decided_late"], ["__count"])
        total = sum(count for _late, count in rows)
        late = sum(count for is_late, count in rows if is_late)
        return 100.0 * late / total if total else 0.0

    @api.model
    def _indicator_funds_used_november(self, company, today, allocated=0.0):
        """Share (%) of the allocated funds spent (posted) from January to the end of November."""
        if not allocated:
            return None
        start, end = date(today.year, 1, 1), date(today.year, 11, 30)
        report = self.env["intl.annual.report"]
        # sudo: the share counts every posted advance report of the company, whoever checks it
        [[spent]] = self.env["intl.trip.advance.report"].sudo()._read_group(
            report._domain_money(start, end, company), [], ["total_amount:sum"])
        return 100.0 * (spent or 0.0) / allocated

    @api.model
    def _indicator_scholar_files_late(self, company, today):
        """Share (%) of the scholar files of the last 12 months submitted later than the 40 days."""
        days = getattr(company, "intl_scholar_submit_days", 0) or 40
        # sudo: the share counts every visit of the company, not those the user may see
        visits = self.env["intl.scholar.visit"].sudo().search_fetch([
            ("company_id", "=", company.id), ("submit_date", ">=", today - timedelta(days=365)),
        ], ["submit_date", "date_arrival"])
        if not visits:
            return 0.0
        late = sum(1 for visit in visits if (visit.date_arrival - visit.submit_date).days < days)
        return 100.0 * late / len(visits)

    @api.model
    def _indicator_degree_applicants_per_seat(self, company, today):
        """Applicants (submitted or decided) per seat of the intakes whose applications closed lately."""
        since = today - timedelta(days=365)
        domain = [("company_id", "=", company.id), ("state", "in", ("evaluation", "decided")),
                  ("date_deadline", ">=", since)]
        # sudo: the ratio counts every intake and application of the company
        [[seats]] = self.env["intl.degree.intake"].sudo()._read_group(domain, [], ["seats:sum"])
        [[applicants]] = self.env["intl.degree.application"].sudo()._read_group(
            [("intake_id.company_id", "=", company.id), ("intake_id.state", "in", ("evaluation", "decided")),
             ("intake_id.date_deadline", ">=", since), ("state", "not in", ("draft", "withdrawn"))],
            [], ["__count"])
        return applicants / seats if seats else None

    def _crossed(self, value):
        self.ensure_one()
        if value is None or self.indicator == "none":
            return False
        if self.indicator == "funds_used_november" and fields.Date.context_today(self).month < 11:
            return False  # the funds risk is judged from November on
        if self.threshold_direction == "above":
            return value > self.threshold
        return value < self.threshold

    def _check_indicators(self):
        """Compute the indicators of ``self`` and raise one activity per new crossing."""
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        providers = self._indicator_providers()
        cache = {}
        activity_vals, alerted = [], self.browse()
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_risk")
        for risk in self:
            provider = providers.get(risk.indicator)
            if not provider:
                continue
            args = (risk.allocated_amount,) if risk.indicator == "funds_used_november" else ()
            key = (risk.indicator, risk.company_id, *args)
            if key not in cache:
                cache[key] = provider(risk.company_id, today, *args)
            value = cache[key]
            crossed = risk._crossed(value)
            vals = {"indicator_value": value or 0.0, "indicator_date": now, "in_alert": crossed}
            if crossed and not risk.in_alert:
                activity_vals.append({
                    "res_model_id": model_id, "res_id": risk.id, "activity_type_id": activity_type.id,
                    "user_id": risk.owner_id.id, "date_deadline": today, "automated": True,
                    **intl_message.summary_vals(self.env, _lt("Risk threshold crossed: %(risk)s", risk=risk.name)),
                    "note": self.env._("Indicator %(value)s, threshold %(threshold)s.",
                                       value=round(value, 2), threshold=risk.threshold),
                })
                alerted |= risk
            if not crossed:
                vals["alert_activity_id"] = False
            risk._lifecycle_write(vals)
        if activity_vals:
            # sudo: the cron (or the user checking) raises the activity for the risk's owner
            activities = intl_message.trusting(self.env["mail.activity"].sudo()).create(activity_vals)
            for risk, activity in zip(alerted, activities, strict=True):
                risk._lifecycle_write({"alert_activity_id": activity.id})
        return alerted

    @api.model
    def _intl_migrate_risk_indicator(self):
        """Risk 1 of a database installed before keeps the indicator it was shipped with (the
        agreements' lead time, threshold 30): it gets the share of the approval steps decided
        late (threshold 20 %), unless the DIC Director changed it. Returns the risk changed.
        Called by ``migrations/18.0.1.1.0/post-migrate.py``."""
        risk = self.env.ref("intl_cooperation.intl_risk_agreement_delays", raise_if_not_found=False)
        if risk and risk.indicator == "agreement_lead_time" and risk.threshold == 30:
            # sudo: the migration changes the shipped value (the register is the DIC Director's)
            risk.sudo().write({"indicator": "approval_late_share", "threshold": 20})
            return risk
        return self.browse()

    # batches of 100: the ORM inserts and updates by 100 rows, so a run costs the
    # same queries whatever the number of records waiting (the next batch follows at once)
    @api.model
    def _cron_check_risks(self, batch_size=100):
        """Daily: the live indicators of every risk, in batches of ``batch_size``."""
        risks = self.search([("indicator", "!=", "none")], limit=batch_size, order="indicator_date, id")
        risks._check_indicators()
        # the cron runner calls again at once (up to ten batches a run) while work remains
        self.env["ir.cron"]._notify_progress(
            done=len(risks), remaining=batch_size if len(risks) == batch_size else 0)
