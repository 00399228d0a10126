from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPartnerInstitutionTour(HttpCase):
    def test_dic_officer_creates_institution(self):
        new_test_user(
            self.env, login="tour_officer", password="tour_officer_pw",
            groups="base.group_user,intl_cooperation.group_intl_officer",
        )
        self.start_tour("/odoo", "intl_partner_institution_tour", login="tour_officer")
        institution = self.env["res.partner"].search([("name", "=", "Tallinn University of Technology")])
        self.assertTrue(institution.is_intl_institution)
        self.assertTrue(institution.is_company)
        self.assertEqual(institution.country_id, self.env.ref("base.ee"))
        self.assertEqual(institution.intl_institution_type, "university")
        self.assertEqual(institution.intl_erasmus_code, "EE TALLINN04")
