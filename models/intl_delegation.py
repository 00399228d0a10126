from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

STATES = [
    ("draft", "Draft"),
    ("decision_requested", "Decision Requested"),
    ("approved", "Visit Approved"),
    ("refused", "Refused"),
    ("invitation_sent", "Invitation Sent"),
    ("programme_review", "Programme Review"),
    ("programme_approved", "Programme Approved"),
    ("in_progress", "Visit in Progress"),
    ("protocol_review", "Protocol Review"),
    ("protocol_approved", "Protocol Approved"),
    ("closed", "Closed"),
    ("cancel", "Cancelled"),
]
# the visit may be cancelled until it starts
CANCELLABLE_STATES = ("draft", "decision_requested", "approved", "invitation_sent",
                      "programme_review", "programme_approved")
# the estimate is approved with the programme
OFFICER = "intl_cooperation.group_intl_officer"
ESTIMATE_LOCKED_STATES = ("programme_approved", "in_progress", "protocol_review",
                          "protocol_approved", "closed")

# substance of the programme round and of the protocol round (intl.lifecycle.mixin)
PROGRAMME_SUBSTANCE = ("programme_line_ids", "cost_line_ids", "hotel_partner_id", "hotel_room_count",
                       "hotel_nights")
PROTOCOL_SUBSTANCE = ("protocol_date", "protocol_place", "protocol_employee_ids", "protocol_member_ids",
                      "protocol_agenda", "protocol_discussion", "protocol_decision_ids",
                      "protocol_director_id")
PROTOCOL_LOCKED_STATES = ("protocol_review", "protocol_approved", "closed")


