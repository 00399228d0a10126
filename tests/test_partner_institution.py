from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import IntlCommon


@tagged("post_install", "-at_install")
class TestPartnerInstitution(IntlCommon):
    def test_country_required(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create({"name": "Nowhere University", "is_intl_institution": True})

    def test_institution_is_a_company_and_prospect(self):
        partner = self.env["res.partner"].create({
            "name": "Politecnico di Torino", "is_intl_institution": True,
            "country_id": self.env.ref("base.it").id, "intl_institution_type": "university",
        })
        self.assertTrue(partner.is_company)
        self.assertEqual(partner.intl_cooperation_status, "prospect")
        ordinary = self.env["res.partner"].create({"name": "Someone"})
        self.assertFalse(ordinary.intl_cooperation_status)

    def test_erasmus_code(self):
        partner = self.partner_institution
        for code in ("D  BERLIN01", "PL WARSZAW02", "I  MILANO02", "TR ANKARA04", "F  PARIS-S01"):
            partner.intl_erasmus_code = code
        for code in ("D BERLIN01", "berlin01", "DE  BERLIN01", "D  BERLIN1", "PL WARSZAWAXX01"):
            with self.assertRaises(ValidationError, msg=code):
                partner.intl_erasmus_code = code

    def test_schac_code(self):
        partner = self.partner_institution
        partner.intl_schac_code = "uw.edu.pl"
        partner.intl_schac_code = "tu-berlin.de"
        for code in ("UW.EDU.PL", "localhost", "http://uw.edu.pl", "uw edu pl"):
            with self.assertRaises(ValidationError, msg=code):
                partner.intl_schac_code = code

    def test_rankings(self):
        partner = self.partner_institution
        partner.intl_ranking_ids = [
            (0, 0, {"system": "qs", "year": 2024, "position": 160}),
            (0, 0, {"system": "qs", "year": 2025, "position": 154}),
            (0, 0, {"system": "the", "year": 2025, "position": 145}),
        ]
        self.assertEqual(partner.intl_best_ranking, "Times Higher Education 2025: #145")
        with self.assertRaises(ValidationError):
            partner.intl_ranking_ids = [(0, 0, {"system": "arwu", "year": 2025, "position": 0})]

    def test_form_sets_company_from_action_context(self):
        partner_form = Form(self.env["res.partner"].with_context(
            default_is_intl_institution=True, default_is_company=True))
        partner_form.name = "Tallinn University of Technology"
        partner_form.country_id = self.env.ref("base.ee")
        partner_form.intl_institution_type = "university"
        partner = partner_form.save()
        self.assertTrue(partner.is_intl_institution)
        self.assertTrue(partner.is_company)

    def test_search_by_status_country_type(self):
        Partner = self.env["res.partner"]
        found = Partner.search([
            ("is_intl_institution", "=", True), ("country_id", "=", self.env.ref("base.de").id),
            ("intl_institution_type", "=", "university"), ("intl_cooperation_status", "=", "prospect"),
        ])
        self.assertIn(self.partner_institution, found)
