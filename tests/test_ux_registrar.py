from odoo.tests import HttpCase, tagged

from .degree_common import DegreeCommon


@tagged("post_install", "-at_install")
class TestRegistrarHome(DegreeCommon, HttpCase):
    """The registrar's home: study plans waiting for the Registrar Office, learners and applications."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.user_registrar.write({"lang": "en_US", "tz": "UTC"})
        # the demo's study plans (demo_scenario/degree.py) leave the registrar's tiles to this one
        cls.env["intl.study.plan"].search([("state", "in", ("registrar", "approved"))]).action_cancel()
        learner = cls._create_learner("ST-HOME")
        cls.application = cls._apply(learner)
        cls.intake.action_close_applications()
        cls.intake.decision_ref = "No. 7"
        cls.intake.with_user(cls.user_director_institute).action_decide()
        action = cls.application.with_user(cls.user_coordinator).action_create_study_plan()
        cls.plan = cls.env["intl.study.plan"].browse(action["res_id"])
        cls.plan.with_user(cls.user_coordinator).date_partner_agreed = cls.today
        cls.plan.with_user(cls.user_coordinator).action_submit()
        cls.plan.with_user(cls.user_director_institute).action_approval_approve()

    def _tiles(self):
        Tile = self.env["intl.home.tile"].with_user(self.user_registrar)
        return {tile.name: tile.count for tile in Tile.search([("role", "=", "registrar")])}

    def test_registrar_home_counts_study_plans_learners_and_applications(self):
        self.assertEqual(self.plan.state, "registrar")
        self.assertEqual(self.user_registrar._intl_home_xmlid(), "intl_cooperation.intl_home_tile_action_registrar")
        tiles = self._tiles()
        self.assertEqual(tiles["Study Plans Waiting for Me"], 1)
        self.assertEqual(tiles["Results to Recognise"], 0)
        self.assertGreaterEqual(tiles["Learners"], 1)
        self.assertGreaterEqual(tiles["Double-Degree Applications"], 1)
        tile = self.env.ref("intl_cooperation.intl_home_tile_registrar_study_plans").with_user(self.user_registrar)
        action = tile.action_open()
        self.assertEqual(action["res_model"], "intl.study.plan")
        plans = self.env["intl.study.plan"].with_user(self.user_registrar).search(action["domain"])
        self.assertEqual(plans, self.plan)

    def test_study_plan_columns_in_lifecycle_order(self):
        groups = self.env["intl.study.plan"].with_user(self.user_registrar).web_read_group(
            [], ["state"], ["state"])["groups"]
        self.assertEqual([group["state"] for group in groups],
                         ["draft", "institute", "registrar", "approved", "recognised", "superseded", "cancel"])
        self.assertTrue(groups[-1]["__fold"] and groups[-2]["__fold"])
        applications = self.env["intl.degree.application"].with_user(self.user_registrar).web_read_group(
            [], ["state"], ["state"])["groups"]
        self.assertEqual([group["state"] for group in applications],
                         ["draft", "submitted", "selected", "reserve", "ineligible", "withdrawn"])
        self.assertEqual([group["__fold"] for group in applications], [False] * 4 + [True] * 2)

    def test_registrar_approves_a_study_plan_from_the_home(self):
        self.start_tour("/odoo", "intl_home_registrar_tour", login=self.user_registrar.login)
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(self._tiles()["Results to Recognise"], 1)
