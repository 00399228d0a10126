from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .degree_common import DegreeCommon


@tagged("post_install", "-at_install")
class TestDegreeSelection(DegreeCommon):
    """Programme lifecycle, computed eligibility, deterministic ranking and the commission's decision."""

    def test_programme_lifecycle(self):
        programme = self.programme
        self.assertEqual(programme.state, "active")
        contract = programme.agreement_id
        self.assertEqual(contract.kind_id, self.env.ref("intl_cooperation.intl_agreement_kind_double_degree"))
        self.assertIn(contract.state, ("signed", "in_force"))
        # the contract went through finance and legal before Management (its own route)
        decided = contract.approval_line_ids.filtered(lambda line: line.state == "approved")
        self.assertEqual(decided.decided_by_id, self.user_dic_director | self.user_accountant | self.user_legal
                         | self.user_management)
        self.assertEqual(programme.partner_credits, 39)
        self.assertEqual(programme.home_credits, 18)

    def test_programme_needs_memo_and_management(self):
        programme = self._create_programme()
        with self.assertRaisesRegex(UserError, "403-03"):
            programme.with_user(self.user_coordinator).action_submit()
        self._attach_all(programme)
        programme.with_user(self.user_coordinator).action_submit()
        self.assertEqual(programme.state, "management")
        with self.assertRaises(UserError):
            programme.with_user(self.user_coordinator).action_approval_approve()
        with self.assertRaises(UserError):
            programme.with_user(self.user_officer).action_prepare_contract()
        programme.with_user(self.user_management).action_approval_approve()
        self.assertEqual(programme.state, "negotiation")
        programme.with_user(self.user_officer).action_prepare_contract()
        self.assertEqual(programme.state, "contract")
        self.assertEqual(programme.agreement_id.state, "draft")
        # the memo and proposal travel to the contract's checklist
        self.assertTrue(programme.agreement_id.document_line_ids.filtered(
            lambda line: line.code == "403-03").attachment_ids)
        with self.assertRaisesRegex(UserError, "signed"):
            programme.with_user(self.user_coordinator).action_start()

    def test_status_only_through_transitions(self):
        programme = self._create_programme()
        with self.assertRaises(UserError):
            programme.with_user(self.user_coordinator).write({"state": "active"})
        with self.assertRaises(UserError):
            self._create_programme(state="active")
        with self.assertRaises(UserError):
            self.intake.with_user(self.user_officer).write({"state": "decided"})
        learner = self._create_learner("ST-1")
        application = self._apply(learner)
        with self.assertRaises(UserError):
            application.with_user(self.user_officer).write({"state": "selected"})
        with self.assertRaises(UserError):
            application.with_user(self.user_officer).write({"rank": 1})

    def test_coordinator_of_another_institute(self):
        with self.assertRaises(AccessError):
            self.programme.with_user(self.user_coordinator_other).read(["title"])
        programme = self._create_programme()
        self._attach_all(programme)
        with self.assertRaises(AccessError):
            programme.with_user(self.user_coordinator_other).action_submit()

    # ------------------------------------------------------------------
    # Eligibility (DP 717 5.6.1)
    # ------------------------------------------------------------------

    def test_eligible_with_good_grades_and_certificate(self):
        application = self._apply(self._create_learner("ST-OK", grades=("A", "A-", "B+", "B", "B-")))
        self.assertTrue(application.period_ok)
        self.assertTrue(application.grades_ok)
        self.assertTrue(application.language_ok)
        self.assertTrue(application.eligible)

    def test_one_c_plus_is_ineligible(self):
        application = self._apply(self._create_learner("ST-CPLUS", grades=("A", "C+", "A")))
        self.assertFalse(application.grades_ok)
        self.assertFalse(application.eligible)
        self.assertIn("C+", application.eligibility_note)

    def test_first_term_learner_is_ineligible(self):
        application = self._apply(self._create_learner("ST-FIRST", periods=0))
        self.assertFalse(application.period_ok)
        self.assertFalse(application.eligible)

    def test_certificate_level_and_validity(self):
        low = self._apply(self._create_learner("ST-B1", cert=("B1", 5.5)))
        self.assertFalse(low.language_ok)
        none = self._apply(self._create_learner("ST-NONE", cert=None))
        self.assertFalse(none.eligible)
        expired = self._create_learner("ST-EXP")
        expired.language_ids.date_expiry = self.intake.date_deadline - timedelta(days=1)
        self.assertFalse(self._apply(expired).language_ok)
        # a German certificate does not count for an English programme
        german = self._create_learner("ST-DE", cert=None)
        german.language_ids = [(0, 0, {"language_id": self.lang_de.id, "cefr_level": "C2", "score": 100})]
        self.assertFalse(self._apply(german).language_ok)

    def test_eligibility_follows_the_transcript(self):
        learner = self._create_learner("ST-LIVE")
        application = self._apply(learner)
        self.assertTrue(application.eligible)
        learner.with_user(self.user_registrar).write({"grade_ids": [(0, 0, {
            "academic_year": "2026/2027", "term": "1", "discipline": "Physics", "credits": 5, "grade": "D"})]})
        self.assertFalse(application.eligible)

    def test_ranking_is_deterministic(self):
        # same GPA: language score decides; same GPA and score: the student ID decides
        a = self._apply(self._create_learner("ST-C", grades=("A", "B"), cert=("C1", 7.0)))
        b = self._apply(self._create_learner("ST-B", grades=("A", "B"), cert=("C1", 7.5)))
        c = self._apply(self._create_learner("ST-A", grades=("A", "B"), cert=("C1", 7.0)))
        d = self._apply(self._create_learner("ST-TOP", grades=("A", "A"), cert=("B2", 6.0)))
        bad = self._apply(self._create_learner("ST-BAD", grades=("A", "C")))
        first = self.intake._rank_applications()
        second = self.intake._rank_applications()
        self.assertEqual(first, second)
        self.assertEqual(first.ids, (d | b | c | a).ids)
        self.assertEqual([d.rank, b.rank, c.rank, a.rank, bad.rank], [1, 2, 3, 4, 0])

    def test_commission_decision(self):
        apps = [
            self._apply(self._create_learner("ST-1", grades=("A", "A"))),
            self._apply(self._create_learner("ST-2", grades=("A", "A-"))),
            self._apply(self._create_learner("ST-3", grades=("B", "B"))),
            self._apply(self._create_learner("ST-4", grades=("A", "F"))),
        ]
        draft = self._apply(self._create_learner("ST-5"), submit=False)
        self.intake.action_close_applications()
        self.assertEqual(draft.state, "withdrawn")
        with self.assertRaisesRegex(UserError, "protocol"):
            self.intake.with_user(self.user_director_institute).action_decide()
        self.intake.with_user(self.user_coordinator).decision_ref = "No. 7"
        with self.assertRaisesRegex(UserError, "not allowed"):
            self.intake.with_user(self.user_coordinator).action_decide()
        self.intake.with_user(self.user_director_institute).action_decide()
        self.assertEqual([app.state for app in apps], ["selected", "selected", "reserve", "ineligible"])
        self.assertEqual(self.intake.state, "decided")
        self.assertEqual(self.intake.selected_count, 2)

    def test_dossier_required_to_submit(self):
        application = self._apply(self._create_learner("ST-DOSSIER"), submit=False)
        with self.assertRaisesRegex(UserError, "601-03"):
            application.action_submit()
        codes = application.document_line_ids.type_id.mapped("code")
        self.assertIn("601-03", codes)
        self.assertIn("403-10", codes)
        self.assertNotIn("403-03", codes)
        names = application.document_line_ids.type_id.mapped("name")
        for name in ("CV in English", "Medical certificate for travel abroad", "Passport copy",
                     "Identity card copy", "Recommendation letter in English", "Transcript in Russian and English",
                     "Language certificate"):
            self.assertIn(name, names)

    def test_intake_form_defaults_seats(self):
        with Form(self.env["intl.degree.intake"].with_user(self.user_coordinator)) as form:
            form.programme_id = self.programme
            form.academic_year = "2028/2029"
            form.date_deadline = self.today
            self.assertEqual(form.seats, 2)
        with self.assertRaises(ValidationError):
            with Form(self.env["intl.degree.intake"].with_user(self.user_coordinator)) as form:
                form.programme_id = self.programme
                form.academic_year = "2028-2029"
                form.date_deadline = self.today
