from odoo import fields, models


class IntlTripPurposeCategory(models.Model):
    """The kind of a trip's purpose (conference, internship, research, ...): the annual report
    breaks the trips down by it (DP 717 §7.1), the free-text purpose stays the trip's own words."""

    _name = "intl.trip.purpose.category"
    _description = "Trip Purpose Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

