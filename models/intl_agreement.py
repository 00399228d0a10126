

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools.prefetch import fetch_many2many, fetch_one2many
from .res_partner import AGREEMENT_STANDING

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

UNSIGNED_STATES = (
    "draft", "submitted", "dic_review", "negotiation", "drafting", "legal_review", "management", "approved",
)
SIGNED_STATES = ("signed", "in_force", "expired", "terminated")
# Parties, dates and signatories of a signed agreement change only through an annex.
LOCKED_FIELDS = (
    "partner_id", "partner_ids", "sign_lang_national", "sign_lang_foreign_id",
    "signatory_university", "signatory_university_position", "date_sign_university",
    "signatory_partner", "signatory_partner_position", "date_sign_partner",
    "date_start", "date_start_custom", "date_end", "is_indefinite", "auto_renew",
    "renewal_months", "notice_months",
)

APPROVAL_STATES = ("dic_review", "negotiation", "drafting", "legal_review", "management")
COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"


class IntlAgreement(models.Model):
    """A bilateral cooperation agreement with a foreign institution (DP 717 section 5.1).

    Lifecycle: the institute prepares a proposal (memo 403-03 and proposal
    403-10) and submits it to DIC; DIC starts the approval route, whose steps
    drive the stages: DIC Director (``dic_review``, while DIC negotiates and
    drafts the agreement), Legal Reviewer (``legal_review``) and Management
    (``management``). Once approved it is signed (with the signed scan), comes
    into force on its effective date and ends expired or terminated.

    Rights: coordinators see their institute's agreements, DIC sees all,
    legal and management act at their own steps; once signed, parties,
    dates and signatories change only through an annex.
    """

    _name = "intl.agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin", "intl.document.mixin"]
    _description = "Cooperation Agreement"
    _order = "date_signed desc, id desc"
    _intl_process_code = "agreement"
    _check_company_auto = True

    _approval_submit_states = {"default": ("submitted",)}
    _approval_pending_state = {"default": "dic_review"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel", "terminated", "expired")
    _approval_summary_fields = {"what": "title", "who": "partner_name", "date_from": "date_start",
                                "date_to": "date_end", "where": "country_id"}

    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "to": "submitted", "who": (COORDINATOR,),
                   "guard": "_check_memo_attached"},
        "start_review": {"from": ("submitted",), "approval": "default", "who": (OFFICER,)},
        "review": {"from": ("submitted",), "to": "dic_review", "who": ("approval",)},
        "start_negotiation": {"from": ("dic_review",), "to": "negotiation", "who": (OFFICER,)},
        "draft_ready": {"from": ("negotiation",), "to": "drafting", "who": (OFFICER,),
                        "guard": "_guard_draft_ready"},
        "legal_review": {"from": ("dic_review", "negotiation", "drafting"), "to": "legal_review",
                         "who": ("approval",), "guard": "_guard_legal_review"},
        "management": {"from": ("dic_review", "negotiation", "drafting", "legal_review"),
                       "to": "management", "who": ("approval",), "guard": "_guard_legal_approved"},
        "approve": {"from": APPROVAL_STATES, "to": "approved", "who": ("approval",),
                    "guard": "_guard_legal_approved"},
        "reject": {"from": APPROVAL_STATES, "to": "draft", "who": ("approval",)},
        "sign": {"from": ("approved",), "to": "signed", "who": (COORDINATOR,),
                 "guard": "_guard_sign"},
        "enter_into_force": {"from": ("signed",), "to": "in_force", "who": ("system",)},
        "terminate": {"from": ("signed", "in_force"), "to": "terminated", "who": (OFFICER,)},
        "expire": {"from": ("signed", "in_force"), "to": "expired", "who": ("system",)},
        "revive": {"from": ("expired",), "to": "in_force", "who": ("system",)},
        "cancel": {"from": UNSIGNED_STATES, "to": "cancel", "who": (COORDINATOR,)},
        "reset": {"from": ("cancel",), "to": "draft", "who": (COORDINATOR,)},
    }
    # the partner and the terms DIC and Legal saw: fixed from the legal review (a change goes
    # back through a new proposal or an annex); the dates are set at signing and then kept by
    # LOCKED_FIELDS
    # (DP 717 5.1.3) and the draft Legal reviews: its forms, priority directions, term and conditions
    _lifecycle_substance = (
        "company_id", "partner_id", "partner_ids", "kind_id", "institute_id", "title", "purpose",
        "form_ids", "priority_directions", "term_years", "implementation_conditions")
    # the Legal Reviewer annotates the financial terms at its step: what Management decides and
    # the parties sign (once signed they are an execution field, LOCKED_FIELDS keep the rest)
    _lifecycle_substance_states = {state: ("financial_terms",) for state in ("management", "approved")}
    _lifecycle_substance_open = ("draft", "submitted", "dic_review", "negotiation", "drafting")
    _lifecycle_workflow_fields = (
        "date_dic_notified", "date_dic_copy_received", "date_terminated", "termination_reason",
        "reminder_lead_sent",
    )

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    title = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    partner_id = fields.Many2one(
        "res.partner", "Partner Institution", required=True, tracking=True, index=True,
        domain=[("is_intl_institution", "=", True)],
    )
    partner_ids = fields.Many2many(
        "res.partner", "intl_agreement_partner_rel", "agreement_id", "partner_id",
        string="Further Partners", domain=[("is_intl_institution", "=", True)],
    )
    # stored: the agreement's name (its display name) and its approval's summary read no partner
    partner_name = fields.Char(related="partner_id.complete_name", store=True, string="Partner Institution Name")
    country_id = fields.Many2one(related="partner_id.country_id", store=True, string="Country")
    kind_id = fields.Many2one("intl.agreement.kind", "Kind", required=True, tracking=True)
    institute_id = fields.Many2one(
        "hr.department", "Initiating Institute", required=True, tracking=True, index=True,
        domain=[("intl_kind", "=", "institute")],
    )
    contact_employee_ids = fields.Many2many(
        "hr.employee", "intl_agreement_contact_employee_rel", "agreement_id", "employee_id",
        string="Contact Persons", help="Employees of the unit responsible for executing the agreement.",
    )
    curator_id = fields.Many2one(
        "res.users", "DIC Curator", tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("intl_cooperation.group_intl_officer").id)],
    )
    form_ids = fields.Many2many(
        "intl.cooperation.form", "intl_agreement_form_rel", "agreement_id", "form_id",
        string="Forms of Cooperation",
    )
    state = fields.Selection(
        [
            ("draft", "Draft Proposal"),
            ("submitted", "Submitted"),
            ("dic_review", "DIC Review"),
            ("negotiation", "Negotiation"),
            ("drafting", "Draft Agreement"),
            ("legal_review", "Legal Review"),
            ("management", "Management Decision"),
            ("approved", "Approved for Signing"),
            ("signed", "Signed"),
            ("in_force", "In Force"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
            ("cancel", "Cancelled"),
        ],
        default="draft", required=True, tracking=True, copy=False, index=True, readonly=True,
        group_expand="_lifecycle_group_expand",
    )
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_start_review = fields.Boolean(compute="_compute_lifecycle_can")
    can_start_negotiation = fields.Boolean(compute="_compute_lifecycle_can")
    can_draft_ready = fields.Boolean(compute="_compute_lifecycle_can")
    can_sign = fields.Boolean(compute="_compute_lifecycle_can")
    can_terminate = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    # memo 403-03 / proposal 403-10
    purpose = fields.Text("Purpose of the Partnership")
    cooperation_level = fields.Text("Level of Cooperation Reached")
    prospects = fields.Text()
    priority_directions = fields.Text()
    # the draft agreement (5.1.3): filled before the legal review
    term_years = fields.Integer(
        "Term of Validity (years)", tracking=True,
        help="How long the agreement is valid from its effective date; the expiry date is set from it "
             "at signing when it is not given.")
    implementation_conditions = fields.Text(
        "Conditions of Implementation", help="How the parties carry out the agreement (DP 717 5.1.3).")
    draft_version_ids = fields.One2many(
        "intl.agreement.draft.version", "agreement_id", "Draft Versions", copy=False,
        help="Each text of the draft agreement, kept; the one Legal approved is marked.")
    draft_version_count = fields.Integer(compute="_compute_draft_version")
    draft_approved_version_id = fields.Many2one(
        "intl.agreement.draft.version", "Version Approved by Legal", compute="_compute_draft_version")
    draft_template_id = fields.Many2one(
        "intl.agreement.template", "Model Agreement", compute="_compute_draft_template",
        help="The model agreement of its kind DIC keeps, from which the draft starts.")
    financial_terms = fields.Text(
        help="How the parties settle the costs of the cooperation (DP 717 5.1.5)."
    )

    # signing (5.1.4)
    sign_lang_national = fields.Selection(
        [("kk_KZ", "Kazakh"), ("ru_RU", "Russian")], "National Signing Language", tracking=True,
    )
    sign_lang_foreign_id = fields.Many2one(
        "res.lang", "Foreign Signing Language", tracking=True,
        context={"active_test": False},
        help="English or the language of the partner's country.",
    )
    signatory_university = fields.Char("Signatory of the University", tracking=True)
    signatory_university_position = fields.Char("Job Title of the University Signatory")
    date_sign_university = fields.Date("Signed by the University on", tracking=True, copy=False)
    signatory_partner = fields.Char("Signatory of the Partner", tracking=True)
    signatory_partner_position = fields.Char("Job Title of the Partner Signatory")
    date_sign_partner = fields.Date("Signed by the Partner on", tracking=True, copy=False)
    date_signed = fields.Date(
        "Signing Date", compute="_compute_date_signed", store=True, copy=False,
        help="The later of the two signatures.",
    )
    date_start_custom = fields.Boolean(
        "Effective Date Set by the Agreement",
        help="The agreement comes into force on another date than its signature.",
    )
    date_start = fields.Date(
        "Effective Date", compute="_compute_date_start", store=True, readonly=False,
        tracking=True, copy=False,
    )
    is_indefinite = fields.Boolean("Indefinite", tracking=True)
    date_end = fields.Date(
        "Expiry Date", compute="_compute_date_end", store=True, readonly=False,
        tracking=True, copy=False, index=True, help="Annexes may change it: see their history.",
    )
    auto_renew = fields.Boolean("Automatic Renewal", tracking=True)
    renewal_months = fields.Integer("Renewal Term (months)", default=12)
    notice_months = fields.Integer(
        "Notice Period (months)", default=6, help="Notice a party gives to end or not renew the agreement."
    )
    date_terminated = fields.Date("Termination Date", readonly=True, copy=False, tracking=True)
    termination_reason = fields.Text(readonly=True, copy=False)

    # copies and written notification (5.1.4)
    copy_ids = fields.One2many("intl.agreement.copy", "agreement_id", "Copies", copy=False)
    date_dic_notified = fields.Date("DIC Notified on", readonly=True, copy=False)
    date_dic_copy_received = fields.Date("DIC Received its Copy on", readonly=True, copy=False, tracking=True)
    signed_scan_ok = fields.Boolean(compute="_compute_signed_scan_ok")

    # execution (5.1.5)
    plan_line_ids = fields.One2many("intl.agreement.plan.line", "agreement_id", "Cooperation Plan")
    plan_overdue_count = fields.Integer(compute="_compute_plan_counts")
    annex_ids = fields.One2many("intl.agreement.annex", "agreement_id", "Annexes", copy=False)
    annex_count = fields.Integer(compute="_compute_annex_count")
    expiry_change_ids = fields.One2many(
        "intl.agreement.annex", "agreement_id", "Expiry Date History",
        domain=[("changes_expiry", "=", True), ("state", "=", "in_force")],
    )

    # expiry and renewal
    reminder_ids = fields.One2many("intl.agreement.reminder", "agreement_id", "Reminders Sent", copy=False)
    reminder_lead_sent = fields.Integer(
        copy=False, help="Smallest lead time (days) already reminded for the current expiry date.",
    )
    days_to_expiry = fields.Integer(compute="_compute_days_to_expiry")
    previous_id = fields.Many2one("intl.agreement", "Renewal of", readonly=True, copy=False, index=True,
                                  check_company=True)
    renewal_ids = fields.One2many("intl.agreement", "previous_id", "Renewals")
    is_my_institute = fields.Boolean(compute="_compute_is_my_institute", search="_search_is_my_institute")
    year = fields.Char(compute="_compute_year", store=True, help="Year of signature (or of creation).")
    color = fields.Integer()

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("date_sign_university", "date_sign_partner")
    def _compute_date_signed(self):
        for agreement in self:
            dates = [d for d in (agreement.date_sign_university, agreement.date_sign_partner) if d]
            agreement.date_signed = max(dates) if dates else False

    @api.depends("date_signed", "date_start_custom")
    def _compute_date_start(self):
        for agreement in self:
            if not agreement.date_start_custom or not agreement.date_start:
                agreement.date_start = agreement.date_signed

    @api.depends("annex_ids.date_end_new", "annex_ids.changes_expiry", "annex_ids.date_start",
                 "annex_ids.state")
    def _compute_date_end(self):
        for agreement in self:
            # an annex moves the expiry date once signed and in force, never before (5.1.5)
            changes = agreement.annex_ids.filtered(
                lambda a: a.changes_expiry and a.date_end_new and a.state == "in_force")
            latest = changes.sorted(lambda a: (a.date_start or a.date or fields.Date.today(), a.id))[-1:]
            agreement.date_end = latest.date_end_new if latest else agreement.date_end

    @api.depends("document_line_ids.attachment_ids", "document_line_ids.type_id")
    def _compute_signed_scan_ok(self):
        scan_type = self.env.ref("intl_cooperation.intl_document_type_signed_agreement", raise_if_not_found=False)
        for agreement in self:
            agreement.signed_scan_ok = bool(agreement.document_line_ids.filtered(
                lambda line: line.type_id == scan_type and line.attachment_ids and line.state != "rejected"
            ))

    @api.depends("draft_version_ids.legal_approved")
    def _compute_draft_version(self):
        for agreement in self:
            versions = agreement.draft_version_ids
            agreement.draft_version_count = len(versions)
            agreement.draft_approved_version_id = versions.filtered("legal_approved")[:1]

    @api.depends("kind_id")
    def _compute_draft_template(self):
        Template = self.env["intl.agreement.template"]
        templates = {kind: Template._for_kind(kind) for kind in self.kind_id}
        for agreement in self:
            agreement.draft_template_id = templates.get(agreement.kind_id, Template)

    @api.depends("plan_line_ids.state")
    def _compute_plan_counts(self):
        for agreement in self:
            agreement.plan_overdue_count = len(agreement.plan_line_ids.filtered(lambda line: line.state == "overdue"))

    @api.depends("annex_ids")
    def _compute_annex_count(self):
        for agreement in self:
            agreement.annex_count = len(agreement.annex_ids)

    @api.depends("date_end")
    def _compute_days_to_expiry(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            agreement.days_to_expiry = (agreement.date_end - today).days if agreement.date_end else 0

    @api.depends_context("uid")
    @api.depends("institute_id")
    def _compute_is_my_institute(self):
        institute = self.env.user.employee_id.intl_institute_id
        for agreement in self:
            agreement.is_my_institute = bool(institute) and agreement.institute_id == institute

    def _search_is_my_institute(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on My Institute."))
        institute = self.env.user.employee_id.intl_institute_id
        positive = (operator == "=") == value
        return [("institute_id", "=" if positive else "!=", institute.id or False)]

    @api.depends("date_signed", "create_date")
    def _compute_year(self):
        for agreement in self:
            date = agreement.date_signed or agreement.create_date or fields.Date.today()
            agreement.year = str(date.year)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("sign_lang_foreign_id", "partner_id")
    def _check_sign_languages(self):
        for agreement in self:
            lang = agreement.sign_lang_foreign_id
            if lang and not agreement._is_valid_foreign_language(lang):
                raise ValidationError(self.env._(
                    "%(agreement)s: besides Kazakh or Russian, the agreement is signed in English or in the "
                    "language of the partner's country (%(country)s), not in %(lang)s.",
                    agreement=agreement.display_name, lang=lang.name,
                    country=agreement.partner_id.country_id.name or "-",
                ))

    @api.constrains("date_start", "date_end", "is_indefinite")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end and agreement.date_start and agreement.date_end < agreement.date_start:
                raise ValidationError(self.env._(
                    "%(agreement)s cannot expire before it comes into force.", agreement=agreement.display_name
                ))

    @api.constrains("renewal_months", "notice_months")
    def _check_terms(self):
        for agreement in self:
            if agreement.renewal_months < 0 or agreement.notice_months < 0:
                raise ValidationError(self.env._("Renewal term and notice period cannot be negative."))

    def _is_valid_foreign_language(self, lang):
        """English, or a language spoken in the partner's country (by locale territory)."""
        self.ensure_one()
        code = lang.code or ""
        if code.split("_")[0] == "en":
            return True
        country_code = self.partner_id.country_id.code
        return bool(country_code) and code.split("@")[0].endswith("_" + country_code)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._lifecycle_next_reference(vals_list, "intl.agreement")
        return super().create(vals_list)

    def write(self, vals):
        if not self._lifecycle_trusted():
            self._check_locked_fields(vals)
        if "state" not in vals:
            return super().write(vals)
        # the partners' cooperation status follows the agreements that enter or leave the states
        # saying something of it (res.partner._compute_intl_cooperation_status)
        standing = AGREEMENT_STANDING.get(vals["state"])
        moved = self.filtered(lambda agreement: AGREEMENT_STANDING.get(agreement.state) != standing)
        result = super().write(vals)
        if moved:
            # sudo: the status is public information on the institution, whoever moved the agreement
            partners = moved.sudo().partner_id | moved.sudo().partner_ids
            self.env.add_to_compute(partners._fields["intl_cooperation_status"], partners)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        for agreement in self:
            if agreement.state not in ("draft", "cancel"):
                raise UserError(self.env._(
                    "%(agreement)s cannot be deleted: cancel it while unsigned, terminate it or let it expire "
                    "once signed.", agreement=agreement.display_name,
                ))

    def _check_locked_fields(self, vals):
        """Refuse changing parties, dates and signatories of a signed agreement."""
        locked = [name for name in LOCKED_FIELDS if name in vals]
        if not locked:
            return
        for agreement in self.filtered(lambda a: a.state in SIGNED_STATES):
            changed = []
            for name in locked:
                field = self._fields[name]
                if field.type in ("one2many", "many2many"):
                    changed.append(name)
                    continue
                new = field.convert_to_cache(vals[name], agreement)
                old = field.convert_to_cache(agreement[name], agreement)
                if field.type == "many2one":
                    old = agreement[name].id or None
                if (new or None) != (old or None):
                    changed.append(name)
            if changed:
                labels = ", ".join(self._fields[n]._description_string(self.env) for n in changed)
                raise UserError(self.env._(
                    "%(agreement)s is signed: its parties, dates and signatories (%(fields)s) change only "
                    "through an annex.", agreement=agreement.display_name, fields=labels,
                ))

    @api.depends("name", "partner_name")
    def _compute_display_name(self):
        for agreement in self:
            partner = agreement.partner_name
            agreement.display_name = (
                f"{agreement.name} {partner}" if partner and agreement.name != "/" else agreement.name or ""
            )

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------

    def _approval_institute(self):
        return self.institute_id

    def _approval_curator(self):
        return self.curator_id

    def _approval_employee(self):
        # the contact persons of the agreements read together, with their users, in one query
        # (Odoo reads the relation, then the employees: two at each approval click)
        fetch_many2many(self.browse(self._prefetch_ids), "contact_employee_ids", ["user_id", "active"])
        return self.contact_employee_ids[:1]

    def _lifecycle_requester_users(self):
        """The initiator of the proposal: never decides its approval steps."""
        return self.create_uid

    def _lifecycle_subject_users(self):
        """An agreement is the university's, about nobody: its contact employee works on it."""
        return self.env["res.users"]

    def _approval_excluded_users(self):
        # sudo: the contact employee's user, whoever decides
        return super()._approval_excluded_users() | self.sudo()._approval_employee().user_id.with_env(self.env)

    def _approval_check_can_submit(self, purpose):
        if not self.env.user.has_group("intl_cooperation.group_intl_officer"):
            raise UserError(self.env._("The International Cooperation Department starts the review."))
        self._check_memo_attached()

    def action_approval_approve(self):
        self._check_can_approve_stage()
        return super().action_approval_approve()

    def _check_can_approve_stage(self):
        """The DIC Director approves once negotiation produced the draft agreement."""
        # the approval lines and what the decision reads, once (as the engine's check does)
        self._approval_prefetch()
        for agreement in self:
            # sudo: engine-internal read of the approval lines of a record the user reads
            pending = agreement.sudo().approval_line_ids.filtered(lambda line: line.state == "pending")[:1]
            if pending.record_state == "dic_review" and agreement.state != "drafting":
                raise UserError(self.env._(
                    "%(agreement)s: negotiate the forms of cooperation and prepare the draft agreement "
                    "before approving it for legal review.", agreement=agreement.display_name,
                ))

    def _approval_done(self, purpose):
        result = super()._approval_done(purpose)
        users = self.institute_id.manager_id.user_id | self.contact_employee_ids.user_id | self.create_uid
        self._intl_message_post(
            _lt("Approved for signing by management: prepare the signature."),
            partner_ids=users.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        return result

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """The institute submits its memo and proposal to DIC."""
        self._lifecycle_check("submit")
        self._do_submit()

    def action_approval_submit(self):
        """DIC starts the approval route of a submitted proposal."""
        return self._lifecycle_run("start_review")

    def _check_memo_attached(self):
        required = (
            self.env.ref("intl_cooperation.intl_document_type_service_memo")
            | self.env.ref("intl_cooperation.intl_document_type_proposal")
        )
        for agreement in self:
            present = agreement.document_line_ids.filtered(
                lambda line: line.attachment_ids and line.state != "rejected"
            ).type_id
            missing = required - present
            if missing:
                raise UserError(self.env._(
                    "Attach to %(agreement)s: %(documents)s.",
                    agreement=agreement.display_name, documents=", ".join(missing.mapped("display_name")),
                ))

    def _do_submit(self):
        self._lifecycle_do("submit")
        for agreement in self:
            if agreement.curator_id:
                agreement._intl_activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_lt("Review the proposal and start its approval"),
                    user_id=agreement.curator_id.id,
                )

    def action_start_negotiation(self):
        self._lifecycle_run("start_negotiation")

    def action_draft_ready(self):
        self._lifecycle_run("draft_ready")
        # a new draft starts from the model agreement of its kind (DP 717 section 3)
        for agreement in self.filtered(lambda a: a.draft_template_id and a.sign_lang_national):
            # sudo: every version counts, whoever reads them
            if not agreement.sudo().draft_version_ids:
                agreement._draft_from_model()

    # ------------------------------------------------------------------
    # The draft agreement (5.1.2-5.1.3): versions, model, legal review
    # ------------------------------------------------------------------

    def _guard_draft_ready(self):
        """The forms of cooperation are negotiated before the draft is written (5.1.2)."""
        if not self.form_ids:
            return self.env._(
                "%(agreement)s: choose the forms of cooperation negotiated with the partner before "
                "the draft agreement.", agreement=self.display_name)
        return False

    def _draft_missing(self):
        """Labels of what the draft agreement still lacks for the legal review (5.1.3)."""
        self.ensure_one()
        missing = [self._fields[name]._description_string(self.env)
                   for name in ("form_ids", "priority_directions", "implementation_conditions")
                   if not (self[name] if name == "form_ids" else (self[name] or "").strip())]
        if self.term_years <= 0 and not self.is_indefinite and not self.date_end:
            missing.append(self.env._("Term of Validity (or Indefinite)"))
        return missing

    def _guard_legal_review(self):
        """Legal reviews a complete draft: its text, forms, priority directions, term, conditions."""
        reasons = []
        missing = self._draft_missing()
        if missing:
            reasons.append(self.env._(
                "%(agreement)s goes to the legal review with its draft complete: fill in %(fields)s.",
                agreement=self.display_name, fields=", ".join(missing)))
        # sudo: every version counts, whoever reads them
        if not self.sudo().draft_version_ids:
            reasons.append(self.env._(
                "%(agreement)s: add the text of the draft agreement (page Draft Agreement) before the "
                "legal review.", agreement=self.display_name))
        return "\n".join(reasons)

    def _guard_legal_approved(self):
        """Legal approves a text: an agreement leaves the legal review with a version of its draft."""
        # sudo: every version counts, whoever reads them; read with their fields (the version
        # Legal approves is marked next)
        if self.state == "legal_review" and not fetch_one2many(self.sudo(), "draft_version_ids"):
            return self.env._("%(agreement)s has no text of its draft agreement for Legal to approve.",
                              agreement=self.display_name)
        return False

    def _check_draft_version_allowed(self):
        """A new text of the draft is written by who works on the agreement, while it is drafted."""
        self.check_access("write")
        for agreement in self:
            if agreement.state not in self._lifecycle_substance_open:
                raise UserError(self.env._(
                    "%(agreement)s is %(state)s: its draft agreement no longer changes. A new text "
                    "needs a new decision (back to draft).", agreement=agreement.display_name,
                    state=agreement._lifecycle_state_label(agreement.state)))
            if not agreement.form_ids:
                raise UserError(self.env._(
                    "%(agreement)s: choose the forms of cooperation before writing the draft agreement.",
                    agreement=agreement.display_name))

    def _draft_checklist_line(self):
        """The checklist line *Draft agreement* of ``self`` (one record), added when missing."""
        self.ensure_one()
        draft_type = self.env.ref("intl_cooperation.intl_document_type_draft_agreement")
        # sudo: the checklist line is the engine's (its files follow the versions)
        line = self.sudo().document_line_ids.filtered(lambda line: line.type_id == draft_type)[:1]
        if not line:
            self._document_sync_checklist()
            line = self.sudo().document_line_ids.filtered(lambda line: line.type_id == draft_type)[:1]
        return line

    def _draft_versions_added(self, versions):
        """The files of new ``versions`` join the checklist line, which DIC checks again."""
        for agreement in self:
            new = versions.filtered(lambda version, a=agreement: version.agreement_id == a)
            line = agreement._draft_checklist_line()
            if line:
                files = new.sudo().attachment_ids - line.attachment_ids
                if files:
                    line._lifecycle_write({"attachment_ids": [fields.Command.link(f.id) for f in files]})
                if line.state in ("verified", "rejected"):
                    line._clear_checks()
                    line._lifecycle_run("reset_received", by="system")
            agreement._intl_message_post(
                _lt("Draft agreement: version %(versions)s added.",
                    versions=", ".join(str(number) for number in new.mapped("version"))),
                subtype_xmlid="mail.mt_note",
            )

    def _document_line_files_changed(self, line, added, removed):
        """Files attached on the checklist line *Draft agreement* are a new version of the draft;
        no version is ever taken away."""
        self.ensure_one()
        if line.type_id != self.env.ref("intl_cooperation.intl_document_type_draft_agreement"):
            return
        if removed:
            raise UserError(self.env._(
                "The texts of the draft agreement are kept as versions: %(files)s cannot be removed. "
                "Add a new version instead.", files=", ".join(removed.sudo().mapped("name"))))
        if added:
            self.env["intl.agreement.draft.version"].create({
                "agreement_id": self.id, "attachment_ids": [fields.Command.set(added.ids)]})

    def _draft_languages(self):
        """The languages of the draft: the national signing language, and English unless the
        agreement is signed in the partner's language."""
        self.ensure_one()
        if not self.sign_lang_national:
            raise UserError(self.env._(
                "%(agreement)s: choose the national signing language (Kazakh or Russian) first: the "
                "draft starts from the model agreement in that language.", agreement=self.display_name))
        langs = [self.sign_lang_national]
        if (self.sign_lang_foreign_id.code or "en_US").startswith("en"):
            langs.append("en_US")
        return langs

    def action_draft_from_model(self):
        """Start the draft from the model agreement of its kind (its first version)."""
        self.ensure_one()
        self._draft_from_model()

    def _draft_from_model(self):
        self.ensure_one()
        template = self.draft_template_id
        if not template:
            raise UserError(self.env._(
                "DIC keeps no model agreement of the kind %(kind)s yet (Configuration, Model Agreements).",
                kind=self.kind_id.display_name))
        # sudo: every version counts, whoever reads them
        if self.sudo().draft_version_ids:
            raise UserError(self.env._(
                "%(agreement)s already has a draft: add a new version of it instead.",
                agreement=self.display_name))
        self._check_draft_version_allowed()
        files = [template._file_vals(lang) for lang in self._draft_languages()]
        attachments = self.env["ir.attachment"].create([
            {"name": name, "datas": datas, "res_model": self._name, "res_id": self.id}
            for name, datas in files])
        return self.env["intl.agreement.draft.version"]._lifecycle_create([{
            "agreement_id": self.id, "template_id": template.id,
            "attachment_ids": [fields.Command.set(attachments.ids)],
            "note": self.env._("From the model agreement %(model)s", model=template.display_name),
        }])

    def action_view_draft_versions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Draft Versions"),
            "res_model": "intl.agreement.draft.version",
            "view_mode": "list,form",
            "domain": [("agreement_id", "=", self.id)],
            "context": {"default_agreement_id": self.id},
        }

    def _lifecycle_changed(self, previous):
        """Leaving the legal review approved marks the version of the draft Legal approved."""
        result = super()._lifecycle_changed(previous)
        approved = self.filtered(lambda a: previous.get(a) == "legal_review"
                                 and a.state in ("management", "approved"))
        for agreement in approved:
            # sudo: the engine marks the version, whoever decided
            versions = agreement.sudo().draft_version_ids
            latest = versions.sorted("version")[-1:]
            if latest:
                versions.filtered("legal_approved")._lifecycle_write({"legal_approved": False})
                latest._lifecycle_write({"legal_approved": True, "legal_approved_by_id": self.env.uid,
                                         "legal_approved_on": fields.Datetime.now()})
        return result

    def action_sign(self):
        """Register the signatures of both parties (needs the signed scan)."""
        self._lifecycle_check("sign")
        self._do_sign()

    def _guard_sign(self):
        """Why the agreement cannot be signed yet (signatures, languages, scan), if it cannot."""
        reasons = []
        for agreement in self:
            missing = [
                agreement._fields[name]._description_string(self.env)
                for name in ("sign_lang_national", "sign_lang_foreign_id", "signatory_university",
                             "date_sign_university", "signatory_partner", "date_sign_partner")
                if not agreement[name]
            ]
            if not agreement.is_indefinite and not agreement.date_end and not agreement.term_years:
                missing.append(self.env._("Expiry Date (or Indefinite)"))
            if missing:
                reasons.append(self.env._("%(agreement)s: fill in %(fields)s.",
                                          agreement=agreement.display_name, fields=", ".join(missing)))
            if not agreement.signed_scan_ok:
                reasons.append(self.env._("%(agreement)s: attach the signed scan in the Documents page.",
                                          agreement=agreement.display_name))
        return "\n".join(reasons)

    def _do_sign(self):
        today = fields.Date.context_today(self)
        self._lifecycle_do("sign", {"date_dic_notified": today})
        for agreement in self.filtered(lambda a: not a.date_end and not a.is_indefinite and a.term_years):
            # the term of the draft sets the expiry date from the effective date
            agreement._lifecycle_write({"date_end": agreement.date_start + relativedelta(
                years=agreement.term_years, days=-1)})
        self._create_copies()
        self._notify_dic_signed()
        self._update_validity()

    def _prepare_copy_vals(self):
        """Copies register of a signed agreement: original in Accounting, copies at the institute and DIC."""
        self.ensure_one()
        return [
            {"agreement_id": self.id, "copy_type": "original", "holder": "accounting"},
            {"agreement_id": self.id, "copy_type": "copy", "holder": "institute",
             "department_id": self.institute_id.id},
            {"agreement_id": self.id, "copy_type": "copy", "holder": "dic"},
        ]

    def _create_copies(self):
        vals_list = []
        for agreement in self.filtered(lambda a: not a.copy_ids):
            vals_list += agreement._prepare_copy_vals()
        self.env["intl.agreement.copy"].create(vals_list)

    def _notify_dic_signed(self):
        """Written notification of DIC after signing (5.1.4), with an activity for its curator."""
        officers = self.env.ref("intl_cooperation.group_intl_officer").users.filtered(lambda u: not u.share)
        for agreement in self:
            curator = agreement.curator_id or self.env.ref("intl_cooperation.group_intl_director").users.filtered(
                lambda u: not u.share and not u._is_superuser()
            )[:1]
            recipients = curator.partner_id or officers.partner_id
            agreement._intl_message_post(
                [_lt("Notification of DIC: the agreement %(agreement)s with %(partner)s was signed on "
                     "%(date)s.", agreement=agreement.name, partner=agreement.partner_id,
                     date=agreement.date_signed),
                 _lt("The institute sends DIC its copy; the original goes to Accounting.")],
                subject=self.env._("Agreement signed: %(agreement)s", agreement=agreement.name),
                partner_ids=recipients.ids,
                subtype_xmlid="mail.mt_comment",
            )
            if curator:
                agreement._intl_activity_schedule(
                    "intl_cooperation.mail_activity_type_agreement_copy",
                    summary=_lt("Receive the DIC copy of the signed agreement"),
                    user_id=curator.id,
                )

    def action_dic_copy_received(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_officer"):
            raise UserError(self.env._("Only DIC records that it received its copy."))
        today = fields.Date.context_today(self)
        for agreement in self:
            if agreement.state not in SIGNED_STATES:
                raise UserError(self.env._("%(agreement)s is not signed.", agreement=agreement.display_name))
        self._lifecycle_write({"date_dic_copy_received": today})
        self.copy_ids.filtered(lambda c: c.holder == "dic" and not c.date_received)._lifecycle_write(
            {"date_received": today, "received_by_id": self.env.uid}
        )
        self.activity_feedback(
            ["intl_cooperation.mail_activity_type_agreement_copy"],
            feedback=self.env._("DIC copy received"),
        )

    def action_terminate(self):
        self._check_can_terminate()
        return self._lifecycle_open_wizard("intl.agreement.terminate", self.env._("Terminate Agreement"))

    def _check_can_terminate(self):
        self._lifecycle_check("terminate")

    def _do_terminate(self, date, reason):
        self._lifecycle_do("terminate", {"date_terminated": date, "termination_reason": reason})
        self._close_open_plan_lines()
        for agreement in self:
            agreement._intl_message_post(
                _lt("Terminated on %(date)s: %(reason)s", date=fields.Date.to_date(date), reason=reason),
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        for agreement in self:
            if agreement.state in SIGNED_STATES:
                raise UserError(self.env._(
                    "%(agreement)s is signed: terminate it instead of cancelling it.",
                    agreement=agreement.display_name,
                ))
        self._lifecycle_check("cancel")
        self._approval_cancel()
        self._lifecycle_do("cancel")

    def action_reset_draft(self):
        self._lifecycle_run("reset")

    def action_renew(self):
        """Create the draft of the next agreement with the same partners, forms and contacts."""
        self.ensure_one()
        if self.state not in SIGNED_STATES:
            raise UserError(self.env._("Only signed agreements are renewed."))
        renewal = self.copy(self._prepare_renewal_vals())
        self._intl_message_post(
            _lt("Renewal proposal %(renewal)s created.", renewal=renewal.name),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": renewal.id,
            "views": [(False, "form")],
        }

    def _prepare_renewal_vals(self):
        """Values of the renewal draft (besides what ``copy`` keeps)."""
        self.ensure_one()
        return {
            "previous_id": self.id,
            "partner_ids": [fields.Command.set(self.partner_ids.ids)],
            "form_ids": [fields.Command.set(self.form_ids.ids)],
            "contact_employee_ids": [fields.Command.set(self.contact_employee_ids.ids)],
            "plan_line_ids": [],
            "date_start_custom": False,
        }

    def action_open_print_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print"),
            "res_model": "intl.agreement.print",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def action_view_annexes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Annexes"),
            "res_model": "intl.agreement.annex",
            "view_mode": "list,form",
            "domain": [("agreement_id", "=", self.id)],
            "context": {"default_agreement_id": self.id},
        }

    def action_view_renewals(self):
        self.ensure_one()
        agreements = self.renewal_ids | self.previous_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Related Agreements"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("id", "in", agreements.ids)],
        }

    # ------------------------------------------------------------------
    # Business: validity, expiry, reminders
    # ------------------------------------------------------------------

    def _update_validity(self):
        """Signed agreements whose effective date has come are in force."""
        today = fields.Date.context_today(self)
        due = self.filtered(lambda a: a.state == "signed" and a.date_start and a.date_start <= today)
        due._lifecycle_run("enter_into_force", by="system")
        return due

    def _close_open_plan_lines(self):
        lines = self.plan_line_ids.filtered(lambda line: line.state in ("planned", "overdue"))
        # sudo: closing the plan is the consequence of the agreement's end, whoever ended it
        lines.sudo()._lifecycle_run("close", by="system")

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        """Within ``intl_deferred_subscriptions`` (the daily reminders), the subscriptions
        Odoo makes for each activity's user are collected and made at once by
        ``_intl_subscribe_deferred``: a subscription per user would make the run grow with the
        number of users reminded."""
        deferred = self.env.context.get("intl_deferred_subscriptions")
        if deferred is None or subtype_ids:
            return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
        for agreement in self:
            deferred.setdefault(agreement.id, set()).update(partner_ids or ())
        return True

    @api.model
    def _intl_subscribe_deferred(self, partners_by_agreement):
        """Subscribe ``{agreement id: partner ids}`` with the default subtypes, in three queries."""
        if not partners_by_agreement:
            return
        # sudo: the followers of the reminded agreements are the system's bookkeeping of the reminder
        Followers = self.env["mail.followers"].sudo()
        existing = {(follower.res_id, follower.partner_id.id) for follower in Followers.search_fetch(
            [("res_model", "=", self._name), ("res_id", "in", list(partners_by_agreement))],
            ["res_id", "partner_id"])}
        subtype_ids = self.env["mail.message.subtype"]._default_subtypes(self._name)[0]
        Followers.create([{
            "res_model": self._name, "res_id": res_id, "partner_id": partner_id,
            "subtype_ids": [fields.Command.set(subtype_ids)],
        } for res_id, partner_ids in partners_by_agreement.items() for partner_id in sorted(partner_ids)
            if (res_id, partner_id) not in existing])
