from odoo import fields, models


class IntlDegreeIntakePrint(models.TransientModel):
    """Print the selection results of an intake in Kazakh, Russian or English."""

    _name = "intl.degree.intake.print"
    _inherit = ["intl.print.wizard.mixin"]
    _description = "Print Selection Results"

    intake_id = fields.Many2one("intl.degree.intake", required=True, ondelete="cascade")

    def _get_report_and_docs(self):
        self.ensure_one()
        return self.env.ref("intl_cooperation.intl_degree_intake_report_results"), self.intake_id
