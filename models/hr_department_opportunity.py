from odoo import fields, models


class HrDepartment(models.Model):
    """When the institute's coordinators last got the digest of opportunities abroad."""

    _inherit = "hr.department"

    intl_opportunity_digest_at = fields.Datetime(
        "Opportunities Digest Sent on", readonly=True, copy=False,
        groups="intl_cooperation.group_intl_officer",
        help="The weekly digest of opportunities abroad last mailed to the institute's coordinators.")
