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

    @api.depends_context("uid")
    def _compute_budget_info(self):
        matched = self.env["intl.budget"]._match(
            [record._budget_key() for record in self if not record.budget_id])
        for record in self:
            budget = record.budget_id or matched.get(record._budget_key(), self.env["intl.budget"])
            # sudo: the figures of the budget are shown to whoever prepares or decides the record
            budget_sudo = budget.sudo()
            left = budget_sudo.amount_left
            if budget and record._budget_is_committed():
                left += record._budget_amount()
            need = record._budget_amount()
            record.budget_display_id = budget
            record.budget_currency_id = record.company_id.currency_id
            record.budget_left = left if budget else 0.0
            record.budget_exceeded = bool(budget) and record._budget_open() and need > left + 0.005
            record.budget_warning = self.env._(
                "%(budget)s has %(left)s left; this needs %(need)s (%(over)s over the budget).",
                budget=budget_sudo.name, left=record._budget_money(left),
                need=record._budget_money(need), over=record._budget_money(need - left),
            ) if record.budget_exceeded else False

    def _budget_money(self, amount):
        return formatLang(self.env, amount, currency_obj=self.company_id.currency_id or self.env.company.currency_id)

    def _budget_protected_fields(self):
        return set(BUDGET_FIELDS)

    def _budget_check_submission(self):
        """Record the budget; refuse or warn beyond what is left (Management's override passes)."""
        matched = self.env["intl.budget"]._match([record._budget_key() for record in self])
        for record in self:
            budget = matched.get(record._budget_key())
            if not budget:
                continue
            record._lifecycle_write({"budget_id": budget.id})
            record.invalidate_recordset(["budget_left", "budget_exceeded", "budget_warning"])
            if not record.budget_exceeded:
                continue
            # sudo: the budget's rule is read whoever submits
            if budget.sudo().on_exceed == "refuse" and not record.budget_override_reason:
                raise UserError(self.env._(
                    "%(record)s cannot be submitted: %(warning)s Management can allow it with a "
                    "reason (Allow Over Budget).", record=record.display_name,
                    warning=record.budget_warning))
            record._intl_message_post(
                _lt("Over the budget %(budget)s: %(left)s left, %(need)s needed.",
                    budget=budget.sudo().name,
                    left=intl_message.amount(record.budget_left, record.company_id.currency_id),
                    need=intl_message.amount(record._budget_amount(), record.company_id.currency_id)),
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
