from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import sql
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

COORDINATOR = "intl_cooperation.group_intl_coordinator"
APPROVAL_STATES = ("dic_review", "legal_review", "management")


class IntlAgreementAnnex(models.Model):
    """An annex of a signed agreement (DP 717 5.1.5): an integral part of it, so an agreement too.

    The institute (or DIC) drafts it with its text; it goes through the review of the
    agreement (DIC Director, Legal, Management: route *Agreement annex*), is signed
    with its scan, and takes effect on its effective date: only then does it move the
    agreement's expiry date (the agreement shows the history of those changes).
    Annexes are the only way to change a signed agreement.
    """

    _name = "intl.agreement.annex"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin"]
    _description = "Agreement Annex"
    _order = "agreement_id, number, id"
    _rec_name = "number"
    _rec_names_search = ["number", "agreement_id"]
    _check_company_auto = True

    _approval_submit_states = {"default": ("draft",)}
    _approval_pending_state = {"default": "dic_review"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel",)
    _approval_summary_fields = {"what": "summary", "who": "partner_id", "date_from": "date_start",
                                "date_to": "date_end_new"}

    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "approval": "default", "who": (COORDINATOR,),
                   "guard": "_guard_submit"},
        "dic_review": {"from": ("draft",), "to": "dic_review", "who": ("approval",)},
        "legal_review": {"from": ("draft", "dic_review"), "to": "legal_review", "who": ("approval",)},
        "management": {"from": ("draft", "dic_review", "legal_review"), "to": "management",
                       "who": ("approval",)},
        "approve": {"from": APPROVAL_STATES, "to": "approved", "who": ("approval",)},
        "reject": {"from": APPROVAL_STATES, "to": "draft", "who": ("approval",)},
        "sign": {"from": ("approved",), "to": "signed", "who": (COORDINATOR,), "guard": "_guard_sign"},
        "take_effect": {"from": ("signed",), "to": "in_force", "who": ("system",),
                        "guard": "_guard_take_effect"},
        "cancel": {"from": ("draft", *APPROVAL_STATES, "approved"), "to": "cancel", "who": (COORDINATOR,)},
        "reset": {"from": ("cancel",), "to": "draft", "who": (COORDINATOR,)},
    }
    # what DIC, Legal and Management reviewed; signing adds the date and the scan, then nothing changes
    _lifecycle_substance = ("agreement_id", "number", "summary", "text_file", "text_filename",
                            "changes_expiry", "date_end_new", "date_start")
    _lifecycle_substance_open = ("draft",)
    _lifecycle_locked_states = ("signed", "in_force")
    _lifecycle_workflow_fields = ("date_end_previous",)

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="restrict", index=True,
                                   check_company=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    partner_id = fields.Many2one(related="agreement_id.partner_id", string="Partner Institution")
    institute_id = fields.Many2one(related="agreement_id.institute_id", string="Initiating Institute")
    number = fields.Char(required=True, copy=False, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("dic_review", "DIC Review"),
            ("legal_review", "Legal Review"),
            ("management", "Management Decision"),
            ("approved", "Approved for Signing"),
            ("signed", "Signed"),
            ("in_force", "In Force"),
            ("cancel", "Cancelled"),
        ],
        default="draft", required=True, tracking=True, copy=False, index=True, readonly=True,
        group_expand="_lifecycle_group_expand",
    )
    summary = fields.Text(required=True)
    text_file = fields.Binary("Text of the Annex", attachment=True, copy=False,
                              help="The draft DIC, Legal and Management review.")
    text_filename = fields.Char()
    date = fields.Date("Signing Date", tracking=True, copy=False)
    date_start = fields.Date("Effective Date", tracking=True, help="Empty: effective from its signature.")
    scan = fields.Binary("Signed Scan", attachment=True, copy=False)
    scan_filename = fields.Char()
    changes_expiry = fields.Boolean("Changes the Expiry Date")
    date_end_previous = fields.Date("Previous Expiry Date", readonly=True, copy=False)
    date_end_new = fields.Date("New Expiry Date", tracking=True)
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_sign = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    _sql_constraints = [
        ("number_uniq", "unique(agreement_id, number)", "Annex numbers are unique within an agreement."),
    ]

    def _auto_init(self):
        """Annexes registered before they had a review took effect when registered: in force."""
        new = not sql.column_exists(self.env.cr, self._table, "state")
        result = super()._auto_init()
        if new:
            self.env.cr.execute("UPDATE intl_agreement_annex SET state = 'in_force'")
        return result

    @api.constrains("changes_expiry", "date_end_new", "date", "date_start")
    def _check_expiry(self):
        for annex in self:
            if annex.changes_expiry and not annex.date_end_new:
                raise ValidationError(self.env._("Annex %(number)s: enter the new expiry date.", number=annex.number))
            start = annex.date_start or annex.date
            if annex.changes_expiry and start and annex.date_end_new < start:
                raise ValidationError(self.env._(
                    "Annex %(number)s: the new expiry date is before the annex takes effect.", number=annex.number
                ))

    def _compute_display_name(self):
        for annex in self:
            annex.display_name = self.env._(
                "Annex %(number)s to %(agreement)s", number=annex.number, agreement=annex.agreement_id.name or ""
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        agreements = self.env["intl.agreement"].browse([v.get("agreement_id") for v in vals_list])
        for agreement in agreements:
            if agreement.state not in ("signed", "in_force", "expired"):
                raise UserError(self.env._(
                    "%(agreement)s is not signed: change the draft itself rather than add an annex.",
                    agreement=agreement.display_name,
                ))
            if not self.env.user.has_group(COORDINATOR):
                raise UserError(self.env._("Coordinators and DIC register the annexes of an agreement."))
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self:
            raise UserError(self.env._("Annexes are part of the agreement and are never deleted."))

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------

    def _approval_institute(self):
        return self.agreement_id.institute_id

    def _approval_curator(self):
        return self.agreement_id.curator_id

    def _lifecycle_requester_users(self):
        """Who drafted the annex never decides its review."""
        return self.create_uid

    def _lifecycle_subject_users(self):
        """An annex is the university's, about nobody."""
        return self.env["res.users"]

    def _approval_check_can_submit(self, purpose):
        for annex in self:
            if annex.agreement_id.state not in ("signed", "in_force", "expired"):
                raise UserError(self.env._("%(agreement)s is no longer in force: it takes no annex.",
                                           agreement=annex.agreement_id.display_name))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """Send the annex to the review of DIC, Legal and Management."""
        return self._lifecycle_run("submit")

    def _guard_submit(self):
        if not self.text_file:
            return self.env._("Annex %(number)s: attach its text before sending it for review.",
                              number=self.number)
        return False

    def action_sign(self):
        """Register the signed annex (its scan and date); it takes effect on its effective date."""
        self._lifecycle_run("sign")
        self._take_effect_due()

    def _guard_sign(self):
        missing = [self._fields[name]._description_string(self.env)
                   for name in ("date", "scan") if not self[name]]
        if missing:
            return self.env._("Annex %(number)s: fill in %(fields)s before registering its signature.",
                              number=self.number, fields=", ".join(missing))
        if self.agreement_id.state not in ("signed", "in_force", "expired"):
            return self.env._("%(agreement)s is no longer in force: it takes no annex.",
                              agreement=self.agreement_id.display_name)
        return False

    def _guard_take_effect(self):
        if not self.scan or not self.date:
            return self.env._("Annex %(number)s takes effect once signed, with its scan.", number=self.number)
        if self._effective_date() > fields.Date.context_today(self):
            return self.env._("Annex %(number)s takes effect on %(date)s.", number=self.number,
                              date=self._effective_date())
        return False

    def _effective_date(self):
        self.ensure_one()
        return self.date_start or self.date

    def action_cancel(self):
        self._lifecycle_check("cancel")
        self._approval_cancel()
        self._lifecycle_do("cancel")

    def action_reset_draft(self):
        self._lifecycle_run("reset")

    # ------------------------------------------------------------------
    # Taking effect
    # ------------------------------------------------------------------

    def _take_effect_due(self):
        """The signed annexes of ``self`` whose effective date came take effect."""
        today = fields.Date.context_today(self)
        due = self.filtered(lambda a: a.state == "signed" and a.scan and a.date and a._effective_date() <= today)
        for annex in due.sorted(lambda a: (a._effective_date(), a.id)):
            previous = annex.agreement_id.date_end if annex.changes_expiry else False
            annex._lifecycle_run("take_effect", {"date_end_previous": previous}, by="system")
            annex._apply_to_agreement()
        return due

    @api.model
    def _cron_take_effect(self, batch_size=100):
        """Daily: the signed annexes whose effective date came take effect (a bounded batch)."""
        today = fields.Date.context_today(self)
        annexes = self.search([("state", "=", "signed"), ("date", "<=", today),
                               "|", ("date_start", "=", False), ("date_start", "<=", today)],
                              limit=batch_size)
        annexes._take_effect_due()
        return len(annexes) == batch_size

    def _apply_to_agreement(self):
        """Post the annex in force on its agreement; a new expiry date restarts the reminders."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        agreement = self.agreement_id
        if self.changes_expiry:
            agreement._lifecycle_write({"reminder_lead_sent": 0})
            if agreement.state == "expired" and agreement.date_end and agreement.date_end >= today:
                agreement._lifecycle_run("revive", by="system")
            body = _lt(
                "Annex %(number)s in force: expiry date changed from %(old)s to %(new)s.",
                number=self.number, old=self.date_end_previous or "-", new=self.date_end_new,
            )
        else:
            body = _lt("Annex %(number)s in force: %(summary)s", number=self.number, summary=self.summary)
        agreement._intl_message_post(body, subtype_xmlid="mail.mt_note")
