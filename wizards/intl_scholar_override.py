from odoo import fields, models


class IntlScholarOverride(models.TransientModel):
    """The DIC Director allows a scholar's file later than 40 days before arrival, with a reason."""

    _name = "intl.scholar.override"
    _description = "Allow a Late Scholar File"

    visit_id = fields.Many2one("intl.scholar.visit", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.visit_id._do_allow_late(self.reason)
