from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    intl_rector_id = fields.Many2one(related="company_id.intl_rector_id", readonly=False)
    intl_vice_rector_science_id = fields.Many2one(related="company_id.intl_vice_rector_science_id",
                                                  readonly=False)
    intl_vice_rector_academic_id = fields.Many2one(related="company_id.intl_vice_rector_academic_id",
                                                   readonly=False)
    intl_programmes_head_id = fields.Many2one(related="company_id.intl_programmes_head_id", readonly=False)
    intl_approval_grace_days = fields.Integer(related="company_id.intl_approval_grace_days", readonly=False)
    intl_approval_link_days = fields.Integer(related="company_id.intl_approval_link_days", readonly=False)
