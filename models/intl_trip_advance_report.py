from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

ACCOUNTANT = "intl_cooperation.group_intl_accountant"


class IntlTripAdvanceReport(models.Model):
    """What the traveller spent, with receipts; the accountant approves and posts it.

    Posting debits the expense account of each category and credits the
    employee advances account for the total spent.
    """

    _name = "intl.trip.advance.report"
    _inherit = ["mail.thread", "intl.lifecycle.mixin"]
    _description = "Trip Advance Report"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    trip_id = fields.Many2one("intl.trip", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one(related="trip_id.company_id", store=True)
    currency_id = fields.Many2one(related="trip_id.money_currency_id", string="Advance Currency")
    company_currency_id = fields.Many2one(related="trip_id.currency_id", string="Company Currency")
    employee_id = fields.Many2one(related="trip_id.employee_id", store=True)
    user_id = fields.Many2one(related="trip_id.user_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("posted", "Posted"),
         ("cancel", "Reversed")],
        default="draft", required=True, readonly=True, tracking=True)
    line_ids = fields.One2many("intl.trip.advance.report.line", "report_id", "Expenses", copy=True)
    total_amount = fields.Monetary("Total Spent", compute="_compute_total_amount", store=True,
                                   help="Accepted expenses in the advance currency.")
    total_amount_company = fields.Monetary(
        "Total Spent (Company Currency)", compute="_compute_total_amount", store=True,
        currency_field="company_currency_id")
    excess_count = fields.Integer("Lines Above the Norm", compute="_compute_excess_count")
    total_words = fields.Char(compute="_compute_total_words")
    amount_advanced = fields.Monetary(related="trip_id.amount_advanced")
    move_id = fields.Many2one("account.move", "Journal Entry", readonly=True, copy=False,
                              check_company=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    # for the annual report: money spent by funding source, by the date of the posted entry
    funding_source_id = fields.Many2one(related="trip_id.funding_source_id", store=True, index=True)
    move_date = fields.Date("Entry Date", related="move_id.date", store=True, index=True)

    _lifecycle_transitions = {
        "submit": {"from": ("draft",), "to": "submitted", "who": ("requester", ACCOUNTANT),
                   "guard": "_guard_submit"},
        "post": {"from": ("submitted",), "to": "posted", "who": (ACCOUNTANT,),
                 "guard": "_guard_post"},
        "reset": {"from": ("submitted",), "to": "draft", "who": ("requester", ACCOUNTANT)},
        "reverse": {"from": ("posted",), "to": "cancel", "who": (ACCOUNTANT,),
                    "guard": "_guard_reverse"},
    }
    _lifecycle_workflow_fields = ("move_id", "approved_by_id")
    # what the accountant checks and posts: fixed from submission (reset brings it back)
    _lifecycle_substance = ("date", "line_ids")
    _lifecycle_parent_field = "trip_id"
    _lifecycle_locked_states = ("posted", "cancel")

    can_submit = fields.Boolean(compute="_compute_lifecycle_can")
    can_post = fields.Boolean(compute="_compute_lifecycle_can")
    can_reset = fields.Boolean(compute="_compute_lifecycle_can")
    can_reverse = fields.Boolean(compute="_compute_lifecycle_can")

    @api.depends("trip_id.name", "date")
    def _compute_name(self):
        for report in self:
            report.name = self.env._("Advance report %(trip)s", trip=report.trip_id.name or "")

    @api.depends("line_ids.amount_accepted_money", "line_ids.amount_accepted_company")
    def _compute_total_amount(self):
        for report in self:
            report.total_amount = sum(report.line_ids.mapped("amount_accepted_money"))
            report.total_amount_company = sum(report.line_ids.mapped("amount_accepted_company"))

    @api.depends("line_ids.excess_amount")
    def _compute_excess_count(self):
        for report in self:
            report.excess_count = len(report.line_ids.filtered(
                lambda line: not line.currency_id.is_zero(line.excess_amount)))

    @api.depends("total_amount")
    @api.depends_context("lang")
    def _compute_total_words(self):
        for report in self:
            report.total_words = report.currency_id.intl_amount_to_words(report.total_amount)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(report.state != "draft" for report in self):
            raise UserError(self.env._("Submitted advance reports are never deleted."))

    def _lifecycle_requester_users(self):
        return self.user_id

    def _guard_submit(self):
        if not self.line_ids:
            return self.env._("Add the expenses to the advance report.")
        if self.trip_id.state not in ("returned", "done"):
            return self.env._("Register the return of the trip first.")
        if self.trip_id.no_advance:
            return self.env._("%(trip)s needs no advance report (host or personal funds).",
                              trip=self.trip_id.name)
        missing = self.line_ids.filtered(lambda line: not line.is_per_diem and not line.attachment_ids)
        if missing:
            return self.env._("Attach the receipt of every expense but per diem: %(lines)s.",
                              lines=", ".join(missing.mapped("name")))
        return False

    def _guard_post(self):
        undecided = self.line_ids.filtered(
            lambda line: not line.currency_id.is_zero(line.excess_amount) and not line.excess_decision)
        if undecided:
            return self.env._(
                "%(lines)s exceed the norm: accept the excess with a reason or charge it to the "
                "traveller first.", lines=", ".join(undecided.mapped("name")))
        return False

    def action_submit(self):
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("Only a draft advance report can be submitted."))
        self._lifecycle_run("submit")
        self.trip_id.activity_feedback(["intl_cooperation.mail_activity_type_trip_report"],
                                       feedback=self.env._("Advance report submitted"))

    def action_post(self):
        self.trip_id._check_is_accountant()
        self._check_can_post()
        self._do_post()

    def _check_can_post(self):
        for report in self:
            if report.state != "submitted":
                raise UserError(self.env._("Only a submitted advance report can be posted."))
        self._lifecycle_check("post")

    def _do_post(self):
        for report in self:
            move = self.env["account.move"].create(report._prepare_move_vals())
            move.action_post()
            report._lifecycle_do("post", {"move_id": move.id, "approved_by_id": self.env.uid})

    def action_reset(self):
        for report in self:
            if report.state != "submitted":
                raise UserError(self.env._("Only a submitted advance report goes back to draft."))
        self._lifecycle_run("reset")
        # the traveller may change the lines: the accountant decides their excess again
        self.line_ids.filtered("excess_decision")._lifecycle_write(
            {"excess_decision": False, "excess_reason": False})

    def _guard_reverse(self):
        if self.trip_id.settled_date:
            return self.env._("The trip is settled: its report cannot be reversed.")
        return False

    def action_reverse(self):
        self.trip_id._check_is_accountant()
        for report in self:
            if report.state != "posted":
                raise UserError(self.env._("Only a posted advance report can be reversed."))
        self._lifecycle_check("reverse")
        for report in self:
            report.move_id._reverse_moves(
                [{"ref": self.env._("Reversal of %(entry)s", entry=report.move_id.name),
                  "date": fields.Date.context_today(self)}], cancel=True)
            report._lifecycle_do("reverse")

    def _prepare_move_vals(self):
        """Debit each category's expense account in the line's currency, credit the advances.

        The advances are credited in the advance currency (the amount each line
        is worth in it on its date), so that the trip's items reconcile in that
        currency; the company-currency values are those of each line's date.
        """
        self.ensure_one()
        trip = self.trip_id
        company = trip.company_id
        advance_account = trip._get_advance_account()
        partner = trip._get_traveller_partner()
        journal = company.intl_expense_journal_id
        if not journal:
            raise UserError(self.env._(
                "Set the advance report journal in the International Cooperation settings."))
        distribution = trip._analytic_distribution() or False
        label = self.env._("Advance report: %(trip)s, %(employee)s",
                           trip=trip.name, employee=trip.employee_id.name)
        grouped = defaultdict(lambda: [0.0, 0.0])
        for line in self.line_ids.filtered(lambda line: not line.currency_id.is_zero(line.amount_accepted)):
            account = line.category_id.with_company(company).account_id \
                or company.intl_trip_expense_account_id
            if not account:
                raise UserError(self.env._("The category %(category)s has no expense account.",
                                           category=line.category_id.name))
            key = (account, line.currency_id)
            grouped[key][0] += line.amount_accepted
            grouped[key][1] += line.amount_accepted_company
        line_vals = [
            fields.Command.create({
                "name": label, "account_id": account.id, "partner_id": partner.id,
                "currency_id": currency.id, "amount_currency": currency.round(amount),
                "balance": company.currency_id.round(balance),
                "analytic_distribution": distribution})
            for (account, currency), (amount, balance) in grouped.items()
        ]
        total_balance = sum(company.currency_id.round(balance) for _amount, balance in grouped.values())
        line_vals.append(fields.Command.create({
            "name": label, "account_id": advance_account.id, "partner_id": partner.id,
            "currency_id": self.currency_id.id, "amount_currency": -self.currency_id.round(self.total_amount),
            "balance": -total_balance, "analytic_distribution": distribution}))
        return {"move_type": "entry", "journal_id": journal.id, "date": self.date, "ref": label,
                "company_id": company.id, "intl_trip_id": trip.id, "line_ids": line_vals}
