from odoo import fields, models


class IntlScholarUnplanned(models.TransientModel):
    """The DIC Director records why a scholar is invited outside the approved semester plan."""

    _name = "intl.scholar.unplanned"
    _description = "Invite a Scholar Outside the Plan"

    visit_id = fields.Many2one("intl.scholar.visit", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.visit_id._do_allow_unplanned(self.reason)
