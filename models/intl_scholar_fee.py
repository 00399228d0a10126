from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from .intl_scholar_billing import create_vendor_bill, pay_vendor_bill

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


class IntlScholarFee(models.Model):
    """A state fee for an invited scholar's visa or invitation, paid by the university.

    Its amount is the fee's number of MCI times the MCI in force on the
    payment date; the payment carries the KBK and KNP codes. The accountant
    posts it as a vendor bill to the state revenue body, paid from the bank.
    """

    _name = "intl.scholar.fee"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Invited Scholar State Fee"
    _order = "date desc, id desc"
    _check_company_auto = True

    _lifecycle_workflow_fields = ("move_id", "payment_id")
    _lifecycle_parent_field = "visit_id"
    _lifecycle_locked_states = ("posted",)
    _lifecycle_transitions = {
        "post": {"from": ("draft",), "to": "posted", "who": ("intl_cooperation.group_intl_accountant",),
                 "guard": "_guard_post"},
        "cancel": {"from": ("draft",), "to": "cancel", "who": ("intl_cooperation.group_intl_officer",
                                                                "intl_cooperation.group_intl_accountant")},
    }

    visit_id = fields.Many2one("intl.scholar.visit", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    currency_id = fields.Many2one("res.currency", compute="_compute_amount", store=True)
    kind_id = fields.Many2one("intl.state.fee.kind", "Fee", required=True)
    date = fields.Date("Payment Date", required=True, default=fields.Date.context_today)
    mci_factor = fields.Float("MCI", related="kind_id.mci_factor")
    mci_id = fields.Many2one("intl.mci", "MCI in Force", compute="_compute_amount", store=True)
    mci_value = fields.Monetary("MCI Value", compute="_compute_amount", store=True)
    amount = fields.Monetary(compute="_compute_amount", store=True)
    kbk = fields.Char("KBK", compute="_compute_codes", store=True, readonly=False)
    knp = fields.Char("KNP", compute="_compute_codes", store=True, readonly=False)
    state = fields.Selection([("draft", "To Pay"), ("posted", "Paid"), ("cancel", "Cancelled")],
                             default="draft", required=True, readonly=True)
    move_id = fields.Many2one("account.move", "Vendor Bill", readonly=True, copy=False,
                              check_company=True)
    payment_id = fields.Many2one("account.payment", "Payment", readonly=True, copy=False,
                                 check_company=True)

    @api.depends("kind_id.mci_factor", "date")
    def _compute_amount(self):
        Mci = self.env["intl.mci"]
        for fee in self:
            mci = Mci.search([("date_from", "<=", fee.date)], order="date_from desc", limit=1) \
                if fee.date else Mci
            fee.mci_id = mci
            fee.currency_id = mci.currency_id or self.env.ref("base.KZT")
            fee.mci_value = mci.value
            fee.amount = fee.currency_id.round(fee.kind_id.mci_factor * mci.value)

    @api.constrains("date")
    def _check_mci(self):
        for fee in self:
            self.env["intl.mci"]._value_on(fee.date)

    @api.depends("kind_id")
    def _compute_codes(self):
        for fee in self:
            fee.kbk = fee.kind_id.kbk
            fee.knp = fee.kind_id.knp

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(fee.state == "posted" for fee in self):
            raise UserError(self.env._("A paid state fee is never deleted."))

    def _compute_display_name(self):
        for fee in self:
            fee.display_name = f"{fee.kind_id.name or ''} ({fee.date or ''})"

    def _guard_post(self):
        company = self.company_id
        if not company.intl_scholar_fee_account_id or not company.intl_scholar_fee_partner_id:
            return self.env._("Set the state fee account and recipient in the "
                              "International Cooperation settings.")
        return False

    def action_post(self):
        for fee in self:
            fee._lifecycle_check("post")
            company = fee.company_id
            label = self.env._("State fee: %(fee)s, %(scholar)s (%(mci)s MCI x %(value)s); KBK %(kbk)s, KNP %(knp)s",
                               fee=fee.kind_id.name, scholar=fee.visit_id.scholar_id.name,
                               mci=fee.mci_factor, value=fee.mci_value, kbk=fee.kbk or "",
                               knp=fee.knp or "")
            move = create_vendor_bill(
                self.env, company, company.intl_scholar_fee_partner_id,
                company.intl_scholar_fee_account_id, fee.amount, fee.currency_id, label,
                f"{fee.visit_id.name} KBK {fee.kbk} KNP {fee.knp}", fee.date,
                analytic_distribution=fee.visit_id._analytic_distribution())
            payment = pay_vendor_bill(self.env, move, fee.date)
            fee._lifecycle_do("post", {"move_id": move.id, "payment_id": payment[:1].id})
            fee.visit_id._intl_message_post(
                _lt("%(fee)s paid: %(amount)s (%(entry)s)", fee=fee.kind_id,
                    amount=intl_message.amount(fee.amount, fee.currency_id), entry=move.name),
                subtype_xmlid="mail.mt_note")

    def action_cancel(self):
        return self._lifecycle_run("cancel")
