from odoo import fields, models


class ResPartner(models.Model):
    """An invited foreign scholar as a contact; passport data is for DIC only."""

    _inherit = "res.partner"

    intl_name_cyrillic = fields.Char("Name in Cyrillic")
    intl_citizenship_id = fields.Many2one("res.country", "Citizenship")
    intl_degree = fields.Char("Academic Degree", help="E.g. PhD, Doctor of Sciences, Professor.")
    intl_profile = fields.Text("Short Profile")
    # not copied: a duplicated contact is another person, and whoever duplicates a contact outside
    # DIC (an accountant, Odoo's account TestAccountPaymentMethodLine) could not read them
    intl_passport_number = fields.Char("Passport Number", copy=False,
                                       groups="intl_cooperation.group_intl_officer")
    intl_passport_expiry = fields.Date("Passport Valid Until", copy=False,
                                       groups="intl_cooperation.group_intl_officer")
    intl_scholar_visit_ids = fields.One2many("intl.scholar.visit", "scholar_id", "Scholar Visits")
