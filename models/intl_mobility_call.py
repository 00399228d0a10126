from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from .intl_learner_grade import check_academic_year

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"
# What the applicants saw when the call opened, and what the commission decided on
DRAFT_ONLY_FIELDS = ("condition_id", "academic_year", "semester", "min_gpa", "required_lang_id", "required_cefr")
DECIDED_FIELDS = ("seats", "quota_reason", "date_deadline", "decision_ref", "commission_user_ids")


class IntlMobilityCall(models.Model):
    """A call for outgoing academic mobility under one cooperation condition of an agreement.

    Its seats come from the condition's quota (mobilities per year, less the other calls of
    the same condition and year); more only with a recorded reason. Applications are ranked
    and decided by the selection engine of double degrees (``intl.selection.mixin``).
    ``draft`` → ``open`` → ``evaluation`` → ``decided``; ``cancel``.
    """

    _name = "intl.mobility.call"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin", "intl.selection.mixin"]
    _description = "Mobility Call"
    _order = "academic_year desc, date_deadline desc, id desc"
    _check_company_auto = True
    _lifecycle_transitions = {
        "open": {"from": ("draft",), "to": "open", "who": (COORDINATOR,), "guard": "_guard_open"},
        "close_applications": {"from": ("open",), "to": "evaluation", "who": (COORDINATOR,),
                               "guard": "_guard_manage"},
        "decide": {"from": ("evaluation",), "to": "decided", "who": ("requester", OFFICER),
                   "guard": "_guard_decide"},
        "cancel": {"from": ("draft", "open", "evaluation"), "to": "cancel", "who": (COORDINATOR,),
                   "guard": "_guard_manage"},
    }
    _lifecycle_workflow_fields = ("decision_date", "decided_by_id")

    name = fields.Char(compute="_compute_name", store=True)
    condition_id = fields.Many2one(
        "intl.agreement.condition", "Cooperation Condition", required=True, index=True, ondelete="restrict",
        domain="[('direction', '=', 'outgoing'), ('agreement_id.state', 'in', ('signed', 'in_force'))]",
    )
    agreement_id = fields.Many2one(related="condition_id.agreement_id", store=True, index=True)
    company_id = fields.Many2one(related="condition_id.company_id", store=True)
    partner_id = fields.Many2one(related="agreement_id.partner_id", store=True, string="Partner Institution")
    institute_id = fields.Many2one(related="agreement_id.institute_id", store=True, index=True)
    mobility_type = fields.Selection(related="condition_id.mobility_type", store=True)
    is_staff = fields.Boolean(related="condition_id.is_staff")
    academic_year = fields.Char(required=True, tracking=True, help="Year of the mobility, e.g. 2027/2028.")
    semester = fields.Selection(
        [("autumn", "Autumn semester"), ("spring", "Spring semester"), ("year", "Full academic year")],
        required=True, default="autumn", tracking=True,
    )
    date_deadline = fields.Date("Application Deadline", required=True, tracking=True)
    quota_available = fields.Integer(
        "Quota Left", compute="_compute_quota_available",
        help="Mobilities per year of the condition less the seats of its other calls of the same year.",
    )
    seats = fields.Integer(tracking=True, help="At most the quota left, unless a reason is recorded.")
    quota_reason = fields.Text(
        "Reason for Exceeding the Quota", tracking=True,
        help="Why this call offers more seats than the agreement's quota left (e.g. the partner's written consent).",
    )
    min_gpa = fields.Float("Minimum GPA", digits=(4, 2), tracking=True, help="Learners: GPA at least this.")
    required_lang_id = fields.Many2one(
        "res.lang", "Required Language", context={"active_test": False}, tracking=True,
        compute="_compute_language_rule", store=True, readonly=False,
    )
    required_cefr = fields.Selection(
        [("A1", "A1"), ("A2", "A2"), ("B1", "B1"), ("B2", "B2"), ("C1", "C1"), ("C2", "C2")],
        "Required CEFR Level", compute="_compute_language_rule", store=True, readonly=False, tracking=True,
    )
    commission_user_ids = fields.Many2many(
        "res.users", "intl_mobility_call_commission_rel", "call_id", "user_id",
        string="Selection Commission", help="Members of the commission who record its decision.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Applications Open"), ("evaluation", "Commission Review"),
         ("decided", "Decided"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
    )
    decision_ref = fields.Char("Commission Protocol No.", tracking=True)
    decision_date = fields.Date(readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", "Recorded By", readonly=True, copy=False)
    application_ids = fields.One2many("intl.mobility.application", "call_id", "Applications")
    application_count = fields.Integer(compute="_compute_counts")
    eligible_count = fields.Integer(compute="_compute_counts")
    selected_count = fields.Integer(compute="_compute_counts")
    can_open = fields.Boolean(compute="_compute_lifecycle_can")
    can_close_applications = fields.Boolean(compute="_compute_lifecycle_can")
    can_decide = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("partner_id.name", "mobility_type", "academic_year", "semester")
    def _compute_name(self):
        types = dict(self.env["intl.agreement.condition"]._fields["mobility_type"]._description_selection(self.env))
        for call in self:
            call.name = " ".join(filter(None, (
                call.partner_id.name, types.get(call.mobility_type), call.academic_year)))

    @api.depends("condition_id")
    def _compute_language_rule(self):
        for call in self:
            skill = call.condition_id.language_ids.filtered("cefr_level")[:1]
            call.required_lang_id = skill.lang_id
            call.required_cefr = skill.cefr_level

    @api.depends("condition_id", "academic_year")
    def _compute_quota_available(self):
        for call in self:
            call.quota_available = call._quota_left()

    def _quota_left(self):
        """Mobilities per year of the condition less the seats of its other live calls of the year (fresh)."""
        self.ensure_one()
        if not self.condition_id:
            return 0
        others = self.search([
            ("condition_id", "=", self.condition_id.id), ("academic_year", "=", self.academic_year),
            ("state", "!=", "cancel"), ("id", "not in", self.ids),
        ])
        return self.condition_id.mobilities_per_year - sum(others.mapped("seats"))

    @api.depends("application_ids.state", "application_ids.eligible")
    def _compute_counts(self):
        for call in self:
            apps = call.application_ids.filtered(lambda a: a.state != "withdrawn")
            call.application_count = len(apps)
            call.eligible_count = len(apps.filtered("eligible"))
            call.selected_count = len(apps.filtered(
                lambda a: a.state in ("selected", "nominated", "accepted", "declined")))

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("academic_year", "condition_id", "seats", "quota_reason", "state")
    def _check_quota(self):
        for call in self:
            check_academic_year(self.env, call.academic_year)
            if call.academic_year not in call.condition_id._academic_years():
                raise ValidationError(self.env._(
                    "%(condition)s does not cover the academic year %(year)s.",
                    condition=call.condition_id.display_name, year=call.academic_year,
                ))
            if call.seats <= 0:
                raise ValidationError(self.env._("A call needs at least one seat."))
            quota = call._quota_left()
            if call.state != "cancel" and call.seats > quota and not (call.quota_reason or "").strip():
                raise ValidationError(self.env._(
                    "%(call)s offers %(seats)s seats but the agreement's quota left for %(year)s is %(quota)s: "
                    "record the reason for exceeding it.",
                    call=call.display_name, seats=call.seats, year=call.academic_year, quota=quota,
                ))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        conditions = self.env["intl.agreement.condition"].browse(
            {vals.get("condition_id") for vals in vals_list} - {None, False})
        for vals in vals_list:
            if not vals.get("seats") and vals.get("condition_id"):
                # the quota left of the condition's year, at least one (then the reason is asked)
                condition = conditions.filtered(lambda c, cid=vals["condition_id"]: c.id == cid)
                other = self.search([("condition_id", "=", condition.id), ("state", "!=", "cancel"),
                                     ("academic_year", "=", vals.get("academic_year"))])
                vals["seats"] = max(condition.mobilities_per_year - sum(other.mapped("seats")), 1)
        return super().create(vals_list)

    def write(self, vals):
        if not self._lifecycle_trusted():
            if set(DRAFT_ONLY_FIELDS) & set(vals) and any(call.state != "draft" for call in self):
                raise UserError(self.env._(
                    "The condition, year, semester and eligibility rules of a call change only while it is a draft."))
            if set(DECIDED_FIELDS) & set(vals) and any(call.state in ("decided", "cancel") for call in self):
                raise UserError(self.env._("The seats and the commission of a decided call do not change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if self.filtered(lambda call: call.state != "draft"):
            raise UserError(self.env._("Only draft calls can be deleted: cancel the others."))

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    def _lifecycle_requester_users(self):
        return self.commission_user_ids

    def _guard_manage(self):
        """The agreement's institute (its coordinators) or DIC manage the call."""
        user = self.env.user
        if self.env.su or user.has_group(OFFICER):
            return False
        if user.has_group(COORDINATOR) and user.employee_id.intl_institute_id == self.institute_id:
            return False
        return self.env._("%(call)s is managed by %(institute)s and DIC.", call=self.display_name,
                          institute=self.institute_id.display_name)

    def _guard_open(self):
        if self.agreement_id.state not in ("signed", "in_force"):
            return self.env._("%(agreement)s is not signed: no call under it yet.",
                              agreement=self.agreement_id.display_name)
        return self._guard_manage()

    def _guard_decide(self):
        if not self.decision_ref:
            return self.env._("Enter the number of the commission's protocol of %(call)s.", call=self.display_name)
        applicants = self.application_ids.filtered(lambda a: a.state != "withdrawn").employee_id.user_id
        if self.env.user in applicants:
            return self.env._("%(user)s applied to %(call)s and does not decide it.",
                              user=self.env.user.name, call=self.display_name)
        return False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open(self):
        return self._lifecycle_run("open")

    def action_close_applications(self):
        """Applications close: drafts lapse, the ranking is frozen for the commission."""
        self._lifecycle_check("close_applications")
        self.application_ids.filtered(lambda a: a.state == "draft")._lifecycle_run("withdraw", by="system")
        self._lifecycle_do("close_applications")
        for call in self:
            call._rank_applications()

    def action_rank(self):
        for call in self:
            reason = call._guard_manage()
            if reason:
                raise UserError(reason)
            if call.state not in ("open", "evaluation"):
                raise UserError(self.env._("%(call)s is not being evaluated.", call=call.display_name))
            call._rank_applications()

    def action_decide(self):
        """The commission selects the best eligible candidates within the seats."""
        self._lifecycle_check("decide")
        for call in self:
            selected, reserve, ineligible = call._selection_decide()
            call._lifecycle_do("decide", {"decision_date": fields.Date.context_today(self),
                                          "decided_by_id": self.env.uid})
            call._intl_message_post(
                _lt("Commission decision %(ref)s: %(selected)s selected, %(reserve)s in reserve, "
                    "%(ineligible)s not eligible.", ref=call.decision_ref, selected=len(selected),
                    reserve=len(reserve), ineligible=len(ineligible)),
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        return self._lifecycle_run("cancel")
