from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IntlDelegation(models.Model):
    """A delegation received under a foreign grant project names it."""

    _inherit = "intl.delegation"

    grant_project_id = fields.Many2one(
        "intl.grant.project", "Grant Project", tracking=True, index="btree_not_null", check_company=True,
        domain=[("state", "=", "running")],
        help="The running foreign grant project funding the visit.")

    @api.constrains("grant_project_id")
    def _check_grant_project_running(self):
        for delegation in self.filtered("grant_project_id"):
            # sudo: the project's status decides, whoever may read the project
            if delegation.grant_project_id.sudo().state != "running":
                raise ValidationError(self.env._(
                    "%(project)s is not running: only a running grant project funds a delegation.",
                    project=delegation.grant_project_id.sudo().display_name))
