from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .intl_learner_grade import check_academic_year

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"


class IntlDegreeIntake(models.Model):
    """A competition of a double-degree programme for one academic year (DP 717 5.6.1).

    ``draft`` → ``open`` (applications) → ``evaluation`` (eligibility and
    ranking frozen for the commission) → ``decided`` (the institute's
    commission selects within the seats); ``cancel``.
    """

    _name = "intl.degree.intake"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin", "intl.selection.mixin"]
    _description = "Double-Degree Intake"
    _order = "academic_year desc, id desc"
    _check_company_auto = True
    _lifecycle_transitions = {
        "open": {"from": ("draft",), "to": "open", "who": (COORDINATOR,), "guard": "_guard_open"},
        "close_applications": {"from": ("open",), "to": "evaluation", "who": (COORDINATOR,),
                               "guard": "_guard_manage"},
        # the institute's commission (its members, whatever their role) or DIC
        "decide": {"from": ("evaluation",), "to": "decided", "who": ("requester", OFFICER),
                   "guard": "_guard_decide"},
        "cancel": {"from": ("draft", "open", "evaluation"), "to": "cancel", "who": (COORDINATOR,),
                   "guard": "_guard_manage"},
    }
    _lifecycle_workflow_fields = ("decision_date", "decided_by_id")
    # the call and its commission: fixed once the applications close
    _lifecycle_substance = ("programme_id", "academic_year", "date_deadline", "seats",
                            "commission_user_ids")
    _lifecycle_substance_open = ("draft", "open")

    name = fields.Char(compute="_compute_name", store=True)
    programme_id = fields.Many2one(
        "intl.degree.programme", "Programme", required=True, index=True, ondelete="restrict",
        check_company=True, domain=[("state", "=", "active")],
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True)
    institute_id = fields.Many2one(related="programme_id.institute_id", store=True, index=True)
    partner_id = fields.Many2one(related="programme_id.partner_id", store=True)
    academic_year = fields.Char(required=True, tracking=True, help="Year of study abroad, e.g. 2027/2028.")
    date_deadline = fields.Date("Application Deadline", required=True, tracking=True)
    seats = fields.Integer(compute="_compute_seats", store=True, readonly=False, tracking=True)
    commission_user_ids = fields.Many2many(
        "res.users", "intl_degree_intake_commission_rel", "intake_id", "user_id",
        string="Selection Commission", help="Members of the institute's commission who record its decision.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Applications Open"), ("evaluation", "Commission Review"),
         ("decided", "Decided"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
    )
    decision_ref = fields.Char("Commission Protocol No.", tracking=True)
    decision_date = fields.Date(readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", "Recorded By", readonly=True, copy=False)
    application_ids = fields.One2many("intl.degree.application", "intake_id", "Applications")
    application_count = fields.Integer(compute="_compute_counts")
    eligible_count = fields.Integer(compute="_compute_counts")
    selected_count = fields.Integer(compute="_compute_counts")
    can_open = fields.Boolean(compute="_compute_lifecycle_can")
    can_close_applications = fields.Boolean(compute="_compute_lifecycle_can")
    can_decide = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")

    @api.depends("programme_id.name", "academic_year")
    def _compute_name(self):
        for intake in self:
            intake.name = f"{intake.programme_id.name or ''} {intake.academic_year or ''}".strip()

    @api.depends("programme_id.seats")
    def _compute_seats(self):
        for intake in self:
            if not intake.seats:
                intake.seats = intake.programme_id.seats

    @api.depends("application_ids.state", "application_ids.eligible")
    def _compute_counts(self):
        for intake in self:
            apps = intake.application_ids.filtered(lambda a: a.state != "withdrawn")
            intake.application_count = len(apps)
            intake.eligible_count = len(apps.filtered("eligible"))
            intake.selected_count = len(apps.filtered(lambda a: a.state == "selected"))

    @api.constrains("academic_year")
    def _check_academic_year(self):
        for intake in self:
            check_academic_year(self.env, intake.academic_year)

    @api.constrains("seats")
    def _check_seats(self):
        for intake in self:
            if intake.seats <= 0:
                raise UserError(self.env._("An intake needs at least one seat."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if self.filtered(lambda intake: intake.state != "draft"):
            raise UserError(self.env._("Only draft intakes can be deleted: cancel the others."))

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    def _lifecycle_requester_users(self):
        return self.commission_user_ids

    def _guard_manage(self):
        return self.programme_id._guard_institute()

    def _check_can_manage(self):
        """Raise unless the current user manages the intakes of ``self`` (their institute or DIC)."""
        self.programme_id._check_institute_or_dic()

    def _guard_open(self):
        if self.programme_id.state != "active":
            return self.env._("%(programme)s is not running: its contract must be signed first.",
                              programme=self.programme_id.display_name)
        return self._guard_manage()

    def _guard_decide(self):
        if not self.decision_ref:
            return self.env._("Enter the number of the commission's protocol of %(intake)s.",
                              intake=self.display_name)
        return False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open(self):
        return self._lifecycle_run("open")

    def action_close_applications(self):
        """Applications close: drafts lapse, the ranking is frozen for the commission."""
        self._lifecycle_check("close_applications")
        drafts = self.application_ids.filtered(lambda a: a.state == "draft")
        drafts._lifecycle_run("withdraw", by="system")
        self._lifecycle_do("close_applications")
        for intake in self:
            intake._rank_applications()

    def action_rank(self):
        self._check_can_manage()
        for intake in self:
            if intake.state not in ("open", "evaluation"):
                raise UserError(self.env._("%(intake)s is not being evaluated.", intake=intake.display_name))
            intake._rank_applications()

    def action_decide(self):
        """The institute's commission selects the best eligible candidates within the seats."""
        self._lifecycle_check("decide")
        for intake in self:
            selected, reserve, ineligible = intake._selection_decide()
            intake._lifecycle_do("decide", {"decision_date": fields.Date.context_today(self),
                                            "decided_by_id": self.env.uid})
            intake._intl_message_post(
                _lt("Commission decision %(ref)s: %(selected)s selected, %(reserve)s in reserve, "
                    "%(ineligible)s not eligible.", ref=intake.decision_ref, selected=len(selected),
                    reserve=len(reserve), ineligible=len(ineligible)),
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        return self._lifecycle_run("cancel")

    def action_print_results(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print Selection Results"),
            "res_model": "intl.degree.intake.print",
            "view_mode": "form",
            "target": "new",
            "context": {"default_intake_id": self.id},
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _results_lines(self):
        """Applications as printed in the results: ranked ones first, then the others by name."""
        self.ensure_one()
        apps = self.application_ids.filtered(lambda a: a.state not in ("draft", "withdrawn"))
        ranked = apps.filtered("rank").sorted("rank")
        return ranked | (apps - ranked).sorted(lambda a: a.learner_id.name)
