from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from .intl_mobility import EQF_LEVELS

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages (each reader reads them in their language)
# pylint: disable=prefer-env-translation

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"
PASSPORT_GROUP = "intl_cooperation.group_intl_officer"
PARTNER_AGREEMENT_STATES = ("approved", "signed", "in_force", "expired", "terminated")


class IntlMobilityNomination(models.Model):
    """An incoming student or staff member nominated by a partner institution (DP 717 §5.2).

    The partner's coordinator nominates through the portal (a draft); the applicant fills in
    the application form and sends the documents the mobility asks for, then submits it; the
    institute's coordinator checks it and accepts it, which records the incoming mobility, or
    refuses it with a reason. Passport data is read by DIC only.
    """

    _name = "intl.mobility.nomination"
    _inherit = ["intl.portal.mixin", "mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin",
                "intl.document.mixin"]
    _description = "Incoming Mobility Nomination"
    _order = "id desc"
    _check_company_auto = True
    _mail_post_access = "read"
    _intl_process_code = "mobility"
    _intl_portal_contact_field = "applicant_id"
    _intl_portal_route = "/my/nomination"
    _intl_portal_end_field = "date_end"
    _intl_portal_closed_states = ("cancel", "refused")

    _lifecycle_transitions = {
        # the applicant submits through the portal: the controller checks them, the system moves it
        "submit": {"from": ("draft",), "to": "submitted", "who": ("system",), "guard": "_guard_submit"},
        "accept": {"from": ("submitted",), "to": "accepted", "who": (COORDINATOR,), "guard": "_guard_accept"},
        "refuse": {"from": ("submitted",), "to": "refused", "who": (COORDINATOR,), "guard": "_guard_refuse"},
        "return": {"from": ("submitted",), "to": "draft", "who": (COORDINATOR,)},
        "cancel": {"from": ("draft", "submitted"), "to": "cancel", "who": (COORDINATOR,)},
    }
    _lifecycle_workflow_fields = ("mobility_id", "submit_date")
    # what the applicant submitted: fixed from the submission (a return reopens it)
    _lifecycle_substance = ("partner_id", "participant_type", "surname", "first_name", "email",
                            "mobility_type", "academic_year", "date_start", "date_end", "motivation")
    _lifecycle_substance_open = ("draft",)

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [("draft", "Application Being Filled"), ("submitted", "Submitted"), ("accepted", "Accepted"),
         ("refused", "Refused"), ("cancel", "Cancelled")],
        default="draft", required=True, tracking=True, copy=False, index=True)
    partner_id = fields.Many2one("res.partner", "Home Institution", required=True, index=True, tracking=True,
                                 domain=[("is_intl_institution", "=", True)])
    agreement_id = fields.Many2one("intl.agreement", "Agreement", index=True, check_company=True, tracking=True,
                                   domain="[('partner_id', '=', partner_id)]")
    institute_id = fields.Many2one(
        "hr.department", "Host Institute", index=True, check_company=True, tracking=True,
        domain=[("intl_kind", "=", "institute")])
    nominated_by_id = fields.Many2one("res.partner", "Nominated By", readonly=True, index="btree_not_null",
                                      help="The partner institution's coordinator who nominated the applicant.")
    applicant_id = fields.Many2one("res.partner", "Applicant (Contact)", index="btree_not_null", tracking=True)
    participant_type = fields.Selection([("learner", "Student"), ("staff", "Staff")], "Participant",
                                        required=True, default="learner")
    surname = fields.Char(required=True, tracking=True)
    first_name = fields.Char("Name", required=True, tracking=True)
    participant_name = fields.Char("Applicant", compute="_compute_participant_name", store=True)
    email = fields.Char("E-mail", required=True)
    citizenship_id = fields.Many2one("res.country", "Citizenship")
    birth_date = fields.Date("Date of Birth", groups=PASSPORT_GROUP)
    passport_number = fields.Char(groups=PASSPORT_GROUP)
    passport_expiry_date = fields.Date("Passport Valid Until", groups=PASSPORT_GROUP)
    mobility_type = fields.Selection(
        [("studies", "Studies"), ("traineeship", "Traineeship"), ("teaching", "Teaching"),
         ("training", "Training")], required=True, default="studies")
    eqf_level = fields.Selection(EQF_LEVELS, "EQF Level")
    field_of_study = fields.Char("Field of Study")
    isced_code = fields.Char("ISCED-F Code", size=4)
    academic_year = fields.Char(required=True, help="e.g. 2027/2028")
    date_start = fields.Date("Start", required=True)
    date_end = fields.Date("End", required=True)
    motivation = fields.Text()
    submit_date = fields.Date("Submitted On", readonly=True, copy=False)
    refusal_reason = fields.Text(copy=False, tracking=True)
    learner_id = fields.Many2one(
        "intl.learner", "Learner", check_company=True, tracking=True,
        help="The student's record once enrolled: the accepted mobility is recorded for it.")
    mobility_id = fields.Many2one("intl.mobility", "Mobility", readonly=True, copy=False, check_company=True)

    @api.depends("surname", "first_name")
    def _compute_participant_name(self):
        for nomination in self:
            nomination.participant_name = " ".join(filter(None, [nomination.surname, nomination.first_name]))

    def _compute_display_name(self):
        for nomination in self:
            nomination.display_name = " ".join(filter(None, [nomination.name, nomination.participant_name]))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for nomination in self:
            if nomination.date_end < nomination.date_start:
                raise ValidationError(self.env._("A mobility cannot end before it starts."))

    @api.constrains("agreement_id", "partner_id")
    def _check_agreement(self):
        for nomination in self:
            if nomination.agreement_id and nomination.agreement_id.partner_id != nomination.partner_id:
                raise ValidationError(self.env._("The agreement must be with the home institution."))

    @api.model_create_multi
    def create(self, vals_list):
        self._lifecycle_next_reference(vals_list, "intl.mobility.nomination")
        return super().create(vals_list)

    def _lifecycle_protected_fields(self):
        return super()._lifecycle_protected_fields() | self._INTL_PORTAL_TOKEN_FIELDS | {"nominated_by_id"}

    def _intl_portal_is_contact(self, user=None):
        """The applicant, and the partner's coordinator who nominated them."""
        if super()._intl_portal_is_contact(user):
            return True
        user = user or self.env.user
        nominator = self.sudo().nominated_by_id
        return bool(user.share and not user._is_public() and nominator and user.partner_id == nominator
                    and self.sudo().state not in self._intl_portal_closed_states)

    def _intl_portal_can_edit(self):
        self.ensure_one()
        return self.state == "draft"

    def _guard_submit(self):
        missing = self._intl_portal_missing_lines()
        if missing:
            return self.env._("Send the documents first: %(documents)s",
                              documents=", ".join(missing.mapped("type_id.display_name")))
        return False

    def _intl_portal_submit(self):
        """The applicant's submission (checked by the portal): a system transition."""
        self._lifecycle_run("submit", {"submit_date": fields.Date.context_today(self)}, by="system")
        for nomination in self:
            nomination._intl_message_post(_lt("The applicant submitted the application."),
                                          author_id=nomination.applicant_id.id, message_type="comment",
                                          subtype_xmlid="mail.mt_comment")
            coordinators = nomination.institute_id.manager_id.user_id
            if coordinators:
                nomination._intl_activity_schedule(
                    "mail.mail_activity_data_todo", user_id=coordinators[:1].id,
                    summary=_lt("Check the nomination of %(applicant)s",
                                applicant=nomination.participant_name))

    def _guard_accept(self):
        if self.participant_type == "learner" and not self.learner_id:
            return self.env._("Register %(applicant)s as a learner and choose the learner first.",
                              applicant=self.participant_name)
        if not self.institute_id:
            return self.env._("Choose the host institute first.")
        return False

    def _guard_refuse(self):
        if not (self.refusal_reason or "").strip():
            return self.env._("Give the reason of the refusal.")
        return False

    def action_accept(self):
        """The coordinator accepts: the incoming mobility is recorded as planned."""
        self._lifecycle_check("accept")
        for nomination in self:
            learner = nomination.participant_type == "learner"
            mobility = self.env["intl.mobility"].create({
                "company_id": nomination.company_id.id, "participant_type": nomination.participant_type,
                "learner_id": nomination.learner_id.id if learner else False,
                "visitor_name": False if learner else nomination.participant_name,
                "direction": "incoming", "mobility_type": nomination.mobility_type,
                "partner_id": nomination.partner_id.id, "agreement_id": nomination.agreement_id.id,
                "institute_id": nomination.institute_id.id, "academic_year": nomination.academic_year,
                "date_start": nomination.date_start, "date_end": nomination.date_end,
                "eqf_level": nomination.eqf_level, "isced_code": nomination.isced_code,
            })
            nomination._lifecycle_do("accept", {"mobility_id": mobility.id})
            nomination._intl_message_post(_lt("Accepted: the incoming mobility %(mobility)s is recorded.",
                                              mobility=mobility),
                                          message_type="comment", subtype_xmlid="mail.mt_comment")
        return True

    def action_refuse(self):
        self._lifecycle_run("refuse")
        for nomination in self:
            nomination._intl_message_post(_lt("Refused: %(reason)s", reason=nomination.refusal_reason),
                                          message_type="comment", subtype_xmlid="mail.mt_comment")
        return True

    def action_return(self):
        return self._lifecycle_run("return")

    def action_cancel(self):
        return self._lifecycle_run("cancel")
