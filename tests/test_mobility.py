import json
import re
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .degree_common import DegreeCommon

HEI = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}$")
YEAR = re.compile(r"^(\d{4})/(\d{4})$")
CEFR = {"A1", "A2", "B1", "B2", "C1", "C2"}
SPECS = ("student-studies-mobility-spec", "student-traineeship-mobility-spec", "staff-teacher-mobility-spec",
         "staff-training-mobility-spec")


def validate_ewp_iia(iia):
    """Check a document against the EWP IIA (API v7) shape of its cooperation conditions; list the problems."""
    problems = []

    def need(cond, message):
        if not cond:
            problems.append(message)

    need(isinstance(iia.get("iia-id"), str) and iia["iia-id"], "iia-id")
    need(isinstance(iia.get("in-effect"), bool), "in-effect")
    partners = iia.get("partner")
    need(isinstance(partners, list) and len(partners) == 2, "two partners")
    for partner in partners or []:
        need(HEI.match(partner.get("hei-id", "")), f"hei-id {partner.get('hei-id')}")
        if "signing-date" in partner:
            need(re.match(r"^\d{4}-\d{2}-\d{2}$", partner["signing-date"]), "signing-date")
        if "signing-contact" in partner:
            need(partner["signing-contact"]["contact-name"][0]["value"], "contact-name")
    conditions = iia.get("cooperation-conditions", {})
    need(set(conditions) == set(SPECS), "the four mobility spec lists")
    for name in SPECS:
        for spec in conditions.get(name, []):
            for key in ("sending-hei-id", "receiving-hei-id"):
                need(HEI.match(spec.get(key, "")), f"{name} {key}")
            need(spec["sending-hei-id"] != spec["receiving-hei-id"], "sending differs from receiving")
            years = spec.get("receiving-academic-year-id")
            need(isinstance(years, list) and years, "academic years")
            for year in years or []:
                match = YEAR.match(year)
                need(match and int(match.group(2)) == int(match.group(1)) + 1, f"academic year {year}")
            need(isinstance(spec.get("mobilities-per-year"), int) and spec["mobilities-per-year"] > 0,
                 "mobilities-per-year")
            need(isinstance(spec.get("blended"), bool), "blended")
            for skill in spec.get("recommended-language-skill", []):
                need(re.match(r"^[a-z]{2}$", skill["language"]) and skill["cefr-level"] in CEFR, "language skill")
            for area in spec.get("subject-area", []):
                need(re.match(r"^\d{4}$", area["isced-f-code"]), "isced-f-code")
            if name.startswith("staff"):
                need(isinstance(spec.get("total-days-per-year"), float), "total-days-per-year")
                need("eqf-level" not in spec, "no EQF level for staff")
            else:
                need(isinstance(spec.get("total-months-per-year"), float), "total-months-per-year")
                need(all(level in range(1, 9) for level in spec.get("eqf-level", [])), "eqf-level")
    return problems


@tagged("post_install", "-at_install")
class TestMobility(DegreeCommon):
    """Mobility records, incoming foreign students per year, and the EWP IIA export."""

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

    def test_ewp_iia_export(self):
        learners = [self._create_learner(f"EWP-{i}") for i in range(3)]
        self._mobility(learner_id=learners[0].id)
        self._mobility(learner_id=learners[1].id, eqf_level="7")
        self._mobility(learner_id=learners[2].id, direction="incoming", isced_code="0714")
        self._mobility(participant_type="staff", employee_id=self.employee_requester.id, learner_id=False,
                       mobility_type="teaching", date_start=date(2026, 3, 2), date_end=date(2026, 3, 6),
                       eqf_level=False)
        self._mobility(learner_id=learners[0].id, academic_year="2024/2025", date_start=date(2024, 9, 1),
                       date_end=date(2025, 1, 31)).action_cancel()
        agreement = self.programme.agreement_id
        action = agreement.with_user(self.user_officer).action_export_ewp()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        iia = json.loads(attachment.raw)
        self.assertEqual(validate_ewp_iia(iia), [])
        self.assertEqual([p["hei-id"] for p in iia["partner"]], ["test.university.kz", "test-tu.de"])
        self.assertTrue(iia["in-effect"])
        studies = iia["cooperation-conditions"]["student-studies-mobility-spec"]
        self.assertEqual(len(studies), 2)  # outgoing and incoming of 2025/2026; the cancelled one left out
        outgoing = next(spec for spec in studies if spec["sending-hei-id"] == "test.university.kz")
        self.assertEqual(outgoing["mobilities-per-year"], 2)
        self.assertEqual(outgoing["receiving-academic-year-id"], ["2025/2026"])
        self.assertEqual(outgoing["eqf-level"], [6, 7])
        self.assertEqual(outgoing["subject-area"], [{"isced-f-code": "0613"}])
        self.assertEqual(outgoing["recommended-language-skill"], [{"language": "en", "cefr-level": "B2"}])
        self.assertEqual(outgoing["total-months-per-year"], 10.2)
        teaching = iia["cooperation-conditions"]["staff-teacher-mobility-spec"]
        self.assertEqual(teaching[0]["total-days-per-year"], 5.0)
        # the validator does catch a malformed document
        iia["cooperation-conditions"]["student-studies-mobility-spec"][0]["receiving-academic-year-id"] = ["2025"]
        self.assertTrue(validate_ewp_iia(iia))

    def test_ewp_needs_hei_ids(self):
        self.partner_institution.intl_schac_code = False
        with self.assertRaisesRegex(UserError, "SCHAC"):
            self.programme.agreement_id.with_user(self.user_officer).action_export_ewp()
