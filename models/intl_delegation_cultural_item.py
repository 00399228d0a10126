from odoo import fields, models


class IntlDelegationCulturalItem(models.Model):
    """An item of the cultural programme (museum, theatre, excursion, ...)."""

    _name = "intl.delegation.cultural.item"
    _description = "Cultural Programme Item"
    _order = "delegation_id, date, id"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade", index=True)
    name = fields.Char("Event", required=True)
    date = fields.Date()
    partner_id = fields.Many2one("res.partner", "Cultural Institution")
    participant_count = fields.Integer("Participants")
    note = fields.Char()
