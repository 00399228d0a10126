from odoo import api, fields, models

PASSPORT_GROUP = "intl_cooperation.group_intl_officer"


class IntlDelegationMember(models.Model):
    """A member of a foreign delegation (DP 717 5.4.2).

    Passport data is needed only for the hotel and the visa: its fields are
    restricted to the DIC (``groups=``), coordinators never read them.
    """

    _name = "intl.delegation.member"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "delegation_id"
    _lifecycle_workflow_fields = ()
    _check_company_auto = True
    _description = "Delegation Member"
    _order = "delegation_id, is_head desc, sequence, id"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="delegation_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char("Full Name", compute="_compute_name", store=True)
    surname = fields.Char(required=True)
    first_name = fields.Char("Name", required=True)
    position = fields.Char("Job Title")
    workplace = fields.Char()
    citizenship_id = fields.Many2one("res.country", "Citizenship")
    is_head = fields.Boolean("Head of Delegation")
    needs_hotel = fields.Boolean("Hotel Needed", default=True)
    needs_visa = fields.Boolean("Visa Support Needed")
    passport_number = fields.Char(groups=PASSPORT_GROUP)
    passport_issued_by = fields.Char(groups=PASSPORT_GROUP)
    passport_issue_date = fields.Date(groups=PASSPORT_GROUP)
    passport_expiry_date = fields.Date(groups=PASSPORT_GROUP)
    birth_date = fields.Date("Date of Birth", groups=PASSPORT_GROUP)

    @api.depends("surname", "first_name")
    def _compute_name(self):
        for member in self:
            member.name = " ".join(filter(None, [member.surname, member.first_name]))
