from odoo import api, fields, models
from odoo.exceptions import AccessError

# the org chart decides approvers (unit heads) and record rules (institutes): only HR
# administrators (Odoo's HR managers) change it, and every change is in the chatter
ORG_CHART_FIELDS = {"manager_id", "parent_id", "intl_kind", "active", "company_id"}
ORG_CHART_GROUP = "hr.group_hr_manager"


class HrDepartment(models.Model):
    """Institutes and academic departments of the university."""

    _inherit = "hr.department"

    intl_kind = fields.Selection(
        [
            ("institute", "Institute"),
            ("academic", "Academic department"),
            ("administrative", "Administrative unit"),
        ],
        "Unit Kind", default="administrative", tracking=True,
    )
    parent_id = fields.Many2one(tracking=True)
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

    @api.model_create_multi
    def create(self, vals_list):
        self._intl_check_org_chart_keeper()
        return super().create(vals_list)

    def write(self, vals):
        if ORG_CHART_FIELDS & set(vals):
            self._intl_check_org_chart_keeper()
        return super().write(vals)

    def _intl_check_org_chart_keeper(self):
        """DIC officers and HR officers read the org chart and work with it; changing who
        heads a unit or where it belongs is the HR administrators' (it moves approvers)."""
        if self.env.su or self.env.user.has_group(ORG_CHART_GROUP):
            return
        raise AccessError(self.env._(
            "Only HR administrators change the org chart (unit heads, parent units): it decides "
            "who approves and who reads what."))
