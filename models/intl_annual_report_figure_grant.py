from odoo import fields, models


class IntlAnnualReportFigure(models.Model):
    """The figures of the foreign grant projects (§1 activity 7)."""

    _inherit = "intl.annual.report.figure"

    section = fields.Selection(selection_add=[("grants", "Foreign Grant Projects")],
                               ondelete={"grants": "cascade"})
    code = fields.Selection(selection_add=[
        ("grant_submitted", "Grant projects submitted"),
        ("grant_won", "Grant projects won"),
        ("grant_running", "Grant projects running"),
        ("grant_running_by_institute", "Grant projects running by institute"),
    ], ondelete={"grant_submitted": "cascade", "grant_won": "cascade", "grant_running": "cascade",
                 "grant_running_by_institute": "cascade"})
