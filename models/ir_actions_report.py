from odoo import models


class IrActionsReport(models.Model):
    """The module's papers are legal papers of the university: their dates and times are in the
    company's time zone (Asia/Almaty), whoever prints them and wherever their browser is."""

    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        report = self._get_report(report_ref)
        if report.report_name and report.report_name.startswith("intl_cooperation."):
            tz = self.env["intl.disciplinary.case"]._paper_tz_name(self.env.company)
            if tz:
                self = self.with_context(tz=tz)
        return super()._render_qweb_html(report_ref, docids, data=data)
