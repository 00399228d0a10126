from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IntlTripFundingLine(models.Model):
    """Who pays which part of a business trip, and where it shows in the analytic ledger.

    A line gives a share (percent) or an amount of the trip's cost; its
    analytic account (a grant project, a budget line) goes on every journal
    item of the trip's payments and advance reports.
    """

    _name = "intl.trip.funding.line"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "trip_id"
    _lifecycle_workflow_fields = ("budget_id",)
    _description = "Trip Funding Line"
    _order = "trip_id, sequence, id"
    _check_company_auto = True

    trip_id = fields.Many2one("intl.trip", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="trip_id.company_id", store=True)
    currency_id = fields.Many2one(related="trip_id.currency_id")
    sequence = fields.Integer(default=10)
    source_id = fields.Many2one("intl.funding.source", "Funding Source", required=True)
    share = fields.Float("Share (%)", digits=(5, 2),
                         help="Part of the trip's cost; leave 0 and give an amount instead.")
    amount = fields.Monetary(help="Amount paid from this source (instead of a share).")
    analytic_account_id = fields.Many2one(
        "account.analytic.account", "Analytic Account", check_company=True,
        compute="_compute_analytic_account_id", store=True, readonly=False, precompute=True)
    note = fields.Char()
    budget_share = fields.Float(
        "Share of the Cost (%)", compute="_compute_budget_share", store=True, digits=(16, 4),
        help="The line's part of the trip's cost: its share, or its amount over the lines' total.")
    budget_id = fields.Many2one(
        "intl.budget", "Budget", readonly=True, copy=False, index="btree_not_null",
        help="Recorded at the submission from the trip's year and institute and the line's source: "
             "the line's share of the estimate is committed there, and its entries carry the "
             "budget's analytic account.")

    @api.depends("share", "amount", "trip_id.funding_line_ids.share", "trip_id.funding_line_ids.amount")
    def _compute_budget_share(self):
        for line in self:
            siblings = line.trip_id.funding_line_ids
            if siblings and all(sibling.share for sibling in siblings):
                line.budget_share = line.share
            else:
                total = sum(siblings.mapped("amount"))
                line.budget_share = 100.0 * line.amount / total if total else 0.0

    @api.depends("source_id")
    def _compute_analytic_account_id(self):
        for line in self:
            if not line.analytic_account_id:
                line.analytic_account_id = line.source_id.analytic_account_id

    @api.constrains("share", "amount")
    def _check_share(self):
        for line in self:
            if line.share < 0 or line.share > 100 or line.amount < 0:
                raise ValidationError(self.env._(
                    "A funding share is between 0 and 100 %, an amount is not negative."))
            line.currency_id._intl_check_amount(line.amount)
