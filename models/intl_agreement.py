from odoo import api, fields, models


class IntlAgreement(models.Model):
    """A bilateral cooperation agreement with a foreign institution (DP 717 section 5.1)."""

    _name = "intl.agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin", "intl.document.mixin"]
    _description = "Cooperation Agreement"
    _order = "date_signed desc, id desc"
    _intl_process_code = "agreement"
    _check_company_auto = True

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
    curator_id = fields.Many2one("res.users", "DIC Curator", tracking=True)
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
    )
    date_signed = fields.Date("Signing Date", tracking=True, copy=False)
    date_start = fields.Date("Effective Date", tracking=True, copy=False)
    date_end = fields.Date("Expiry Date", tracking=True, copy=False)
    plan_line_ids = fields.One2many("intl.agreement.plan.line", "agreement_id", "Cooperation Plan")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("intl.agreement") or "/"
        return super().create(vals_list)

    def _approval_institute(self):
        return self.institute_id

    def _approval_curator(self):
        return self.curator_id
