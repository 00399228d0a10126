from collections import defaultdict
from datetime import timedelta
from urllib.parse import urlparse

from odoo import api, fields, models
from odoo.exceptions import ValidationError

OFFICER = "intl_cooperation.group_intl_officer"
COORDINATOR = "intl_cooperation.group_intl_coordinator"
# the digest of an institute goes out once a week
DIGEST_DAYS = 7


class IntlOpportunity(models.Model):
    """A development opportunity abroad that DIC found (DP 717 §1 activity 5, §4).

    Scholarships, exchange programmes, internships, courses, seminars and exhibitions, for
    students, staff or both, with the institutes they concern (none: every institute). DIC
    keeps the register; everyone reads the published ones. ``draft`` → ``published`` →
    ``closed`` (by DIC, or by the daily cron once the deadline passed); back to draft by DIC.
    A weekly digest mails each institute's coordinators the open opportunities concerning
    their institute, the new ones first, in each reader's language. The applications they
    led to (mobility applications, trips) name them and are counted per institute in the
    indicators.
    """

    _name = "intl.opportunity"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin"]
    _description = "Opportunity Abroad"
    _order = "date_deadline asc nulls last, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "sponsor"]

    _lifecycle_transitions = {
        "publish": {"from": ("draft",), "to": "published", "who": (OFFICER,), "guard": "_guard_publish"},
        "close": {"from": ("published",), "to": "closed", "who": (OFFICER, "system")},
        "reset": {"from": ("published", "closed"), "to": "draft", "who": (OFFICER,)},
    }
    _lifecycle_workflow_fields = ("date_published",)

    name = fields.Char("Title", required=True, translate=True, tracking=True)
    kind = fields.Selection(
        [("scholarship", "Scholarship"), ("exchange", "Exchange Programme"), ("internship", "Internship"),
         ("course", "Course"), ("seminar", "Seminar"), ("exhibition", "Exhibition"), ("project", "Project")],
        required=True, default="scholarship", tracking=True)
    sponsor = fields.Char(required=True, tracking=True,
                          help="Who offers or funds it (a foundation, a university, a state body).")
    sponsor_partner_id = fields.Many2one("res.partner", "Sponsor in Contacts", tracking=True)
    country_id = fields.Many2one("res.country", "Country", tracking=True)
    audience = fields.Selection(
        [("students", "Students"), ("staff", "Staff"), ("both", "Students and Staff")],
        required=True, default="both", tracking=True)
    date_deadline = fields.Date("Application Deadline", tracking=True, index=True)
    link = fields.Char(tracking=True, help="The page of the call (http or https).")
    description = fields.Text(translate=True)
    institute_ids = fields.Many2many(
        "hr.department", "intl_opportunity_institute_rel", "opportunity_id", "institute_id",
        string="Institutes Concerned", domain=[("intl_kind", "=", "institute")],
        help="Empty: every institute.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("closed", "Closed")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True)
    date_published = fields.Datetime("Published on", readonly=True, copy=False)
    application_count = fields.Integer("Applications", compute="_compute_application_count")
    can_publish = fields.Boolean(compute="_compute_lifecycle_can")
    can_close = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    def _compute_application_count(self):
        counts = defaultdict(int)
        for model in ("intl.mobility.application", "intl.trip"):
            if not self.env[model].has_access("read"):
                continue  # the roles without access to those records count none of them
            for opportunity, count in self.env[model]._read_group(
                    [("opportunity_id", "in", self.ids)], ["opportunity_id"], ["__count"]):
                counts[opportunity.id] += count
        for opportunity in self:
            opportunity.application_count = counts[opportunity.id]

    @api.constrains("link")
    def _check_link(self):
        for opportunity in self.filtered("link"):
            parsed = urlparse(opportunity.link.strip())
            if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in opportunity.link.strip():
                raise ValidationError(self.env._(
                    "%(link)s is not a web address: give the call's page, starting with https://.",
                    link=opportunity.link))

    def _guard_publish(self):
        today = fields.Date.context_today(self)
        if self.date_deadline and self.date_deadline < today:
            return self.env._("The deadline of %(opportunity)s has passed: it is not published.",
                              opportunity=self.display_name)
        if not self.link and not (self.description or "").strip():
            return self.env._("Give the link or a description of %(opportunity)s before publishing it.",
                              opportunity=self.display_name)
        return False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_publish(self):
        self._lifecycle_check("publish")
        return self._lifecycle_do("publish", {"date_published": fields.Datetime.now()})

    def action_close(self):
        return self._lifecycle_run("close")

    def action_reset(self):
        return self._lifecycle_run("reset")

    def action_view_applications(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Applications: %(opportunity)s", opportunity=self.name),
            "res_model": "intl.mobility.application",
            "view_mode": "list,form",
            "domain": [("opportunity_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_view_trips(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Trips: %(opportunity)s", opportunity=self.name),
            "res_model": "intl.trip",
            "view_mode": "list,form",
            "domain": [("opportunity_id", "=", self.id)],
            "context": {"create": False},
        }

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_close_expired(self, batch_size=500):
        """Daily: the published opportunities whose deadline passed close (in batches)."""
        today = fields.Date.context_today(self)
        expired = self.search([("state", "=", "published"), ("date_deadline", "<", today)], limit=batch_size)
        expired._lifecycle_run("close", by="system")
        self.env["ir.cron"]._notify_progress(
            done=len(expired), remaining=batch_size if len(expired) == batch_size else 0)

    @api.model
    def _cron_weekly_digest(self, batch_size=100):
        """Weekly: each institute's coordinators get the open opportunities concerning it.

        In batches of institutes not mailed for a week; the number of queries does not grow
        with the institutes, the coordinators or the opportunities: the mails of a batch are
        rendered once per language and created at once.
        """
        now = fields.Datetime.now()
        Department = self.env["hr.department"]
        institutes = Department.search([
            ("intl_kind", "=", "institute"),
            "|", ("intl_opportunity_digest_at", "=", False),
            ("intl_opportunity_digest_at", "<=", now - timedelta(days=DIGEST_DAYS) + timedelta(hours=1)),
        ], limit=batch_size, order="intl_opportunity_digest_at asc nulls first, id")
        if institutes:
            self._send_digest(institutes)
            # one UPDATE for the batch (the flag is the engine's, not a user's)
            institutes.write({"intl_opportunity_digest_at": now})
        self.env["ir.cron"]._notify_progress(
            done=len(institutes), remaining=batch_size if len(institutes) == batch_size else 0)

    @api.model
    def _digest_opportunities(self, institutes):
        """``{institute: opportunities}``: the published ones not past their deadline that
        concern each institute (named, or every institute when none is named)."""
        today = fields.Date.context_today(self)
        opportunities = self.search([
            ("state", "=", "published"),
            "|", ("date_deadline", "=", False), ("date_deadline", ">=", today),
            "|", ("institute_ids", "=", False), ("institute_ids", "in", institutes.ids),
        ], order="date_deadline asc nulls last, id")
        result = {}
        for institute in institutes:
            # one prefetch for all the digests: each field read once per language
            result[institute] = opportunities.filtered(
                lambda o, inst=institute: (not inst.company_id or o.company_id == inst.company_id)
                and (not o.institute_ids or inst in o.institute_ids)).with_prefetch(opportunities._prefetch_ids)
        return result

    @api.model
    def _digest_coordinators(self, institutes):
        """``{institute: partners}``: the coordinators (their contacts) of each institute."""
        employees = self.env["hr.employee"].search([
            ("intl_institute_id", "in", institutes.ids), ("user_id", "!=", False),
            ("user_id.groups_id", "in", self.env.ref(COORDINATOR).ids)])
        result = defaultdict(lambda: self.env["res.partner"])
        for employee in employees:
            partner = employee.user_id.partner_id
            if partner.email:
                result[employee.intl_institute_id] |= partner
        return result

    @api.model
    def _send_digest(self, institutes):
        """Mail the digest of ``institutes``: one mail per institute and language, to its
        coordinators reading that language. Returns the mails created."""
        template = self.env.ref("intl_cooperation.mail_template_intl_opportunity_digest")
        digests = self._digest_opportunities(institutes)
        coordinators = self._digest_coordinators(institutes)
        by_lang = defaultdict(lambda: defaultdict(lambda: self.env["res.partner"]))
        default_lang = self.env.company.partner_id.lang or "en_US"
        for institute, partners in coordinators.items():
            if not digests.get(institute):
                continue
            for partner in partners:
                by_lang[partner.lang or default_lang][institute] |= partner
        vals_list = []
        # sudo: the engine's sender address, read once for every mail (no alias lookup per mail)
        email_from = template.sudo().email_from or self.env.company.email_formatted or self.env.user.email_formatted
        for lang, recipients in by_lang.items():
            ids = [institute.id for institute in recipients]
            localized = template.with_context(lang=lang)
            # the institutes' digests read again in the language (names, kinds, dates)
            context = {"digests": {institute.id: digests[institute].with_context(lang=lang)
                                   for institute in recipients},
                       "since": {institute.id: institute.intl_opportunity_digest_at for institute in recipients},
                       "kinds": dict(self._fields["kind"]._description_selection(localized.env)),
                       "audiences": dict(self._fields["audience"]._description_selection(localized.env))}
            subjects = localized._render_field("subject", ids, add_context=context)
            bodies = localized._render_field("body_html", ids, add_context=context)
            for institute, partners in recipients.items():
                vals_list.append({
                    "subject": subjects[institute.id],
                    "body_html": bodies[institute.id],
                    "email_from": email_from,
                    "reply_to": email_from,
                    "recipient_ids": [fields.Command.set(partners.ids)],
                    "model": "hr.department",
                    "res_id": institute.id,
                    "auto_delete": False,
                })
        # sudo: the digest is the engine's mail (the cron may run as any user)
        return self.env["mail.mail"].sudo().create(vals_list)