class IntlDelegation(models.Model):
    """A visit of a foreign delegation to the university (DP 717 5.4).

    Rights: DIC officers run every visit and move it through its stages;
    coordinators read and edit the visits hosted by their institute (or where
    they are among the hosts); Management decides the visit, approves the
    programme with the estimate and the protocol through the approval engine
    (purposes ``decision``, ``programme``, ``protocol``); accountants read.
    A visit whose decision was approved is never deleted, only cancelled.
    """

    _name = "intl.delegation"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin", "intl.document.mixin"]
    _description = "Foreign Delegation Visit"
    _order = "date_arrival desc, id desc"
    _intl_process_code = "delegation"
    _document_after_states = ("in_progress", "protocol_review", "protocol_approved", "closed")
    _check_company_auto = True

    _approval_submit_states = {
        "decision": ("draft",),
        "programme": ("invitation_sent",),
        "protocol": ("in_progress",),
    }
    _approval_pending_state = {
        "decision": "decision_requested",
        "programme": "programme_review",
        "protocol": "protocol_review",
    }
    _approval_approved_state = {
        "decision": "approved",
        "programme": "programme_approved",
        "protocol": "protocol_approved",
    }
    _approval_rejected_state = {
        "decision": "refused",
        "programme": "invitation_sent",
        "protocol": "in_progress",
    }
    _approval_cancel_states = ("cancel", "refused", "closed")
    _approval_summary_fields = {"what": "reason_id", "who": "partner_id", "amount": "amount_total",
                                "date_from": "date_arrival", "date_to": "date_departure",
                                "where": "country_id"}

    _lifecycle_transitions = {
        "request_decision": {"from": ("draft",), "approval": "decision", "who": (OFFICER,)},
        "decision_requested": {"from": ("draft",), "to": "decision_requested", "who": ("approval",)},
        "approve_decision": {"from": ("decision_requested",), "to": "approved", "who": ("approval",)},
        "refuse": {"from": ("decision_requested",), "to": "refused", "who": ("approval",)},
        "send_invitation": {"from": ("approved",), "to": "invitation_sent", "who": (OFFICER,),
                            "guard": "_guard_send_invitation"},
        "submit_programme": {"from": ("invitation_sent",), "approval": "programme", "who": (OFFICER,)},
        "programme_review": {"from": ("invitation_sent",), "to": "programme_review",
                             "who": ("approval",)},
        "approve_programme": {"from": ("programme_review",), "to": "programme_approved",
                              "who": ("approval",)},
        "reject_programme": {"from": ("programme_review",), "to": "invitation_sent",
                             "who": ("approval",)},
        "start_visit": {"from": ("programme_approved",), "to": "in_progress", "who": (OFFICER,)},
        "submit_protocol": {"from": ("in_progress",), "approval": "protocol", "who": (OFFICER,)},
        "protocol_review": {"from": ("in_progress",), "to": "protocol_review", "who": ("approval",)},
        "approve_protocol": {"from": ("protocol_review",), "to": "protocol_approved",
                             "who": ("approval",)},
        "reject_protocol": {"from": ("protocol_review",), "to": "in_progress", "who": ("approval",)},
        "close": {"from": ("protocol_approved",), "to": "closed", "who": (OFFICER,),
                  "guard": "_guard_close"},
        "cancel": {"from": CANCELLABLE_STATES, "to": "cancel", "who": (OFFICER,)},
        "reset": {"from": ("cancel",), "to": "draft", "who": (OFFICER,), "guard": "_guard_reset"},
    }
    _lifecycle_workflow_fields = ("refusal_reason", "cancel_reason")
    # what Management decided (the visit), approved (programme and estimate) and signed
    # (the protocol): each fixed from its round on
    _lifecycle_substance = ("company_id", "partner_id", "purpose", "reason_id", "date_arrival",
                            "date_departure", "institute_id")
    _lifecycle_substance_states = {
        state: PROGRAMME_SUBSTANCE + (PROTOCOL_SUBSTANCE if state in PROTOCOL_LOCKED_STATES else ())
        for state in ("programme_review", *ESTIMATE_LOCKED_STATES)}

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", "Sending Institution", required=True, tracking=True, index=True,
        domain=[("is_intl_institution", "=", True)],
    )
    country_id = fields.Many2one(related="partner_id.country_id", store=True, string="Country")
    agreement_id = fields.Many2one(
        "intl.agreement", "Related Agreement", tracking=True, index=True, check_company=True,
        domain="[('partner_id', '=', partner_id)]",
    )
    reason_id = fields.Many2one("intl.delegation.reason", "Reason for the Visit", tracking=True)
    purpose = fields.Text("Purpose of the Visit", required=True)
    date_arrival = fields.Date("Arrival", required=True, tracking=True)
    date_departure = fields.Date("Departure", required=True, tracking=True)
    year = fields.Char(compute="_compute_year", store=True)
    lang_id = fields.Many2one("res.lang", "Language of Communication",
                              context={"active_test": False})
    contact_name = fields.Char("Contact Person")
    contact_phone = fields.Char()
    contact_email = fields.Char("Contact E-mail")
    other_information = fields.Text()
    responsible_id = fields.Many2one("res.users", "DIC Officer", default=lambda self: self.env.user,
                                     tracking=True)
    institute_id = fields.Many2one(
        "hr.department", "Host Institute", required=True, tracking=True, index=True,
        domain=[("intl_kind", "=", "institute")],
        default=lambda self: self.env.user.employee_id.intl_institute_id,
    )
    unit_ids = fields.Many2many("hr.department", "intl_delegation_unit_rel", "delegation_id",
                                "department_id", string="Units Visited")
    host_employee_ids = fields.Many2many("hr.employee", "intl_delegation_host_employee_rel",
                                         "delegation_id", "employee_id", string="University Participants")
    member_ids = fields.One2many("intl.delegation.member", "delegation_id", "Members")
    member_count = fields.Integer(compute="_compute_member_count", store=True)
    head_member_id = fields.Many2one("intl.delegation.member", compute="_compute_head_member_id",
                                     string="Head of Delegation")
    calendar_title = fields.Char(compute="_compute_calendar_title")
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, copy=False,
                             index=True, readonly=True, group_expand="_lifecycle_group_expand")
    can_request_decision = fields.Boolean(compute="_compute_lifecycle_can")
    can_send_invitation = fields.Boolean(compute="_compute_lifecycle_can")
    can_submit_programme = fields.Boolean(compute="_compute_lifecycle_can")
    can_start_visit = fields.Boolean(compute="_compute_lifecycle_can")
    can_submit_protocol = fields.Boolean(compute="_compute_lifecycle_can")
    can_close = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")
    invitation_missing = fields.Text(
        "Missing for the Invitation", compute="_compute_invitation_missing",
        help="What DP 717 5.4.2 asks to know before the invitation is sent.")

    # decision memo to the rector (5.4.1)
    cooperation_level = fields.Text("Level of Cooperation")
    prospects = fields.Text("Prospects of Cooperation")
    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    cancel_reason = fields.Text("Cancellation Reason", readonly=True, copy=False, tracking=True)

    # invitation letter
    signatory_id = fields.Many2one("hr.employee", "Signatory", tracking=True, check_company=True,
                                   help="Rector or vice-rector who signs the invitation letter.")
    invitation_date = fields.Date("Invitation Sent On", tracking=True, copy=False)

    # logistics
    hotel_partner_id = fields.Many2one("res.partner", "Hotel")
    hotel_room_category = fields.Char("Room Category")
    hotel_room_count = fields.Integer("Rooms")
    hotel_occupant_count = fields.Integer("Occupants")
    hotel_nights = fields.Integer("Nights", compute="_compute_hotel_nights", store=True, readonly=False)
    transport_needed = fields.Boolean("Vehicle Needed")
    transport_details = fields.Text()
    hall_needed = fields.Boolean("Halls Needed")
    hall_details = fields.Text("Halls")
    tech_support_needed = fields.Boolean("Technical Support Needed")
    tech_support_details = fields.Text("Technical Support")
    photo_video_needed = fields.Boolean("Photo/Video Needed")
    photo_video_details = fields.Text("Photo/Video")
    souvenir_ids = fields.One2many("intl.delegation.souvenir", "delegation_id", "Souvenirs")
    cultural_item_ids = fields.One2many("intl.delegation.cultural.item", "delegation_id",
                                        "Cultural Programme")

    # programme and money (5.4.3)
    programme_line_ids = fields.One2many("intl.delegation.programme.line", "delegation_id", "Programme")
    cost_line_ids = fields.One2many("intl.delegation.cost.line", "delegation_id", "Cost Estimate")
    amount_total = fields.Monetary("Estimated Total", compute="_compute_amounts", store=True,
                                   tracking=True)
    actual_total = fields.Monetary(compute="_compute_amounts", store=True)
    amount_total_words = fields.Char("Total in Words", compute="_compute_amount_total_words")
    estimate_locked = fields.Boolean(compute="_compute_estimate_locked")
    guarantee_line_ids = fields.One2many("intl.delegation.guarantee.line", "delegation_id",
                                         "Guarantee Letters")

    # protocol, form 403-02
    protocol_date = fields.Date("Meeting Date", copy=False)
    protocol_place = fields.Char("Meeting Place", copy=False)
    protocol_employee_ids = fields.Many2many(
        "hr.employee", "intl_delegation_protocol_employee_rel", "delegation_id", "employee_id",
        string="University Side", copy=False)
    protocol_member_ids = fields.Many2many(
        "intl.delegation.member", "intl_delegation_protocol_member_rel", "delegation_id", "member_id",
        string="Partner Side", copy=False, domain="[('delegation_id', '=', id)]")
    protocol_agenda = fields.Text("Agenda", copy=False)
    protocol_discussion = fields.Text("Discussion", copy=False)
    protocol_decision_ids = fields.One2many("intl.delegation.protocol.decision", "delegation_id",
                                            "Agreements Reached", copy=False)
    protocol_director_id = fields.Many2one("hr.employee", "Responsible Director", check_company=True,
                                           help="Director who signs the protocol.")
    plan_line_count = fields.Integer(compute="_compute_plan_line_count")
    can_create_plan_lines = fields.Boolean(compute="_compute_plan_line_count")

    _sql_constraints = [
        ("dates_order", "CHECK(date_departure >= date_arrival)",
         "The departure cannot be before the arrival."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("date_arrival")
    def _compute_year(self):
        for visit in self:
            visit.year = str(visit.date_arrival.year) if visit.date_arrival else False

    @api.depends("member_ids")
    def _compute_member_count(self):
        for visit in self:
            visit.member_count = len(visit.member_ids)

    @api.depends("member_ids.is_head")
    def _compute_head_member_id(self):
        for visit in self:
            visit.head_member_id = visit.member_ids.filtered("is_head")[:1]

    @api.depends("date_arrival", "date_departure")
    def _compute_hotel_nights(self):
        for visit in self:
            if visit.date_arrival and visit.date_departure:
                visit.hotel_nights = (visit.date_departure - visit.date_arrival).days

    @api.depends("cost_line_ids.amount", "cost_line_ids.actual_amount")
    def _compute_amounts(self):
        for visit in self:
            visit.amount_total = sum(visit.cost_line_ids.mapped("amount"))
            visit.actual_total = sum(visit.cost_line_ids.mapped("actual_amount"))

    @api.depends_context("lang")
    @api.depends("amount_total", "currency_id")
    def _compute_amount_total_words(self):
        for visit in self:
            visit.amount_total_words = visit._amount_in_words(visit.amount_total)

    @api.depends("member_ids.surname", "member_ids.first_name", "member_ids.position",
                 "member_ids.workplace", "member_ids.needs_hotel", "contact_name", "contact_phone",
                 "lang_id", "hotel_room_category", "hotel_room_count", "hotel_occupant_count", "signatory_id")
    @api.depends_context("lang")
    def _compute_invitation_missing(self):
        for visit in self:
            missing = visit._invitation_missing()
            visit.invitation_missing = "\n".join(f"• {item}" for item in missing) if missing else False

    @api.depends("state")
    def _compute_estimate_locked(self):
        for visit in self:
            visit.estimate_locked = visit.state in ESTIMATE_LOCKED_STATES

    @api.depends("protocol_decision_ids.plan_line_id", "agreement_id")
    def _compute_plan_line_count(self):
        for visit in self:
            decisions = visit.protocol_decision_ids
            visit.plan_line_count = len(decisions.plan_line_id)
            visit.can_create_plan_lines = bool(
                visit.agreement_id and decisions.filtered(lambda d: not d.plan_line_id)
            )

    @api.depends("partner_id", "head_member_id", "institute_id")
    def _compute_calendar_title(self):
        for visit in self:
            parts = [visit.partner_id.name, visit.head_member_id.display_name, visit.institute_id.name]
            visit.calendar_title = " — ".join(filter(None, parts)) or visit.name

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("date_arrival", "date_departure")
    def _check_programme_dates(self):
        for visit in self:
            outside = visit.programme_line_ids.filtered(
                lambda rec, visit=visit: not visit.date_arrival <= rec.date <= visit.date_departure
            )
            if outside:
                raise ValidationError(
                    self.env._("The visit dates of %(visit)s leave programme activities outside: %(lines)s",
                               visit=visit.display_name, lines=", ".join(outside.mapped("name")))
                )

    @api.constrains("agreement_id", "partner_id")
    def _check_agreement_partner(self):
        for visit in self:
            agreement = visit.agreement_id
            if agreement and visit.partner_id not in agreement.partner_id | agreement.partner_ids:
                raise ValidationError(
                    self.env._("Agreement %(agreement)s is not with %(partner)s.",
                               agreement=agreement.display_name, partner=visit.partner_id.display_name)
                )

    @api.constrains("signatory_id", "company_id")
    def _check_signatory(self):
        """The invitation letter is signed by the rector or a vice-rector (5.4.1)."""
        management = self.env.ref("intl_cooperation.group_intl_management")
        for visit in self.filtered("signatory_id"):
            # sudo: the positions and the signatory's user are read on employees the officer may not read
            company, signatory = visit.company_id.sudo(), visit.signatory_id.sudo()
            allowed = company._intl_signatory_employees()
            refused = signatory not in allowed if allowed else management not in signatory.user_id.groups_id
            if refused:
                raise ValidationError(self.env._(
                    "%(employee)s cannot sign the invitation of %(visit)s: the rector or a vice-rector signs it.",
                    employee=signatory.name, visit=visit.display_name))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._lifecycle_next_reference(vals_list, "intl.delegation")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        for visit in self:
            decided = visit.approval_line_ids.filtered(
                lambda rec: rec.purpose == "decision" and rec.state == "approved"
            )
            if visit.state not in ("draft", "refused", "cancel") or decided:
                raise UserError(
                    self.env._("Visit %(visit)s was approved and cannot be deleted; cancel it instead.",
                               visit=visit.display_name)
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_request_decision(self):
        """DIC's service memo to the rector goes to Management."""
        self._check_dic()
        self._lifecycle_run("request_decision")

    def action_send_invitation(self):
        self._check_can_send_invitation()
        self._do_send_invitation()

    def action_submit_programme(self):
        self._check_dic()
        self._lifecycle_run("submit_programme")

    def action_start_visit(self):
        self._check_dic()
        self._lifecycle_run("start_visit")

    def action_submit_protocol(self):
        self._check_dic()
        self._lifecycle_run("submit_protocol")

    def action_close(self):
        self._check_dic()
        self._lifecycle_run("close")

    def action_cancel(self):
        """Ask the reason, then cancel (see ``intl.delegation.cancel``)."""
        self._check_can_cancel()
        return self._lifecycle_open_wizard("intl.delegation.cancel", self.env._("Cancel Visit"))

    def action_reset_draft(self):
        self._check_dic()
        self._lifecycle_run("reset", {"cancel_reason": False})

    def _guard_reset(self):
        # sudo: engine-internal read of the record's approval lines (the user reads the record)
        if any(line.state == "approved" for line in self.sudo().approval_line_ids):
            return self.env._("A visit that was approved cannot go back to draft.")
        return False

    def action_create_plan_lines(self):
        """Turn the protocol's agreements reached into plan lines of the related agreement."""
        self._check_can_create_plan_lines()
        return self._do_create_plan_lines()

    def action_open_plan_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan Lines"),
            "res_model": "intl.agreement.plan.line",
            "view_mode": "list,form",
            "domain": [("id", "in", self.protocol_decision_ids.plan_line_id.ids)],
        }

    def action_open_programme(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "intl_cooperation.intl_delegation_programme_line_action")
        action["domain"] = [("delegation_id", "=", self.id)]
        action["context"] = {"default_delegation_id": self.id, "initial_date": str(self.date_arrival)}
        return action

    def action_print(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print"),
            "res_model": "intl.delegation.print",
            "view_mode": "form",
            "target": "new",
            "context": {"default_delegation_id": self.id},
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _check_dic(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_officer"):
            raise AccessError(self.env._("Only the International Cooperation Department moves a visit "
                                         "through its stages."))

    def _check_can_send_invitation(self):
        self._check_dic()
        self._lifecycle_check("send_invitation")

    def _guard_send_invitation(self):
        if not self.signatory_id:
            return self.env._("Choose the rector or vice-rector who signs the invitation to %(visit)s.",
                              visit=self.display_name)
        missing = self._invitation_missing()
        if missing:
            return self.env._("Before the invitation to %(visit)s, fill in: %(missing)s.",
                              visit=self.display_name, missing="; ".join(missing))
        return False

    def _invitation_missing(self):
        """What DP 717 5.4.2 asks to know before the invitation: the members (surname, name,
        position, workplace), the delegation's contact person (name and phone), the language of
        communication and, when a member needs a hotel, the booking (room category, rooms,
        occupants). Returns the labels of what is missing."""
        self.ensure_one()
        missing = []
        if not self.member_ids:
            missing.append(self.env._("the members of the delegation"))
        incomplete = self.member_ids.filtered(
            lambda m: not (m.surname and m.first_name and m.position and m.workplace))
        if incomplete:
            missing.append(self.env._("the position and workplace of %(members)s",
                                      members=", ".join(incomplete.mapped("name"))))
        if not (self.contact_name and self.contact_phone):
            missing.append(self.env._("the contact person of the delegation (name and phone)"))
        if not self.lang_id:
            missing.append(self.env._("the language of communication"))
        if any(self.member_ids.mapped("needs_hotel")) and not (
                self.hotel_room_category and self.hotel_room_count > 0 and self.hotel_occupant_count > 0):
            missing.append(self.env._("the hotel booking (room category, rooms and occupants)"))
        return missing

    def _guard_close(self):
        """The protocol 403-02 is signed: its original is attached and verified (5.4.3)."""
        protocol_type = self.env.ref("intl_cooperation.intl_document_type_protocol", raise_if_not_found=False)
        # sudo: every line counts, whoever may read it
        line = self.sudo().document_line_ids.filtered(lambda rec: rec.type_id == protocol_type)[:1]
        if protocol_type and not (line.state == "verified" and line.checked_original):
            return self.env._("Attach the signed original of the protocol 403-02 of %(visit)s to its checklist "
                              "and verify it (the original confirmed) before closing the visit.",
                              visit=self.display_name)
        return False

    def _do_send_invitation(self):
        for visit in self:
            visit._lifecycle_do("send_invitation", {
                "invitation_date": visit.invitation_date or fields.Date.context_today(visit),
            })

    def _check_can_cancel(self):
        self._check_dic()
        started = self.filtered(lambda v: v.state not in CANCELLABLE_STATES)
        if started:
            raise UserError(
                self.env._("%(visit)s can no longer be cancelled: the visit has started or ended.",
                           visit=started[0].display_name)
            )
        self._lifecycle_check("cancel")

    def _do_cancel(self, reason):
        self._approval_cancel()
        self._lifecycle_do("cancel", {"cancel_reason": reason})

    def _approval_check_can_submit(self, purpose):
        self.ensure_one()
        if purpose == "decision" and not (self.cooperation_level or self.prospects):
            raise UserError(
                self.env._("Describe the level of cooperation and the prospects in the memo to the rector."))
        if purpose == "programme":
            if not self.programme_line_ids:
                raise UserError(self.env._("The visit programme of %(visit)s is empty.",
                                           visit=self.display_name))
            if not self.cost_line_ids:
                raise UserError(self.env._("The cost estimate of %(visit)s is empty.",
                                           visit=self.display_name))
        if purpose == "protocol":
            if not (self.protocol_date and self.protocol_place and self.protocol_decision_ids):
                raise UserError(
                    self.env._("Fill in the protocol of %(visit)s: date, place and the agreements reached.",
                               visit=self.display_name))
            if not self.protocol_director_id:
                raise UserError(
                    self.env._("Name the responsible director who signs the protocol of %(visit)s.",
                               visit=self.display_name))

    def _approval_rejected(self, purpose, reason):
        if purpose == "decision":
            self._lifecycle_write({"refusal_reason": reason})
        return super()._approval_rejected(purpose, reason)

    def _approval_institute(self):
        return self.institute_id

    def _approval_curator(self):
        return self.responsible_id

    def _check_can_create_plan_lines(self):
        self._check_dic()
        for visit in self:
            if visit.state not in ("protocol_approved", "closed"):
                raise UserError(self.env._("Approve the protocol of %(visit)s first.",
                                           visit=visit.display_name))
            if not visit.agreement_id:
                raise UserError(self.env._("%(visit)s has no related agreement to plan in.",
                                           visit=visit.display_name))
            if not visit.protocol_decision_ids.filtered(lambda d: not d.plan_line_id):
                raise UserError(self.env._("Every agreement reached in %(visit)s is already planned.",
                                           visit=visit.display_name))

    def _do_create_plan_lines(self):
        decisions = self.protocol_decision_ids.filtered(lambda d: not d.plan_line_id)
        plan_lines = self.env["intl.agreement.plan.line"].create(
            [d._prepare_plan_line_vals(d.delegation_id.agreement_id) for d in decisions]
        )
        for decision, plan_line in zip(decisions, plan_lines, strict=True):
            decision._lifecycle_write({"plan_line_id": plan_line.id})
        for visit in self:
            visit._intl_message_post(
                _lt("Agreements reached that became plan lines of %(agreement)s: %(count)s.",
                    count=len(decisions.filtered(lambda d, v=visit: d.delegation_id == v)),
                    agreement=visit.agreement_id),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _invitation_opening(self):
        """The invitation letter's first sentence, whole, in the print's language: one source
        with its names and dates inserted, so that each language orders the sentence its own way
        (printed from fragments, the Kazakh read "Ұйым атынан: … атынан")."""
        self.ensure_one()

        def bold(value):
            return Markup("<strong>%s</strong>") % (value or "")

        # the source and its translations are the module's own text; the values are escaped above
        return Markup(self.env._(
            "On behalf of %(university)s it is my pleasure to invite the delegation of %(partner)s "
            "to visit our university from %(date_from)s to %(date_to)s.",
            university=Markup("%s") % (self.company_id.name or ""), partner=bold(self.partner_id.name),
            date_from=bold(format_date(self.env, self.date_arrival)),
            date_to=bold(format_date(self.env, self.date_departure))))

    def _amount_in_words(self, amount):
        self.ensure_one()
        currency = self.currency_id or self.env.company.currency_id
        return currency.intl_amount_to_words(amount, self.env.lang)

    def _approval_decision(self, purpose):
        """The approved line of the current round of ``purpose`` (for printed approval lines)."""
        self.ensure_one()
        return self.approval_line_ids.filtered(
            lambda rec: rec.purpose == purpose and rec.is_current and rec.state == "approved"
        ).sorted("sequence")[-1:]

    def _visit_days(self):
        """Dates of the visit, for the printed programme."""
        self.ensure_one()
        days = (self.date_departure - self.date_arrival).days
        return [self.date_arrival + timedelta(days=i) for i in range(days + 1)]
