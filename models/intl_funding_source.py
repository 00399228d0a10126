from odoo import fields, models


class IntlFundingSource(models.Model):
    """Who pays a business trip (editable list)."""

    _name = "intl.funding.source"
    _description = "Trip Funding Source"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    host_pays_all = fields.Boolean(
        "Host Pays Everything",
        help="The host party covers every expense: no cost estimate, no advance, no advance report.",
    )
    no_advance = fields.Boolean(
        "No Advance Needed",
        help="The traveller pays from their own funds: no advance and no advance report.",
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account", "Analytic Account",
        help="Default analytic account of the trips funded from this source (a grant, a budget line).",
    )
