from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .intl_learner_grade import check_academic_year
from .intl_learner_language import CEFR_LEVELS

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"
FINANCE_GROUPS = ("intl_cooperation.group_intl_coordinator,intl_cooperation.group_intl_management,"
                  "intl_cooperation.group_intl_accountant")
EQF_LEVELS = [("5", "EQF 5 (short cycle)"), ("6", "EQF 6 (bachelor)"), ("7", "EQF 7 (master)"),
              ("8", "EQF 8 (doctorate)")]


class IntlMobility(models.Model):
    """One academic mobility of a learner or a staff member (DP 717 5.2, detailed in DP 718).

    DP 717 needs its results for the annual report: who went where, when,
    under which programme, and what came of it. Outgoing staff mobility
    links to the business trip (``intl.trip``) when there is one.
    ``planned`` → ``completed`` (outcome recorded) or ``cancel``.
    """

    _name = "intl.mobility"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin"]
    _description = "Academic Mobility"
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _lifecycle_transitions = {
        # system: the Registrar's recognition of the learning agreement's results closes it
        "complete": {"from": ("planned",), "to": "completed", "who": (COORDINATOR, "system"),
                     "guard": "_guard_complete"},
        "cancel": {"from": ("planned",), "to": "cancel", "who": (COORDINATOR,), "guard": "_guard_manage"},
        "reset": {"from": ("completed", "cancel"), "to": "planned", "who": (OFFICER,)},
    }

    name = fields.Char("Reference", required=True, copy=False, readonly=True, default="/", index=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [("planned", "Planned"), ("completed", "Completed"), ("cancel", "Cancelled")],
        default="planned", required=True, readonly=True, tracking=True, copy=False, index=True,
    )
    participant_type = fields.Selection([("learner", "Learner"), ("staff", "Staff")], "Participant",
                                        required=True, default="learner", tracking=True)
    learner_id = fields.Many2one("intl.learner", "Learner", index=True, check_company=True, tracking=True)
    employee_id = fields.Many2one("hr.employee", "Staff Member", index=True, check_company=True, tracking=True)
    visitor_name = fields.Char("Visiting Staff Member", help="Incoming staff of a partner institution.")
    participant_name = fields.Char("Name", compute="_compute_participant", store=True)
    is_foreign = fields.Boolean("Foreign Citizen", compute="_compute_participant", store=True)
    institute_id = fields.Many2one(
        "hr.department", "Institute", compute="_compute_institute_id", store=True, readonly=False, index=True,
        domain=[("intl_kind", "=", "institute")], check_company=True,
    )
    direction = fields.Selection([("outgoing", "Outgoing"), ("incoming", "Incoming")], required=True,
                                 default="outgoing", tracking=True)
    mobility_type = fields.Selection(
        [("studies", "Studies"), ("traineeship", "Traineeship"), ("teaching", "Teaching"),
         ("training", "Training")],
        "Activity", required=True, default="studies",
        help="Kind of mobility as in the Erasmus Without Paper specifications.",
    )
    programme_type = fields.Selection(
        [("bilateral", "Bilateral agreement"), ("erasmus", "Erasmus+"), ("double_degree", "Double degree"),
         ("dp718", "DP 718 exchange"), ("other", "Other")],
        "Programme", required=True, default="bilateral", tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner", "Partner Institution", required=True, index=True, tracking=True,
        domain=[("is_intl_institution", "=", True)], help="Host institution (outgoing) or home institution (incoming).",
    )
    country_id = fields.Many2one(related="partner_id.country_id", store=True, string="Country")
    agreement_id = fields.Many2one("intl.agreement", "Agreement", index=True, check_company=True,
                                   domain="[('partner_id', '=', partner_id)]")
    degree_programme_id = fields.Many2one("intl.degree.programme", "Double-Degree Programme", check_company=True)
    trip_id = fields.Many2one("intl.trip", "Business Trip", check_company=True,
                              help="The business trip abroad of an outgoing staff member.")
    academic_year = fields.Char(required=True, index=True, help="e.g. 2026/2027")
    date_start = fields.Date("Start", required=True)
    date_end = fields.Date("End", required=True)
    duration_days = fields.Integer("Days", compute="_compute_duration", store=True)
    duration_months = fields.Float("Months", compute="_compute_duration", store=True, digits=(6, 1))
    eqf_level = fields.Selection(EQF_LEVELS, "EQF Level")
    isced_code = fields.Char("ISCED-F Code", size=4, help="ISCED-F 2013 field code, four digits (e.g. 0613).")
    language_id = fields.Many2one("res.lang", "Language of Instruction", context={"active_test": False})
    cefr_level = fields.Selection(CEFR_LEVELS, "Language Level (CEFR)")
    blended = fields.Boolean(help="Combines a physical stay with a virtual component.")
    funding = fields.Selection(
        [("erasmus", "Erasmus+ grant"), ("university", "University funds"), ("state", "State scholarship"),
         ("host", "Host institution"), ("own", "Own expense"), ("other", "Other")],
        default="university", groups=FINANCE_GROUPS,
    )
    funding_amount = fields.Monetary(groups=FINANCE_GROUPS)
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.company.currency_id,
                                  groups=FINANCE_GROUPS)
    credits_planned = fields.Float(digits=(6, 1))
    credits_recognised = fields.Float(digits=(6, 1), tracking=True)
    report_received = fields.Boolean(tracking=True)
    outcome = fields.Text()
    can_complete = fields.Boolean(compute="_compute_lifecycle_can")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")

    @api.depends("participant_type", "learner_id.name", "learner_id.is_foreign", "employee_id", "visitor_name")
    def _compute_participant(self):
        for mobility in self:
            if mobility.participant_type == "learner":
                mobility.participant_name = mobility.learner_id.name
                mobility.is_foreign = mobility.learner_id.is_foreign
            else:
                mobility.participant_name = mobility.employee_id.name or mobility.visitor_name
                mobility.is_foreign = not mobility.employee_id and bool(mobility.visitor_name)

    @api.depends("participant_type", "learner_id", "employee_id")
    def _compute_institute_id(self):
        for mobility in self:
            if mobility.participant_type == "learner":
                mobility.institute_id = mobility.learner_id.institute_id or mobility.institute_id
            else:
                mobility.institute_id = mobility.employee_id.intl_institute_id or mobility.institute_id

    @api.depends("date_start", "date_end")
    def _compute_duration(self):
        for mobility in self:
            if mobility.date_start and mobility.date_end:
                days = (mobility.date_end - mobility.date_start).days + 1
                mobility.duration_days = days
                mobility.duration_months = round(days / 30.0, 1)
            else:
                mobility.duration_days = 0
                mobility.duration_months = 0.0

    @api.constrains("participant_type", "learner_id", "employee_id", "trip_id", "direction")
    def _check_participant(self):
        for mobility in self:
            if mobility.participant_type == "learner" and not mobility.learner_id:
                raise ValidationError(self.env._("Choose the learner of the mobility."))
            if mobility.participant_type == "staff" and not (mobility.employee_id or mobility.visitor_name):
                raise ValidationError(self.env._("Choose the staff member of the mobility."))
            if mobility.participant_type == "staff" and mobility.direction == "outgoing" and not mobility.employee_id:
                raise ValidationError(self.env._("Outgoing staff mobility is recorded for an employee."))
            if mobility.trip_id and (mobility.participant_type != "staff" or mobility.direction != "outgoing"):
                raise ValidationError(self.env._("Only an outgoing staff mobility links to a business trip."))
            if mobility.trip_id and mobility.trip_id.employee_id != mobility.employee_id:
                raise ValidationError(self.env._("The business trip belongs to another employee."))

    @api.constrains("date_start", "date_end", "academic_year", "isced_code", "credits_recognised")
    def _check_values(self):
        for mobility in self:
            check_academic_year(self.env, mobility.academic_year)
            if mobility.date_end < mobility.date_start:
                raise ValidationError(self.env._("A mobility cannot end before it starts."))
            if mobility.isced_code and not (len(mobility.isced_code) == 4 and mobility.isced_code.isdigit()):
                raise ValidationError(self.env._(
                    "The ISCED-F 2013 code has four digits, e.g. 0613 (not %(code)s).", code=mobility.isced_code))
            if mobility.credits_recognised < 0 or mobility.credits_planned < 0:
                raise ValidationError(self.env._("Credits cannot be negative."))

    @api.onchange("trip_id")
    def _onchange_trip_id(self):
        if self.trip_id:
            self.update(self._prepare_trip_vals(self.trip_id))

    @api.model
    def _prepare_trip_vals(self, trip):
        """What an outgoing staff mobility takes from its business trip."""
        vals = {
            "participant_type": "staff",
            "direction": "outgoing",
            "trip_id": trip.id,
            "employee_id": trip.employee_id.id,
            "date_start": trip.approved_date_from or trip.date_departure,
            "date_end": trip.date_return_actual or trip.approved_date_to or trip.date_return,
        }
        vals["academic_year"] = self._academic_year_of(vals["date_start"])
        if trip.host_partner_id.is_intl_institution:
            vals["partner_id"] = trip.host_partner_id.id
        if trip.agreement_id:
            vals["agreement_id"] = trip.agreement_id.id
        return vals

    @api.onchange("learner_id")
    def _onchange_learner_id(self):
        if self.learner_id and self.learner_id.eqf_level:
            self.eqf_level = self.learner_id.eqf_level

    @api.onchange("date_start")
    def _onchange_date_start(self):
        if self.date_start and not self.academic_year:
            self.academic_year = self._academic_year_of(self.date_start)

    @api.model
    def _academic_year_of(self, date):
        """Academic years run from September: 2026-10-01 is in 2026/2027."""
        start = date.year if date.month >= 9 else date.year - 1
        return f"{start}/{start + 1}"

    def _compute_display_name(self):
        for mobility in self:
            mobility.display_name = f"{mobility.name} {mobility.participant_name or ''}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._lifecycle_next_reference(vals_list, "intl.mobility"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_completed(self):
        if self.filtered(lambda m: m.state == "completed"):
            raise UserError(self.env._("Completed mobility counts in the annual report: it is not deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _guard_manage(self):
        """DIC, or the coordinators of the mobility's institute."""
        if self.env.user.has_group(OFFICER) or self.institute_id == self.env.user.employee_id.intl_institute_id:
            return False
        return self.env._("Only DIC and the institute's coordinators record mobility results.")

    def _guard_complete(self):
        if self.date_end and self.date_end > fields.Date.context_today(self):
            return self.env._("%(mobility)s has not ended yet.", mobility=self.display_name)
        if self.env.su:
            return False
        return self._guard_manage()

    def action_complete(self):
        """The mobility took place: its outcome is recorded."""
        return self._lifecycle_run("complete")

    def action_cancel(self):
        return self._lifecycle_run("cancel")

    def action_reset(self):
        return self._lifecycle_run("reset")

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------

    @api.model
    def _count_incoming_foreign_students(self, academic_years=None):
        """Foreign learners who came to study, per academic year (DP 717 section 7.1)."""
        domain = [("direction", "=", "incoming"), ("participant_type", "=", "learner"),
                  ("is_foreign", "=", True), ("state", "!=", "cancel")]
        if academic_years:
            domain.append(("academic_year", "in", list(academic_years)))
        groups = self._read_group(domain, ["academic_year"], ["learner_id:count_distinct"])
        return dict(groups)
