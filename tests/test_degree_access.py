from odoo.exceptions import AccessError
from odoo.tests import tagged

from .degree_common import DegreeCommon


@tagged("post_install", "-at_install")
class TestDegreeAccess(DegreeCommon):
    """The Registrar sees learners and study plans and nothing financial; coordinators their institute."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.learner = cls._create_learner("ST-ACC")
        cls.learner_other = cls._create_learner("ST-GEO", institute_id=cls.other_institute.id)
        cls.application = cls._apply(cls.learner)
        cls.mobility = cls.env["intl.mobility"].with_user(cls.user_officer).create({
            "participant_type": "learner", "learner_id": cls.learner.id, "direction": "outgoing",
            "partner_id": cls.partner_institution.id, "academic_year": "2026/2027",
            "date_start": "2026-10-01", "date_end": "2027-02-28", "funding": "erasmus", "funding_amount": 4500,
        })
        cls.staff_mobility = cls.env["intl.mobility"].with_user(cls.user_officer).create({
            "participant_type": "staff", "employee_id": cls.employee_requester.id, "direction": "outgoing",
            "mobility_type": "teaching", "partner_id": cls.partner_institution.id, "academic_year": "2026/2027",
            "date_start": "2026-10-01", "date_end": "2026-10-05", "funding_amount": 900,
        })

    def test_registrar_reads_learners_and_plans(self):
        registrar = self.user_registrar
        data = self.learner.with_user(registrar).read(["name", "gpa", "grade_ids", "language_ids"])
        self.assertEqual(data[0]["name"], self.learner.name)
        self.assertTrue(self.learner_other.with_user(registrar).read(["name"]))
        grades = self.learner.grade_ids.with_user(registrar).read(["grade"])
        self.assertEqual(len(grades), 3)
        self.assertTrue(self.application.with_user(registrar).read(["eligible", "gpa"]))
        self.assertTrue(self.programme.with_user(registrar).read(["title", "discipline_ids", "state"]))
        self.assertTrue(self.mobility.with_user(registrar).read(["participant_name", "credits_recognised"]))

    def test_registrar_sees_nothing_financial(self):
        registrar = self.user_registrar
        with self.assertRaises(AccessError):
            self.programme.with_user(registrar).read(["tuition_fee"])
        with self.assertRaises(AccessError):
            self.mobility.with_user(registrar).read(["funding_amount"])
        with self.assertRaises(AccessError):
            self.mobility.with_user(registrar).read(["funding"])
        with self.assertRaises(AccessError):
            self.staff_mobility.with_user(registrar).read(["participant_name"])
        for model in ("account.move", "account.payment", "account.move.line"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(registrar).search_read([], ["id"], limit=1)
        # trip money of other people: none visible (the Registrar only has their own, as any employee)
        for model in ("intl.trip.payment", "intl.trip.advance.report", "intl.trip"):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(registrar).search([]))
        with self.assertRaises(AccessError):
            self.programme.agreement_id.with_user(registrar).read(["financial_terms"])
        # nor any other people's trip
        self.assertFalse(self.env["intl.trip"].with_user(registrar).search([]))

    def test_registrar_cannot_change_programmes(self):
        with self.assertRaises(AccessError):
            self.programme.with_user(self.user_registrar).write({"seats": 9})
        with self.assertRaises(AccessError):
            self.application.with_user(self.user_registrar).write({"motivation": "x"})

    def test_finance_reads_tuition(self):
        self.programme.with_user(self.user_coordinator).tuition_fee = 1500
        data = self.programme.with_user(self.user_management).read(["tuition_fee"])
        self.assertEqual(data[0]["tuition_fee"], 1500)
        data = self.mobility.with_user(self.user_management).read(["funding_amount"])
        self.assertEqual(data[0]["funding_amount"], 4500)

    def test_coordinator_sees_own_institute(self):
        coordinator = self.user_coordinator
        self.assertTrue(self.learner.with_user(coordinator).read(["name"]))
        with self.assertRaises(AccessError):
            self.learner_other.with_user(coordinator).read(["name"])
        with self.assertRaises(AccessError):
            self.application.with_user(self.user_coordinator_other).read(["name"])
        found = self.env["intl.learner"].with_user(self.user_coordinator_other).search(
            [("student_code", "in", ["ST-ACC", "ST-GEO"])])
        self.assertEqual(found.mapped("student_code"), ["ST-GEO"])

    def test_requester_sees_only_own_mobility(self):
        with self.assertRaises(AccessError):
            self.env["intl.learner"].with_user(self.user_requester).search_read([], ["name"], limit=1)
        data = self.staff_mobility.with_user(self.user_requester).read(["participant_name"])
        self.assertEqual(data[0]["participant_name"], self.employee_requester.name)
        with self.assertRaises(AccessError):
            self.mobility.with_user(self.user_requester).read(["participant_name"])
        with self.assertRaises(AccessError):
            self.staff_mobility.with_user(self.user_requester).write({"credits_recognised": 3})

    def test_management_reads_but_does_not_write(self):
        self.assertTrue(self.learner.with_user(self.user_management).read(["name"]))
        with self.assertRaises(AccessError):
            self.learner.with_user(self.user_management).write({"name": "X"})
