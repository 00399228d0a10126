from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .intl_delegation import ESTIMATE_LOCKED_STATES

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

ACCOUNTANT = "intl_cooperation.group_intl_accountant"


class IntlDelegation(models.Model):
    """A delegation's money: its budget and the vendor bills of its actual costs.

    Committed: the estimate approved with the programme, line by line until
    the line is billed; the vendor bills (one per supplier: hotel, catering,
    transport, culture) carry the budget's analytic account.
    """

    _name = "intl.delegation"
    _inherit = ["intl.delegation", "intl.budget.mixin"]

    funding_source_id = fields.Many2one(
        "intl.funding.source", "Funding Source", tracking=True,
        default=lambda self: self.env.ref("intl_cooperation.intl_funding_source_budget",
                                          raise_if_not_found=False))
    bill_ids = fields.Many2many("account.move", compute="_compute_bill_ids", string="Vendor Bills")
    bill_count = fields.Integer(compute="_compute_bill_ids")

    def _lifecycle_protected_fields(self):
        return super()._lifecycle_protected_fields() | self._budget_protected_fields()

    def _compute_bill_ids(self):
        lines = dict(self.env["intl.delegation.cost.line"]._read_group(
            [("delegation_id", "in", self.ids), ("move_id", "!=", False)],
            ["delegation_id"], ["move_id:array_agg"]))
        for visit in self:
            visit.bill_ids = self.env["account.move"].browse(sorted(set(lines.get(visit, []))))
            visit.bill_count = len(visit.bill_ids)

    def _budget_key(self):
        self.ensure_one()
        return (self.company_id, self.date_arrival.year if self.date_arrival else False,
                self.funding_source_id, self.institute_id)

    def _budget_amount(self):
        self.ensure_one()
        return self.amount_total

    def _budget_open(self):
        self.ensure_one()
        return self.state in ("draft", "decision_requested", "approved", "invitation_sent", "programme_review")

    def _budget_is_committed(self):
        self.ensure_one()
        return self.state in ESTIMATE_LOCKED_STATES

    def _approval_check_can_submit(self, purpose):
        result = super()._approval_check_can_submit(purpose)
        if purpose == "programme":
            self._budget_check_submission()
        return result

    def _analytic_distribution(self):
        self.ensure_one()
        account = self.budget_id.analytic_account_id or self.funding_source_id.analytic_account_id
        return {str(account.id): 100.0} if account else {}

    def action_create_bills(self):
        """The accountant turns the actual costs into vendor bills, one per supplier."""
        if not self.env.user.has_group(ACCOUNTANT):
            raise UserError(self.env._("Only an accountant creates the vendor bills of a delegation."))
        for visit in self:
            visit._create_bills()

    def _create_bills(self):
        self.ensure_one()
        if self.state not in ESTIMATE_LOCKED_STATES:
            raise UserError(self.env._("The programme and estimate of %(visit)s are not approved yet.",
                                       visit=self.display_name))
        # sudo: the accountant bills the lines of a visit run by DIC (read-only to them)
        lines = self.sudo().cost_line_ids.filtered(lambda line: not line.move_id and line.actual_amount > 0)
        if not lines:
            raise UserError(self.env._("%(visit)s has no actual cost left to bill.", visit=self.display_name))
        missing = lines.filtered(lambda line: not line.partner_id)
        if missing:
            raise UserError(self.env._(
                "Name the supplier of every cost to bill: %(lines)s.",
                lines=", ".join(missing.mapped("name"))))
        company = self.company_id._intl_scholar_accounting()
        journal = company.intl_scholar_purchase_journal_id
        if not journal:
            raise UserError(self.env._("Create a purchase journal for the bills in Accounting."))
        distribution = self._analytic_distribution() or False
        moves = self.env["account.move"]
        for partner, partner_lines in lines.grouped("partner_id").items():
            invoice_lines = []
            for line in partner_lines:
                account = line.category_id.with_company(company).account_id
                if not account:
                    raise UserError(self.env._(
                        "Set the expense account of the cost category %(category)s.",
                        category=line.category_id.name))
                invoice_lines.append(Command.create({
                    "name": f"{self.name}: {line.name}", "account_id": account.id, "quantity": 1.0,
                    "price_unit": line.actual_amount, "tax_ids": [Command.clear()],
                    "analytic_distribution": distribution}))
            move = self.env["account.move"].create({
                "move_type": "in_invoice", "company_id": company.id, "journal_id": journal.id,
                "partner_id": partner.id, "invoice_date": fields.Date.context_today(self),
                "ref": self.name, "currency_id": company.currency_id.id,
                "invoice_line_ids": invoice_lines,
            })
            move.action_post()
            # sudo: the bill is the line's record of the books, written by the system
            partner_lines.sudo()._lifecycle_write({"move_id": move.id})
            moves |= move
        # sudo: the accountant reads the visit only; the note of the bills is the system's record
        self.sudo()._intl_message_post(_lt("Vendor bills of the actual costs: %(bills)s.",
                                    bills=", ".join(moves.mapped("name"))),
                                subtype_xmlid="mail.mt_note")
        return moves

    def action_view_bills(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "name": self.env._("Vendor Bills"),
                "res_model": "account.move", "view_mode": "list,form",
                "domain": [("id", "in", self.bill_ids.ids)], "context": {"create": False}}


class IntlDelegationCostCategory(models.Model):
    _inherit = "intl.delegation.cost.category"

    account_id = fields.Many2one("account.account", "Expense Account", company_dependent=True,
                                 domain="[('account_type', 'in', ('expense', 'expense_direct_cost'))]",
                                 help="The account of the vendor bills of this category.")


class IntlDelegationCostLine(models.Model):
    _inherit = "intl.delegation.cost.line"

    partner_id = fields.Many2one("res.partner", "Supplier",
                                 help="The hotel, caterer, carrier or cultural institution billed.")
    move_id = fields.Many2one("account.move", "Vendor Bill", readonly=True, copy=False, index="btree_not_null")
    budget_id = fields.Many2one(related="delegation_id.budget_id", store=True, index="btree_not_null")

    def _lifecycle_protected_fields(self):
        return super()._lifecycle_protected_fields() | {"move_id"}

    def write(self, vals):
        if self.filtered("move_id") and set(vals) - {"sequence"} and not self._lifecycle_trusted():
            raise UserError(self.env._("A billed cost is in the books: it no longer changes."))
        return super().write(vals)


class IntlDelegationGuaranteeLine(models.Model):
    _inherit = "intl.delegation.guarantee.line"

    bill_ids = fields.Many2many("account.move", compute="_compute_bill_ids", string="Vendor Bills",
                                help="The vendor bills of the supplier guaranteed by this letter.")

    def _compute_bill_ids(self):
        lines = self.env["intl.delegation.cost.line"].search(
            [("delegation_id", "in", self.delegation_id.ids), ("move_id", "!=", False)])
        for guarantee in self:
            guarantee.bill_ids = lines.filtered(
                lambda line, g=guarantee: line.delegation_id == g.delegation_id
                and line.partner_id == g.partner_id).move_id
