import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.numbers import HOURS, count_text
from .intl_scholar_billing import create_vendor_bill, pay_vendor_bill

COORDINATOR = "intl_cooperation.group_intl_coordinator"
ACCOUNTANT = "intl_cooperation.group_intl_accountant"
ACT_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Awaiting Approval"),
    ("approved", "Approved"),
    ("billed", "Billed"),
    ("paid", "Paid"),
    ("cancel", "Cancelled"),
]


class IntlScholarAct(models.Model):
    """The act of services rendered by an invited scholar (DP 717 §5.5.2).

    Drawn by the inviting institute when the stay ends, from the lectures
    actually given; approved by the institute director and DIC (approval
    route); the accountant then creates the vendor bill to the scholar's bank
    account, with the act attached, and pays it through Odoo payments.
    """

    _name = "intl.scholar.act"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.approval.mixin"]
    _description = "Act of Services Rendered"
    _order = "date desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    _approval_submit_states = {"default": ("draft",)}
    _approval_pending_state = {"default": "to_approve"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel",)
    _lifecycle_workflow_fields = ("move_id", "payment_id", "hours_given", "amount", "lecture_ids",
                                  "hours_contract", "contract_amount", "visit_id")
    _lifecycle_substance = ("visit_id", "date")
    _lifecycle_parent_field = "visit_id"
    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "approval": "default", "who": (COORDINATOR,)},
        "to_approve": {"from": ("draft",), "to": "to_approve", "who": ("approval",)},
        "approve_act": {"from": ("to_approve",), "to": "approved", "who": ("approval",)},
        "reject_act": {"from": ("to_approve",), "to": "draft", "who": ("approval",)},
        "bill": {"from": ("approved",), "to": "billed", "who": (ACCOUNTANT,), "guard": "_guard_bill"},
        "pay": {"from": ("billed",), "to": "paid", "who": (ACCOUNTANT,)},
        "cancel": {"from": ("draft", "to_approve"), "to": "cancel", "who": (COORDINATOR,)},
    }

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    visit_id = fields.Many2one("intl.scholar.visit", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    institute_id = fields.Many2one(related="visit_id.institute_id", store=True)
    scholar_id = fields.Many2one(related="visit_id.scholar_id", store=True)
    currency_id = fields.Many2one(related="visit_id.contract_currency_id", store=True)
    state = fields.Selection(ACT_STATES, default="draft", required=True, tracking=True, copy=False,
                             index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    lecture_ids = fields.Many2many("intl.scholar.lecture", string="Lectures Given", readonly=True)
    hours_contract = fields.Float("Contract Hours", readonly=True)
    contract_amount = fields.Monetary(readonly=True)
    hours_given = fields.Float(readonly=True)
    amount = fields.Monetary(readonly=True, tracking=True)
    amount_words = fields.Char(compute="_compute_amount_words")
    move_id = fields.Many2one("account.move", "Vendor Bill", readonly=True, copy=False,
                              check_company=True)
    payment_id = fields.Many2one("account.payment", "Payment", readonly=True, copy=False,
                                 check_company=True)
    payment_state = fields.Selection(related="move_id.payment_state", string="Bill Payment")
    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    is_accountant = fields.Boolean(compute="_compute_is_accountant")
    can_cancel = fields.Boolean(compute="_compute_lifecycle_can")

    @api.depends("amount", "currency_id")
    @api.depends_context("lang")
    def _compute_amount_words(self):
        for act in self:
            act.amount_words = act.currency_id.intl_amount_to_words(act.amount) if act.currency_id else ""

    @api.depends_context("uid")
    def _compute_is_accountant(self):
        self.is_accountant = self.env.user.has_group(ACCOUNTANT)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("intl.scholar.act") or "/"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(act.state != "draft" for act in self):
            raise UserError(self.env._("Only draft acts can be deleted; cancel the others."))

    @api.model
    def _draw(self, visit):
        """Draw the act of ``visit`` from the lectures actually given."""
        if not self.env.user.has_group("intl_cooperation.group_intl_coordinator"):
            raise UserError(self.env._("The inviting institute draws the act."))
        if visit.state != "ended":
            raise UserError(self.env._("The act is drawn when the stay of %(visit)s has ended.",
                                       visit=visit.name))
        if visit.act_ids.filtered(lambda a: a.state != "cancel"):
            raise UserError(self.env._("%(visit)s already has its act.", visit=visit.name))
        if not visit.contract_amount or not visit.contract_hours:
            raise UserError(self.env._("Enter the service contract (amount and hours) of %(visit)s first.",
                                       visit=visit.name))
        given = visit.lecture_ids.filtered(lambda lecture: lecture.state == "given")
        if not given:
            raise UserError(self.env._("No lecture of %(visit)s is marked as given.", visit=visit.name))
        hours = sum(given.mapped("hours_given"))
        amount = visit.contract_currency_id.round(
            visit.contract_amount * min(hours, visit.contract_hours) / visit.contract_hours)
        return self._lifecycle_create([{
                "visit_id": visit.id, "lecture_ids": [fields.Command.set(given.ids)],
                "hours_contract": visit.contract_hours, "contract_amount": visit.contract_amount,
                "hours_given": hours, "amount": amount}])

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._lifecycle_run("submit")

    def action_approval_submit(self):
        return self.action_submit()

    def action_cancel(self):
        self._lifecycle_check("cancel")
        self._approval_cancel()
        self._lifecycle_do("cancel")

    def _guard_bill(self):
        if not self.scholar_id.bank_ids:
            return self.env._(
                "%(scholar)s has no bank account: add the bank details received on arrival "
                "to the contact before the payment.", scholar=self.scholar_id.name)
        if not self.company_id.intl_scholar_service_account_id:
            return self.env._("Set the expense account of the scholars' services in the "
                              "International Cooperation settings.")
        return False

    def action_create_bill(self):
        for act in self:
            act._lifecycle_check("bill")
            move = create_vendor_bill(
                self.env, act.company_id, act.scholar_id, act.company_id.intl_scholar_service_account_id,
                act.amount, act.currency_id,
                self.env._("Services of %(scholar)s under contract %(contract)s: %(hours)s (act %(act)s)",
                           scholar=act.scholar_id.name, contract=act.visit_id.contract_number or "",
                           hours=count_text(self.env, act.hours_given, HOURS), act=act.name),
                act.name, act.date, partner_bank=act.scholar_id.bank_ids[:1],
                analytic_distribution=act.visit_id._analytic_distribution())
            act._attach_to_bill(move)
            act._lifecycle_do("bill", {"move_id": move.id})

    def _attach_to_bill(self, move):
        """Attach the printed act to the vendor bill."""
        self.ensure_one()
        report = self.env.ref("intl_cooperation.action_report_intl_scholar_act")
        content, _kind = self.env["ir.actions.report"]._render_qweb_pdf(report, self.visit_id.ids)
        self.env["ir.attachment"].create({
            "name": self.env._("Act %(act)s.pdf", act=self.name),
            "datas": base64.b64encode(content),
            "res_model": "account.move", "res_id": move.id, "mimetype": "application/pdf",
        })

    def action_pay(self):
        for act in self:
            act._lifecycle_check("pay")
            payment = pay_vendor_bill(self.env, act.move_id, fields.Date.context_today(self))
            act._lifecycle_do("pay", {"payment_id": payment[:1].id})
            # sudo: closing the visit is the system's consequence of the payment; the accountant
            # only reads visits
            act.visit_id.sudo()._lifecycle_run("close", by="system")

    def action_view_bill(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": "account.move", "res_id": self.move_id.id,
                "view_mode": "form"}

    def _approval_institute(self):
        return self.institute_id

    def _approval_curator(self):
        return self.visit_id.curator_id

    def _lifecycle_requester_users(self):
        return self.create_uid
