from odoo import fields, models

REPORTS = {
    "memo": "intl_cooperation.intl_degree_programme_report_memo",
    "proposal": "intl_cooperation.intl_degree_programme_report_proposal",
}


class IntlDegreeProgrammePrint(models.TransientModel):
    """Print the programme's memo 403-03 or proposal 403-10 in Kazakh, Russian or English."""

    _name = "intl.degree.programme.print"
    _inherit = ["intl.print.wizard.mixin"]
    _description = "Print Double-Degree Programme Forms"

    programme_id = fields.Many2one("intl.degree.programme", required=True, ondelete="cascade")
    report = fields.Selection([("memo", "Service memo (403-03)"), ("proposal", "Proposal (403-10)")],
                              required=True, default="memo")

    def _get_report_and_docs(self):
        self.ensure_one()
        return self.env.ref(REPORTS[self.report]), self.programme_id
