from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMobilityTour(HttpCase):
    # the officer's menu bar (with the DIC dashboard) is wider than 1366 px: the tour clicks the
    # sections directly, as on an office screen, rather than through Odoo's "more" dropdown
    browser_size = "1920x1080"

    def test_officer_records_incoming_student(self):
        new_test_user(
            self.env, login="tour_mobility_officer", password="tour_mobility_officer_pw",
            groups="base.group_user,intl_cooperation.group_intl_officer",
        )
        institute = self.env["hr.department"].create({"name": "Tour Institute", "intl_kind": "institute"})
        learner = self.env["intl.learner"].create({
            "name": "Tour Learner", "student_code": "TOUR-1", "institute_id": institute.id,
            "country_id": self.env.ref("base.de").id,
        })
        self.env["res.partner"].create({
            "name": "Tour Partner University", "is_company": True, "is_intl_institution": True,
            "intl_institution_type": "university", "country_id": self.env.ref("base.de").id,
        })
        Mobility = self.env["intl.mobility"]
        before = Mobility._count_incoming_foreign_students(["2025/2026"]).get("2025/2026", 0)
        self.start_tour("/odoo", "intl_mobility_tour", login="tour_mobility_officer")
        mobility = Mobility.search([("learner_id", "=", learner.id)])
        self.assertEqual(mobility.direction, "incoming")
        self.assertEqual(mobility.state, "completed")
        self.assertEqual(mobility.institute_id, institute)
        self.assertEqual(Mobility._count_incoming_foreign_students(["2025/2026"])["2025/2026"], before + 1)
