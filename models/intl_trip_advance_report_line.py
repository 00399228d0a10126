from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

EXCESS_DECISIONS = [
    ("accept", "Accepted (with a reason)"),
    ("charge", "Charged to the Traveller"),
]


class IntlTripAdvanceReportLine(models.Model):
    """One expense of an advance report, with its receipt, checked against the trip's norms.

    The amount is converted to the company currency and to the advance currency
    at the rate of the line's date. Per diem is checked against the norm times
    the days of the approved (or shorter actual) period, accommodation against
    the limit per night; the excess is flagged and the accountant accepts it
    with a reason or charges it to the traveller.
    """

    _name = "intl.trip.advance.report.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "report_id"
    _lifecycle_workflow_fields = ("excess_decision", "excess_reason")
    _description = "Trip Advance Report Line"
    _order = "report_id, date, id"
    _check_company_auto = True

    report_id = fields.Many2one("intl.trip.advance.report", required=True, ondelete="cascade",
                                index=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    company_currency_id = fields.Many2one(related="report_id.company_currency_id",
                                          string="Company Currency")
    money_currency_id = fields.Many2one(related="report_id.currency_id", string="Advance Currency")
    category_id = fields.Many2one("intl.trip.expense.category", "Category", required=True)
    is_per_diem = fields.Boolean(related="category_id.is_per_diem")
    date = fields.Date(required=True, default=fields.Date.context_today)
    name = fields.Char("Description", required=True)
    receipt_number = fields.Char("Receipt No.", help="Number of the receipt, ticket or invoice.")
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", required=True, domain="[('active', '=', True)]",
        default=lambda self: self.env.company.currency_id)
    amount_company = fields.Monetary(
        "Amount (Company Currency)", compute="_compute_amounts", store=True,
        currency_field="company_currency_id", aggregator="sum")
    amount_money = fields.Monetary(
        "Amount (Advance Currency)", compute="_compute_amounts", store=True,
        currency_field="money_currency_id", aggregator="sum")
    norm_amount = fields.Monetary(
        "Within the Norm", compute="_compute_norm", store=True, currency_field="currency_id",
        help="The part of the amount within the per-diem norm or the accommodation limit.")
    excess_amount = fields.Monetary(compute="_compute_norm", store=True, currency_field="currency_id")
    norm_note = fields.Char("Norm", compute="_compute_norm", store=True)
    excess_decision = fields.Selection(EXCESS_DECISIONS, readonly=True, copy=False)
    excess_reason = fields.Text(readonly=True, copy=False)
    amount_accepted = fields.Monetary(
        "Accepted", compute="_compute_amount_accepted", store=True, currency_field="currency_id",
        help="What the university bears: the amount, less an excess charged to the traveller.")
    amount_accepted_company = fields.Monetary(
        compute="_compute_amount_accepted", store=True, currency_field="company_currency_id")
    amount_accepted_money = fields.Monetary(
        compute="_compute_amount_accepted", store=True, currency_field="money_currency_id")
    attachment_ids = fields.Many2many(
        "ir.attachment", "intl_trip_advance_report_line_attachment_rel", "line_id",
        "attachment_id", string="Receipts")
    has_receipt = fields.Boolean(compute="_compute_has_receipt")

    @api.depends("amount", "currency_id", "date", "report_id.company_id",
                 "report_id.trip_id.money_currency_id")
    def _compute_amounts(self):
        for line in self:
            company = line.report_id.company_id or self.env.company
            date = line.date or fields.Date.context_today(line)
            money_currency = line.report_id.trip_id.money_currency_id or company.currency_id
            if not line.currency_id:
                # a currency being chosen in the form (cleared, then picked): nothing to convert yet
                line.amount_company = line.amount_money = 0.0
                continue
            line.amount_company = line.currency_id._intl_convert(
                line.amount, company.currency_id, company, date)
            line.amount_money = line.currency_id._intl_convert(line.amount, money_currency, company, date)

    @api.depends("amount", "currency_id", "date", "category_id", "report_id.line_ids.amount",
                 "report_id.line_ids.currency_id", "report_id.line_ids.date",
                 "report_id.line_ids.category_id", "report_id.trip_id.approved_date_from",
                 "report_id.trip_id.approved_date_to", "report_id.trip_id.date_return_actual")
    def _compute_norm(self):
        self.norm_amount = 0.0
        self.excess_amount = 0.0
        self.norm_note = False
        for report in self.report_id:
            (report.line_ids | self.filtered(lambda line, r=report: line.report_id == r)) \
                ._apply_norms(self)

    def _apply_norms(self, targets):
        """Share the norms among the per-diem / accommodation lines of one report (``self``).

        Only the lines of ``targets`` (the records being computed) are written.
        """
        report = self.report_id[:1]
        trip = report.trip_id
        company = report.company_id or self.env.company
        days = trip._norm_days()
        for kind, field in (("per_diem", "is_per_diem"), ("accommodation", "is_accommodation")):
            lines = self.filtered(lambda line, f=field: line.category_id[f] and line.currency_id).sorted(
                lambda line: (line.date or fields.Date.today(), line.id or 0))
            if not lines or not days:
                continue
            rate = trip._find_norm(kind)
            if not rate or not rate.currency_id:
                continue
            count = days if kind == "per_diem" else max(days - 1, 0)
            remaining = rate.amount * count
            note = self.env._("%(amount)s %(currency)s × %(count)s", amount=rate.amount,
                              currency=rate.currency_id.name, count=count)
            for line in lines:
                date = line.date or fields.Date.context_today(line)
                in_rate = line.currency_id._intl_convert(line.amount, rate.currency_id, company, date)
                allowed = min(in_rate, remaining)
                remaining -= allowed
                if rate.currency_id.compare_amounts(allowed, in_rate) >= 0:
                    norm = line.amount
                else:
                    norm = min(line.amount, rate.currency_id._intl_convert(
                        allowed, line.currency_id, company, date))
                if line in targets:
                    line.norm_amount = norm
                    line.excess_amount = line.currency_id.round(line.amount - norm)
                    line.norm_note = note

    @api.depends("amount", "amount_company", "amount_money", "excess_amount", "excess_decision")
    def _compute_amount_accepted(self):
        for line in self:
            charged = line.excess_amount if line.excess_decision == "charge" else 0.0
            ratio = (line.amount - charged) / line.amount if line.amount else 0.0
            line.amount_accepted = line.amount - charged
            line.amount_accepted_company = line.company_currency_id.round(line.amount_company * ratio) \
                if line.company_currency_id else line.amount_company * ratio
            line.amount_accepted_money = line.money_currency_id.round(line.amount_money * ratio) \
                if line.money_currency_id else line.amount_money * ratio

    @api.depends("attachment_ids")
    def _compute_has_receipt(self):
        for line in self:
            line.has_receipt = bool(line.attachment_ids)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._link_receipts()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._link_receipts()
        return result

    def _link_receipts(self):
        """A receipt uploaded on a line not yet saved is stored with no record (res_id 0), and
        Odoo lets nobody but its uploader read such a file: the accountant could not open the
        report. Give the uploader's own orphan files the line as their owner."""
        for line in self:
            # sudo: the uploader's own unlinked files (res_id 0) get the line as their owner;
            # any other attachment keeps its owner
            orphans = line.sudo().attachment_ids.filtered(
                lambda a, uid=self.env.uid: not a.res_id and a.create_uid.id == uid)
            if orphans:
                orphans.write({"res_model": line._name, "res_id": line.id})
            line.sudo().attachment_ids._intl_check_module_owned()

    @api.constrains("currency_id")
    def _check_currency(self):
        if self.filtered(lambda line: not line.currency_id):
            raise ValidationError(self.env._("Choose the currency of each expense line."))

    @api.constrains("amount")
    def _check_amount(self):
        for line in self:
            line.currency_id._intl_check_amount(line.amount)

    @api.constrains("category_id", "report_id")
    def _check_host_category(self):
        for line in self:
            if line.category_id in line.report_id.trip_id.host_category_ids:
                raise ValidationError(self.env._(
                    "The host pays %(category)s: it is not part of the advance report.",
                    category=line.category_id.name))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_decide_excess(self):
        self.ensure_one()
        self._check_can_decide_excess()
        return self._lifecycle_open_wizard(
            "intl.trip.excess.wizard", self.env._("Excess Over the Norm"), {"default_line_id": self.id})

    def _check_can_decide_excess(self):
        self.report_id.trip_id._check_is_accountant()
        for line in self:
            if line.report_id.state != "submitted":
                raise UserError(self.env._("The excess is decided on a submitted advance report."))
            if line.currency_id.is_zero(line.excess_amount):
                raise UserError(self.env._("%(line)s is within the norm.", line=line.name))

    def _do_decide_excess(self, decision, reason):
        self._check_can_decide_excess()
        if decision == "accept" and not (reason or "").strip():
            raise UserError(self.env._("Give the reason for accepting the excess over the norm."))
        self._lifecycle_write({"excess_decision": decision, "excess_reason": reason})
        for line in self:
            line.report_id._intl_message_post(
                _lt("%(line)s: excess of %(amount)s %(decision)s. %(reason)s", line=line.name,
                    amount=intl_message.amount(line.excess_amount, line.currency_id),
                    decision=intl_message.selection(line, "excess_decision", decision), reason=reason),
                subtype_xmlid="mail.mt_note")
