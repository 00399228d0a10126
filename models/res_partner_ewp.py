import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Participant Identification Code of the EU Funding & Tenders portal: nine digits
PIC_RE = re.compile(r"^[0-9]{9}$")


class ResPartner(models.Model):
    """The EU identifiers of an institution besides its SCHAC and Erasmus codes."""

    _inherit = "res.partner"

    intl_pic = fields.Char("PIC", help="Participant Identification Code (EU Funding & Tenders), nine digits.")

    @api.constrains("intl_pic")
    def _check_intl_pic(self):
        for partner in self:
            if partner.intl_pic and not PIC_RE.match(partner.intl_pic):
                raise ValidationError(self.env._(
                    "%(code)s is not a PIC: nine digits, e.g. 999986096.", code=partner.intl_pic,
                ))
