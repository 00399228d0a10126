from odoo import fields, models


class IntlMobilityApplication(models.Model):
    """A mobility application an opportunity abroad led to names it (counted per institute)."""

    _inherit = "intl.mobility.application"

    opportunity_id = fields.Many2one(
        "intl.opportunity", "Opportunity", tracking=True, index="btree_not_null", domain=[("state", "=", "published")],
        help="The opportunity abroad (scholarship, exchange programme...) this application answers.")
