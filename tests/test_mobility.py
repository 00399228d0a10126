from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .degree_common import DegreeCommon


@tagged("post_install", "-at_install")
class TestMobility(DegreeCommon):
    """Mobility records and incoming foreign students per year (the EWP IIA files: test_ewp_iia.py)."""

    def _mobility(self, user=None, **vals):
        values = {
            "participant_type": "learner", "direction": "outgoing", "mobility_type": "studies",
            "programme_type": "erasmus", "partner_id": self.partner_institution.id,
            "agreement_id": self.programme.agreement_id.id, "academic_year": "2025/2026",
            "date_start": date(2025, 9, 1), "date_end": date(2026, 1, 31), "eqf_level": "6",
            "isced_code": "0613", "language_id": self.lang_en.id, "cefr_level": "B2",
            **vals,
        }
        return self.env["intl.mobility"].with_user(user or self.user_officer).create(values)

    def test_constraints(self):
        learner = self._create_learner("MOB-1")
        with self.assertRaises(ValidationError):
            self._mobility(learner_id=False)
        with self.assertRaises(ValidationError):
            self._mobility(learner_id=learner.id, academic_year="2025")
        with self.assertRaises(ValidationError):
            self._mobility(learner_id=learner.id, date_end=date(2025, 8, 1))
        with self.assertRaises(ValidationError):
            self._mobility(learner_id=learner.id, isced_code="61")
        with self.assertRaises(ValidationError):
            self._mobility(participant_type="staff", direction="outgoing", visitor_name="Guest")
        with self.assertRaises(UserError):
            self._mobility(learner_id=learner.id, state="completed")
        mobility = self._mobility(learner_id=learner.id)
        self.assertEqual(mobility.duration_days, 153)
        self.assertEqual(mobility.institute_id, self.institute)
        with self.assertRaises(UserError):
            mobility.with_user(self.user_officer).write({"state": "completed"})
        mobility.with_user(self.user_coordinator).action_complete()
        self.assertEqual(mobility.state, "completed")
        with self.assertRaises(UserError):
            mobility.unlink()
        with self.assertRaises(UserError):
            mobility.with_user(self.user_coordinator_other).action_reset()

    def test_cannot_complete_before_the_end(self):
        learner = self._create_learner("MOB-F")
        mobility = self._mobility(learner_id=learner.id, academic_year="2027/2028",
                                  date_start=date(2027, 9, 1), date_end=date(2028, 1, 31))
        with self.assertRaisesRegex(UserError, "not ended"):
            mobility.action_complete()

    def test_staff_mobility_from_trip(self):
        trip = self.env["intl.trip"].with_user(self.user_requester).create({
            "employee_id": self.employee_requester.id, "country_id": self.env.ref("base.de").id,
            "city": "Berlin", "host_partner_id": self.partner_institution.id, "purpose": "Guest lectures",
            "date_departure": date(2026, 3, 2), "date_return": date(2026, 3, 8),
            "agreement_id": self.programme.agreement_id.id,
            "funding_source_id": self.env.ref("intl_cooperation.intl_funding_source_budget").id,
        })
        with Form(self.env["intl.mobility"].with_user(self.user_officer)) as form:
            form.participant_type = "staff"
            form.direction = "outgoing"
            form.mobility_type = "teaching"
            form.trip_id = trip
            self.assertEqual(form.employee_id, self.employee_requester)
            self.assertEqual(form.partner_id, self.partner_institution)
            self.assertEqual(form.agreement_id, self.programme.agreement_id)
            self.assertEqual(form.academic_year, "2025/2026")
        mobility = form.record
        self.assertEqual(mobility.duration_days, 7)
        with self.assertRaises(ValidationError):
            mobility.employee_id = self.employee_head

    def test_incoming_foreign_students_per_year(self):
        Mobility = self.env["intl.mobility"]
        before = Mobility._count_incoming_foreign_students(["2025/2026", "2026/2027"])
        foreign = [self._create_learner(f"IN-{i}", country_id=self.env.ref("base.de").id) for i in range(3)]
        local = self._create_learner("IN-KZ")
        self._mobility(learner_id=foreign[0].id, direction="incoming")
        self._mobility(learner_id=foreign[1].id, direction="incoming")
        self._mobility(learner_id=foreign[1].id, direction="incoming", date_start=date(2026, 2, 1),
                       date_end=date(2026, 6, 30))  # the same student's second semester counts once
        self._mobility(learner_id=foreign[2].id, direction="incoming", academic_year="2026/2027",
                       date_start=date(2026, 9, 1), date_end=date(2027, 1, 31))
        self._mobility(learner_id=local.id, direction="incoming")
        cancelled = self._mobility(learner_id=foreign[2].id, direction="incoming")
        cancelled.action_cancel()
        counts = Mobility._count_incoming_foreign_students(["2025/2026", "2026/2027"])
        self.assertEqual(counts.get("2025/2026", 0) - before.get("2025/2026", 0), 2)
        self.assertEqual(counts.get("2026/2027", 0) - before.get("2026/2027", 0), 1)
