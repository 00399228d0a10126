from odoo import fields, models


class ResCompany(models.Model):
    """The university's own Erasmus Without Paper identifiers (kept on its partner, as for partners)."""

    _inherit = "res.company"

    intl_schac_code = fields.Char(related="partner_id.intl_schac_code", readonly=False)
    intl_erasmus_code = fields.Char(related="partner_id.intl_erasmus_code", readonly=False)
    intl_pic = fields.Char(related="partner_id.intl_pic", readonly=False)
