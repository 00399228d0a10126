from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

MANAGEMENT = "intl_cooperation.group_intl_management"
BUDGET_FIELDS = ("budget_id", "budget_override_reason", "budget_override_user_id")


class IntlBudgetMixin(models.AbstractModel):
    """A record charged to a budget (trip, delegation, scholar visit).

    Its submission finds the budget of its year, company, funding source and
    institute, records it and compares what it needs with what is left: over
    the budget it is warned in the chatter, or refused when the budget says so
    unless Management allowed it with a reason. The models declare
    ``_budget_key`` and ``_budget_amount`` (intl.budget._figures sums what they commit).
    """

    _name = "intl.budget.mixin"
    _description = "Charged to a Budget"

    budget_id = fields.Many2one("intl.budget", "Budget", readonly=True, copy=False, index=True,
                                help="Recorded at the submission from the year, funding source and institute.")
    budget_override_reason = fields.Text("Over Budget Allowed Because", readonly=True, copy=False)
    budget_override_user_id = fields.Many2one("res.users", "Over Budget Allowed By", readonly=True,
                                              copy=False)
    budget_display_id = fields.Many2one("intl.budget", compute="_compute_budget_info")
    budget_currency_id = fields.Many2one("res.currency", compute="_compute_budget_info")
    budget_left = fields.Monetary(compute="_compute_budget_info",
                                  currency_field="budget_currency_id",
                                  help="What the budget has left, without this record's amount.")
    budget_exceeded = fields.Boolean(compute="_compute_budget_info")
    budget_warning = fields.Char(compute="_compute_budget_info")

    def _budget_key(self):
        """``(company, year, funding source, institute)`` of the record."""
        raise NotImplementedError

    def _budget_amount(self):
        """What the record needs from its budget, in the company's currency."""
        raise NotImplementedError

    def _budget_open(self):
        """Whether the record is still to be decided (the budget is checked against it)."""
        return True

    def _budget_is_committed(self):
        """Whether the record's amount is already in its budget's committed figure."""
        return False

    def _budget_parts(self):
        """``[(key, amount, holder)]``: what the record needs from the budget of each key; the
        holder (the record, or one of its funding lines) records the budget at the submission.
        One part by default: the whole amount on the record's own key."""
        self.ensure_one()
        return [(self._budget_key(), self._budget_amount(), self)]

    def _budget_needs(self, matched=None):
        """``{budget: amount}`` the record needs from each of its budgets (recorded, else matched)."""
        self.ensure_one()
        Budget = self.env["intl.budget"]
        if matched is None:
            matched = Budget._match([key for key, _amount, holder in self._budget_parts()
                                     if not holder.budget_id])
        needs = {}
        for key, amount, holder in self._budget_parts():
            budget = holder.budget_id or matched.get(key, Budget)
            if budget:
                needs[budget] = needs.get(budget, 0.0) + amount
        return needs

    @api.depends_context("uid")
    def _compute_budget_info(self):
        Budget = self.env["intl.budget"]
        parts = {record: record._budget_parts() for record in self}
        matched = Budget._match([record._budget_key() for record in self if not record.budget_id] + [
            key for record_parts in parts.values() for key, _amount, holder in record_parts
            if not holder.budget_id])
        # sudo: the figures of the budgets are shown to whoever prepares or decides the record
        budgets = Budget.browse({budget.id for record in self
                                 for budget in record._budget_needs(matched)}).sudo()
        budgets.mapped("amount_left")  # the figures of every budget of the batch at once
        for record in self:
            budget = record.budget_id or matched.get(record._budget_key(), Budget)
            committed = record._budget_is_committed()
            needs = record._budget_needs(matched)
            # what each budget has left without this record (its committed amount given back)
            lefts = {needed: needed.sudo().amount_left + (need if committed else 0.0)
                     for needed, need in needs.items()}
            over = [needed for needed, need in needs.items() if need > lefts[needed] + 0.005]
            left = lefts.get(budget)
            if left is None:
                left = budget.sudo().amount_left if budget else 0.0
            record.budget_display_id = budget or next(iter(needs), Budget)
            record.budget_currency_id = record.company_id.currency_id
            record.budget_left = left if record.budget_display_id else 0.0
            record.budget_exceeded = bool(over) and record._budget_open()
            record.budget_warning = " ".join(self.env._(
                "%(budget)s has %(left)s left; this needs %(need)s (%(over)s over the budget).",
                budget=needed.sudo().name, left=record._budget_money(lefts[needed]),
                need=record._budget_money(needs[needed]),
                over=record._budget_money(needs[needed] - lefts[needed]),
            ) for needed in over) if record.budget_exceeded else False

    def _budget_money(self, amount):
        return formatLang(self.env, amount, currency_obj=self.company_id.currency_id or self.env.company.currency_id)

    def _budget_protected_fields(self):
        return set(BUDGET_FIELDS)

    def _budget_check_submission(self):
        """Record the budgets; beyond what one of them has left, refuse when that budget says so
        (unless Management allowed it with a reason), else warn in the chatter."""
        matched = self.env["intl.budget"]._match([
            key for record in self
            for key in [record._budget_key(), *(part[0] for part in record._budget_parts())]])
        for record in self:
            budget = matched.get(record._budget_key())
            if budget or record.budget_id:
                record._lifecycle_write({"budget_id": budget.id if budget else False})
            for key, _amount, holder in record._budget_parts():
                found = matched.get(key, holder.budget_id.browse())
                if holder != record and holder.budget_id != found:
                    holder._lifecycle_write({"budget_id": found.id})
            record.invalidate_recordset(["budget_left", "budget_exceeded", "budget_warning",
                                         "budget_display_id"])
            if not record.budget_exceeded:
                continue
            committed = record._budget_is_committed()
            over = []
            for needed, need in record._budget_needs().items():
                # sudo: the budget's rule and figures are read whoever submits
                needed = needed.sudo()
                left = needed.amount_left + (need if committed else 0.0)
                if need > left + 0.005:
                    over.append((needed, left, need))
            for needed, left, need in over:
                if needed.on_exceed == "refuse" and not record.budget_override_reason:
                    raise UserError(self.env._(
                        "%(record)s cannot be submitted: %(warning)s Management can allow it with a "
                        "reason (Allow Over Budget).", record=record.display_name, warning=self.env._(
                            "%(budget)s has %(left)s left; this needs %(need)s (%(over)s over the "
                            "budget).", budget=needed.name, left=record._budget_money(left),
                            need=record._budget_money(need), over=record._budget_money(need - left))))
            for needed, left, need in over:
                record._intl_message_post(
                    _lt("Over the budget %(budget)s: %(left)s left, %(need)s needed.",
                        budget=needed.name,
                        left=intl_message.amount(left, record.company_id.currency_id),
                        need=intl_message.amount(need, record.company_id.currency_id)),
                    subtype_xmlid="mail.mt_note")

    def action_budget_override(self):
        self.ensure_one()
        self._budget_check_management()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Allow Over Budget"),
            "res_model": "intl.budget.override",
            "view_mode": "form",
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_id": self.id},
        }

    def _budget_check_management(self):
        if not self.env.user.has_group(MANAGEMENT):
            raise UserError(self.env._("Only Management allows a record over its budget."))
        if self.env.user in self._lifecycle_requester_users():
            raise UserError(self.env._("Nobody allows their own record over its budget."))

    def _budget_allow_override(self, reason):
        self._budget_check_management()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for allowing it over the budget."))
        for record in self:
            record._lifecycle_write({"budget_override_reason": reason,
                                     "budget_override_user_id": self.env.uid})
            record._intl_message_post(
                [_lt("Management allowed it over the budget."), _lt("Reason: %(reason)s", reason=reason)],
                subtype_xmlid="mail.mt_note")
