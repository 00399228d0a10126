from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .intl_trip import IntlTrip as BaseTrip


class IntlTrip(models.Model):
    """A trip funded by a foreign grant project names it (its entries then carry the project's
    analytic account), and a trip an opportunity abroad led to names the opportunity."""

    _inherit = "intl.trip"

    # what the approvers saw: the project paying is fixed from submission as the funding is
    _lifecycle_substance = (*BaseTrip._lifecycle_substance, "grant_project_id", "opportunity_id")

    grant_project_id = fields.Many2one(
        "intl.grant.project", "Grant Project", tracking=True, index="btree_not_null", check_company=True,
        domain=[("state", "=", "running")],
        help="The running foreign grant project funding the trip: its entries carry the project's "
             "analytic account.")
    opportunity_id = fields.Many2one(
        "intl.opportunity", "Opportunity", tracking=True, index="btree_not_null", domain=[("state", "=", "published")],
        help="The opportunity abroad (scholarship, internship, seminar...) the trip answers.")

    @api.constrains("grant_project_id")
    def _check_grant_project_running(self):
        for trip in self.filtered("grant_project_id"):
            # sudo: the project's status decides, whoever may read the project
            if trip.grant_project_id.sudo().state != "running":
                raise ValidationError(self.env._(
                    "%(project)s is not running: only a running grant project funds a trip.",
                    project=trip.grant_project_id.sudo().display_name))

    def _analytic_distribution(self):
        """The grant project's account, in its own plan, for the whole cost of the trip."""
        distribution = super()._analytic_distribution()
        # sudo: the project's account goes on the entries whoever posts them
        account = self.grant_project_id.sudo().analytic_account_id
        if account:
            distribution = dict(distribution, **{str(account.id): 100.0})
        return distribution
