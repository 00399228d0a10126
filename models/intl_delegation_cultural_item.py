from odoo import fields, models


class IntlDelegationCulturalItem(models.Model):
    """An item of the cultural programme (museum, theatre, excursion, ...)."""

    _name = "intl.delegation.cultural.item"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "delegation_id"
    _lifecycle_workflow_fields = ()
    _check_company_auto = True
    _description = "Cultural Programme Item"
    _order = "delegation_id, date, id"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="delegation_id.company_id", store=True, index=True)
    name = fields.Char("Event", required=True)
    date = fields.Date()
    partner_id = fields.Many2one("res.partner", "Cultural Institution")
    participant_count = fields.Integer("Participants")
    note = fields.Char()
