from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestRoleHomeTours(IntlTripCommon, HttpCase):
    """A browser tour per role: log in, land on the role's home, do the day's main action."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.user_requester, cls.user_head, cls.user_officer, cls.user_accountant,
                     cls.user_hr, cls.user_management):
            user.write({"lang": "en_US", "tz": "UTC"})

    def _login_home(self, tour, user):
        self.start_tour("/odoo", tour, login=user.login)

    def test_requester_applies_and_asks_for_a_late_submission(self):
        self._login_home("intl_home_requester_tour", self.user_requester)
        trip = self.env["intl.trip"].search([("purpose", "=", "Conference on mining automation")])
        self.assertEqual(trip.employee_id, self.employee_requester)
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_late_submission")
        self.assertTrue(trip.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))

    def test_unit_head_approves_from_the_inbox(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        self._login_home("intl_home_approver_tour", self.user_head)
        self.assertEqual(trip.state, "to_dic")

    def test_dic_approves_from_its_dashboard(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        self._login_home("intl_home_dic_tour", self.user_officer)
        self.assertEqual(trip.state, "to_management")

    def test_accountant_pays_the_advance_from_the_money_desk(self):
        trip = self._approve(self._create_trip())
        self._login_home("intl_home_accountant_tour", self.user_accountant)
        self.assertEqual(trip.amount_advanced, 500000.0)
        self.assertEqual(trip.money_state, "advanced")

    def test_hr_requests_an_explanation_from_the_open_cases(self):
        trip = self._create_trip(departure=self.today + timedelta(days=20))
        trip.with_user(self.user_requester).action_submit()
        case = self.env["intl.disciplinary.case"]._open_for_trips(trip, "unapproved_departure")
        self._login_home("intl_home_hr_tour", self.user_hr)
        self.assertEqual(case.state, "explanation_requested")

    def test_management_approves_from_the_inbox(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        trip.with_user(self.user_officer).action_approval_approve()
        self.assertEqual(trip.state, "to_management")
        self._login_home("intl_home_approver_tour", self.user_management)
        self.assertEqual(trip.state, "approved")

    # The registrar's tour (a study plan approved from the home): test_ux_registrar.py
