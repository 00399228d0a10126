from odoo import api, fields, models


class IntlDegreeIntakePrint(models.TransientModel):
    """Print the selection results of an intake in Kazakh, Russian or English."""

    _name = "intl.degree.intake.print"
    _description = "Print Selection Results"

    intake_id = fields.Many2one("intl.degree.intake", required=True, ondelete="cascade")
    lang = fields.Selection(
        [("kk_KZ", "Kazakh"), ("ru_RU", "Russian"), ("en_US", "English")],
        "Language", required=True, default=lambda self: self._default_lang(),
    )

    @api.model
    def _default_lang(self):
        lang = self.env.user.lang
        return lang if lang in ("kk_KZ", "ru_RU", "en_US") else "en_US"

    def action_print(self):
        self.ensure_one()
        report = self.env.ref("intl_cooperation.intl_degree_intake_report_results")
        return report.with_context(lang=self.lang).report_action(self.intake_id)
