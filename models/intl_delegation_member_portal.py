from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IntlDelegationMember(models.Model):
    """What the delegation's contact person tells of each member through the portal."""

    _inherit = "intl.delegation.member"

    date_arrival = fields.Date("Arrives On")
    date_departure = fields.Date("Leaves On")
    travel_details = fields.Char("Flight or Train", help="Flight or train number and time of arrival.")
    dietary_needs = fields.Char()

    @api.constrains("date_arrival", "date_departure")
    def _check_member_dates(self):
        for member in self:
            if member.date_arrival and member.date_departure and member.date_departure < member.date_arrival:
                raise ValidationError(self.env._("%(member)s cannot leave before arriving.",
                                                 member=member.name))
