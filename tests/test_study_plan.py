from odoo.exceptions import UserError
from odoo.tests import tagged

from .degree_common import DegreeCommon


@tagged("post_install", "-at_install")
class TestStudyPlan(DegreeCommon):
    """Individual study plan: institute directorate and Registrar approval, grade conversion on return."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        learner = cls._create_learner("ST-PLAN")
        cls.application = cls._apply(learner)
        cls.intake.action_close_applications()
        cls.intake.decision_ref = "No. 1"
        cls.intake.with_user(cls.user_director_institute).action_decide()
        action = cls.application.with_user(cls.user_coordinator).action_create_study_plan()
        cls.plan = cls.env["intl.study.plan"].browse(action["res_id"])

    def _submit(self):
        self.plan.with_user(self.user_coordinator).date_partner_agreed = self.today
        self.plan.with_user(self.user_coordinator).action_submit()

    def test_plan_from_matched_disciplines(self):
        self.assertEqual(self.application.state, "selected")
        self.assertEqual(len(self.plan.line_ids), 2)
        self.assertEqual(self.plan.partner_credits, 39)
        self.assertEqual(self.plan.learner_id, self.application.learner_id)

    def test_needs_partner_agreement(self):
        with self.assertRaisesRegex(UserError, "partner"):
            self.plan.with_user(self.user_coordinator).action_submit()

    def test_approval_through_directorate_and_registrar(self):
        self._submit()
        self.assertEqual(self.plan.state, "institute")
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_registrar).action_approval_approve()
        self.plan.with_user(self.user_director_institute).action_approval_approve()
        self.assertEqual(self.plan.state, "registrar")
        # the institute cannot decide the Registrar's step, nor write the status
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_director_institute).action_approval_approve()
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_officer).write({"state": "approved"})
        # lines are locked once submitted
        with self.assertRaises(UserError):
            self.plan.line_ids[0].with_user(self.user_coordinator).home_credits = 1
        self.plan.with_user(self.user_registrar).action_approval_approve()
        self.assertEqual(self.plan.state, "approved")
        registrar_line = self.plan.approval_line_ids.filtered(lambda line: line.decided_by_id == self.user_registrar)
        self.assertEqual(registrar_line.state, "approved")

    def test_cannot_be_approved_without_registrar_step(self):
        route = self.env.ref("intl_cooperation.intl_approval_route_study_plan")
        route.step_ids.filtered(lambda step: step.group_id).unlink()
        with self.assertRaisesRegex(UserError, "Registrar"):
            self._submit()
        self.assertEqual(self.plan.state, "draft")

    def test_registrar_step_given_to_a_registrar_user(self):
        route = self.env.ref("intl_cooperation.intl_approval_route_study_plan")
        step = route.step_ids.filtered(lambda s: s.group_id)
        step.write({"approver_type": "user", "user_id": self.user_officer.id, "group_id": False})
        with self.assertRaisesRegex(UserError, "Registrar"):
            self._submit()
        step.user_id = self.user_registrar
        self._submit()
        self.plan.with_user(self.user_director_institute).action_approval_approve()
        self.plan.with_user(self.user_registrar).action_approval_approve()
        self.assertEqual(self.plan.state, "approved")

    def test_drafter_does_not_approve(self):
        # the coordinator drafted the plan: the directorate step is the director's alone
        self._submit()
        self.assertFalse(self.plan.with_user(self.user_coordinator).can_approve)
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_coordinator).action_approval_approve()

    def test_recognition_on_return(self):
        self._submit()
        self.plan.with_user(self.user_director_institute).action_approval_approve()
        self.plan.with_user(self.user_registrar).action_approval_approve()
        with self.assertRaisesRegex(UserError, "conversion"):
            self.plan.with_user(self.user_registrar).action_recognise()
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_coordinator).action_recognise()
        for line, (partner, converted) in zip(self.plan.line_ids, [("1.3", "A"), ("2.0", "B+")], strict=False):
            line.with_user(self.user_registrar).write({"partner_grade": partner, "converted_grade": converted})
        learner = self.plan.learner_id
        credits_before = learner.credits_total
        self.plan.with_user(self.user_registrar).action_recognise()
        self.assertEqual(self.plan.state, "recognised")
        recognised = learner.grade_ids.filtered(lambda g: g.source == "recognised")
        self.assertEqual(sorted(recognised.mapped("grade")), ["A", "B+"])
        self.assertEqual(learner.credits_total, credits_before + 18)
        with self.assertRaises(UserError):
            self.plan.line_ids[0].with_user(self.user_registrar).converted_grade = "C"

    def test_reject_returns_to_draft(self):
        self._submit()
        self.plan.with_user(self.user_director_institute)._approval_do_reject("Thesis credits differ")
        self.assertEqual(self.plan.state, "draft")
