from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from .intl_learner import LEVELS
from .intl_learner_language import CEFR_LEVELS

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"
FINANCE_GROUPS = ("intl_cooperation.group_intl_coordinator,intl_cooperation.group_intl_management,"
                  "intl_cooperation.group_intl_accountant")
CONTRACT_SIGNED_STATES = ("signed", "in_force")


class IntlDegreeProgramme(models.Model):
    """A double-degree programme with a foreign university (DP 717 section 5.6).

    Lifecycle (declared in ``_lifecycle_transitions``):

    * ``draft``: the institute prepares the service memo 403-03 and the
      proposal 403-10 (document checklist) and submits them;
    * ``management``: Management decides through the approval route;
    * ``negotiation``: DIC with the institute aligns curricula and syllabi
      with the partner (matched disciplines with credits on both sides);
    * ``contract``: the double-degree contract goes through the agreement's
      own lifecycle (finance, legal, Management, signatures);
    * ``active``: the contract is signed, intakes select learners;
    * ``closed`` or ``cancel``.
    """

    _name = "intl.degree.programme"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin", "intl.document.mixin"]
    _description = "Double-Degree Programme"
    _order = "name desc, id desc"
    _intl_process_code = "double_degree"
    _check_company_auto = True
    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "approval": "default", "who": (COORDINATOR,), "guard": "_guard_submit"},
        "management": {"from": ("draft",), "to": "management", "who": ("approval",)},
        "approve": {"from": ("management",), "to": "negotiation", "who": ("approval",)},
        "reject": {"from": ("management",), "to": "draft", "who": ("approval",)},
        "prepare_contract": {"from": ("negotiation",), "to": "contract", "who": (OFFICER,),
                             "guard": "_guard_prepare_contract"},
        "start": {"from": ("contract",), "to": "active", "who": (COORDINATOR,), "guard": "_guard_start"},
        "close": {"from": ("active",), "to": "closed", "who": (COORDINATOR,), "guard": "_guard_close"},
        "cancel": {"from": ("draft", "management", "negotiation", "contract"), "to": "cancel",
                   "who": (COORDINATOR,), "guard": "_guard_institute"},
        "reset": {"from": ("cancel",), "to": "draft", "who": (COORDINATOR,), "guard": "_guard_institute"},
    }
    _lifecycle_workflow_fields = ("agreement_id",)
    # what Management approved: the partner, the institute and the degree level
    _lifecycle_substance = ("company_id", "partner_id", "institute_id", "level")

    _approval_submit_states = {"default": ("draft",)}
    _approval_pending_state = {"default": "management"}
    _approval_approved_state = {"default": "negotiation"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel", "closed")

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    title = fields.Char("Programme", required=True, tracking=True, translate=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [
            ("draft", "Proposal"),
            ("management", "Management Decision"),
            ("negotiation", "Negotiation"),
            ("contract", "Contract"),
            ("active", "Running"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
        group_expand="_group_expand_states",
    )
    partner_id = fields.Many2one(
        "res.partner", "Partner University", required=True, tracking=True, index=True,
        domain=[("is_intl_institution", "=", True)],
    )
    country_id = fields.Many2one(related="partner_id.country_id", store=True)
    institute_id = fields.Many2one(
        "hr.department", "Initiating Institute", required=True, tracking=True, index=True, check_company=True,
        domain=[("intl_kind", "=", "institute")],
    )
    department_id = fields.Many2one(
        "hr.department", "Graduating Department", tracking=True, check_company=True,
        domain="[('intl_kind', '=', 'academic')]",
    )
    curator_id = fields.Many2one("res.users", "DIC Curator", tracking=True)
    level = fields.Selection(LEVELS, "Degree Level", required=True, default="master", tracking=True)
    field_of_study = fields.Char("Field of Study", translate=True)
    isced_code = fields.Char("ISCED-F Code", size=4, help="ISCED-F 2013 field code, four digits (e.g. 0613).")
    home_degree = fields.Char(translate=True)
    partner_degree = fields.Char(translate=True)
    language_ids = fields.Many2many(
        "res.lang", "intl_degree_programme_lang_rel", "programme_id", "lang_id",
        string="Languages of Instruction", context={"active_test": False},
    )
    required_language_id = fields.Many2one(
        "res.lang", "Required Language", context={"active_test": False}, tracking=True,
        help="Language of the certificate candidates must hold.",
    )
    required_cefr = fields.Selection(CEFR_LEVELS, "Required Level", default="B2", tracking=True)
    duration_months = fields.Integer("Months Abroad", default=12)
    funding_own = fields.Boolean("Own Expense", default=True)
    funding_university = fields.Boolean("University Funds")
    funding_other = fields.Boolean("Other Funds")
    funding_note = fields.Char("Funding Details")
    tuition_fee = fields.Monetary("Tuition Fee per Year", groups=FINANCE_GROUPS)
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.ref("base.EUR"),
                                  groups=FINANCE_GROUPS)
    seats = fields.Integer("Seats per Intake", default=5, tracking=True)
    purpose = fields.Text("Purpose and Justification")
    discipline_ids = fields.One2many("intl.degree.discipline", "programme_id", "Matched Disciplines", copy=True)
    discipline_count = fields.Integer(compute="_compute_discipline_totals")
    home_credits = fields.Float(compute="_compute_discipline_totals")
    partner_credits = fields.Float("Partner Credits (ECTS)", compute="_compute_discipline_totals")
    agreement_id = fields.Many2one(
        "intl.agreement", "Double-Degree Contract", readonly=True, copy=False, tracking=True,
        check_company=True,
    )
    agreement_state = fields.Selection(related="agreement_id.state", string="Contract Status")
    intake_ids = fields.One2many("intl.degree.intake", "programme_id", "Intakes")
    intake_count = fields.Integer(compute="_compute_intake_count")
    is_my_institute = fields.Boolean(compute="_compute_is_my_institute")
    color = fields.Integer()
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_prepare_contract = fields.Boolean(compute="_compute_lifecycle_can")
    can_start = fields.Boolean(compute="_compute_lifecycle_can")
    can_close = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    _sql_constraints = [
        ("seats_positive", "CHECK(seats >= 0)", "Seats cannot be negative."),
    ]

    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection if key != "cancel" or key in states]

    @api.depends("discipline_ids.home_credits", "discipline_ids.partner_credits")
    def _compute_discipline_totals(self):
        for programme in self:
            programme.discipline_count = len(programme.discipline_ids)
            programme.home_credits = sum(programme.discipline_ids.mapped("home_credits"))
            programme.partner_credits = sum(programme.discipline_ids.mapped("partner_credits"))

    def _compute_intake_count(self):
        counts = dict(self.env["intl.degree.intake"]._read_group(
            [("programme_id", "in", self.ids)], ["programme_id"], ["__count"]))
        for programme in self:
            programme.intake_count = counts.get(programme, 0)

    @api.depends_context("uid")
    @api.depends("institute_id")
    def _compute_is_my_institute(self):
        institute = self.env.user.employee_id.intl_institute_id
        for programme in self:
            programme.is_my_institute = bool(institute) and programme.institute_id == institute

    @api.constrains("isced_code")
    def _check_isced_code(self):
        for programme in self:
            if programme.isced_code and not (len(programme.isced_code) == 4 and programme.isced_code.isdigit()):
                raise ValidationError(self.env._(
                    "The ISCED-F 2013 code has four digits, e.g. 0613 (not %(code)s).", code=programme.isced_code,
                ))

    @api.constrains("duration_months")
    def _check_duration(self):
        for programme in self:
            if not 0 < programme.duration_months <= 48:
                raise ValidationError(self.env._("The study period abroad lasts from 1 to 48 months."))

    def _compute_display_name(self):
        for programme in self:
            programme.display_name = (
                f"{programme.name} {programme.title}" if programme.name != "/" else programme.title or ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._lifecycle_next_reference(vals_list, "intl.degree.programme"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        for programme in self:
            if programme.state not in ("draft", "cancel") or programme.intake_ids:
                raise UserError(self.env._(
                    "%(programme)s cannot be deleted once submitted: cancel or close it.",
                    programme=programme.display_name,
                ))

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------

    def _approval_institute(self):
        return self.institute_id

    def _approval_curator(self):
        return self.curator_id

    def _approval_done(self, purpose):
        result = super()._approval_done(purpose)
        self._intl_message_post(
            _lt("Management agreed to the programme: DIC and the institute negotiate with the partner."),
            partner_ids=(self.institute_id.manager_id.user_id | self.curator_id | self.create_uid).partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        return result

    def _lifecycle_requester_users(self):
        return self.create_uid

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    def _guard_institute(self):
        """Coordinators of the programme's own institute and DIC act on it."""
        if not self or self.env.user.has_group(OFFICER):
            return False
        if self.institute_id != self.env.user.employee_id.intl_institute_id:
            return self.env._("Only the institute of %(programme)s and DIC act on it.",
                              programme=self.display_name)
        return False

    def _guard_submit(self):
        return self._guard_institute() or self._check_memo_attached()

    def _guard_prepare_contract(self):
        if not self.discipline_ids:
            return self.env._("%(programme)s: record the matched disciplines agreed with the partner first.",
                              programme=self.display_name)
        return False

    def _guard_start(self):
        if self.agreement_id.state not in CONTRACT_SIGNED_STATES:
            return self.env._("%(programme)s starts once its contract %(agreement)s is signed.",
                              programme=self.display_name, agreement=self.agreement_id.display_name or "-")
        return self._guard_institute()

    def _guard_close(self):
        if self.intake_ids.filtered(lambda intake: intake.state in ("open", "evaluation")):
            return self.env._("%(programme)s: decide or cancel its open intakes first.",
                              programme=self.display_name)
        return self._guard_institute()

    def _check_institute_or_dic(self):
        """Raise unless the current user acts for the institute of every programme of ``self`` (or DIC)."""
        reasons = [reason for reason in (programme._guard_institute() for programme in self) if reason]
        if reasons or not self.env.user.has_group(COORDINATOR):
            raise UserError(reasons[0] if reasons else self.env._("Only coordinators and DIC act on programmes."))

    def _check_memo_attached(self):
        required = (
            self.env.ref("intl_cooperation.intl_document_type_service_memo")
            | self.env.ref("intl_cooperation.intl_document_type_proposal")
        )
        present = self.document_line_ids.filtered(
            lambda line: line.attachment_ids and line.state != "rejected"
        ).type_id
        missing = required - present
        if missing:
            return self.env._("Attach to %(programme)s: %(documents)s.", programme=self.display_name,
                              documents=", ".join(missing.mapped("display_name")))
        return False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """The institute submits memo 403-03 and proposal 403-10 to Management."""
        return self._lifecycle_run("submit")

    def action_prepare_contract(self):
        """Negotiation done: the matched disciplines are agreed, the contract is drafted as an agreement."""
        self._lifecycle_check("prepare_contract")
        Agreement = self.env["intl.agreement"]
        for programme in self:
            agreement = programme.agreement_id or Agreement.create(programme._prepare_agreement_vals())
            programme._lifecycle_do("prepare_contract", {"agreement_id": agreement.id})
            programme._copy_memo_to_agreement(agreement)
            programme._intl_message_post(_lt("Contract drafted: %(agreement)s", agreement=agreement),
                                         subtype_xmlid="mail.mt_note")
        return self.action_view_agreement() if len(self) == 1 else True

    def _prepare_agreement_vals(self):
        """Values of the double-degree contract (an ``intl.agreement``) drafted from the programme."""
        self.ensure_one()
        return {
            "title": self.title,
            "partner_id": self.partner_id.id,
            "kind_id": self.env.ref("intl_cooperation.intl_agreement_kind_double_degree").id,
            "institute_id": self.institute_id.id,
            "curator_id": self.curator_id.id,
            "company_id": self.company_id.id,
            "purpose": self.purpose,
            "form_ids": [Command.link(self.env.ref("intl_cooperation.intl_cooperation_form_training_students").id)],
        }

    def _copy_memo_to_agreement(self, agreement):
        """The contract carries the programme's memo and proposal in its own checklist."""
        self.ensure_one()
        for line in self.document_line_ids.filtered("attachment_ids"):
            target = agreement.document_line_ids.filtered(lambda al, t=line.type_id: al.type_id == t)
            if target and not target.attachment_ids:
                copies = line.attachment_ids.copy({"res_model": agreement._name, "res_id": agreement.id})
                target.attachment_ids = [Command.set(copies.ids)]

    def action_start(self):
        """The contract is signed: the programme runs and opens intakes."""
        return self._lifecycle_run("start")

    def action_close(self):
        return self._lifecycle_run("close")

    def action_cancel(self):
        self._lifecycle_check("cancel")
        self._approval_cancel()
        return self._lifecycle_do("cancel")

    def action_reset_draft(self):
        return self._lifecycle_run("reset", {"agreement_id": False})

    def action_view_agreement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "intl.agreement",
            "res_id": self.agreement_id.id,
            "view_mode": "form",
        }

    def action_view_intakes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Intakes"),
            "res_model": "intl.degree.intake",
            "view_mode": "list,form",
            "domain": [("programme_id", "=", self.id)],
            "context": {"default_programme_id": self.id},
        }
