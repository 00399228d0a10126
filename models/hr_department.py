from odoo import api, fields, models


class HrDepartment(models.Model):
    """Institutes and academic departments of the university."""

    _inherit = "hr.department"

    intl_kind = fields.Selection(
        [
            ("institute", "Institute"),
            ("academic", "Academic department"),
            ("administrative", "Administrative unit"),
        ],
        "Unit Kind", default="administrative",
    )
    intl_institute_id = fields.Many2one(
        "hr.department", "Institute", compute="_compute_intl_institute_id",
        store=True, recursive=True, index=True,
        help="The institute this unit belongs to: itself or its nearest institute above.",
    )

    @api.depends("intl_kind", "parent_id.intl_institute_id")
    def _compute_intl_institute_id(self):
        for department in self:
            if department.intl_kind == "institute":
                department.intl_institute_id = department
            else:
                department.intl_institute_id = department.parent_id.intl_institute_id
