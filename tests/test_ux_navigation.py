from odoo.tests import HttpCase, tagged

from .common_trip import IntlTripCommon


class NavigationCommon(IntlTripCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.user_requester, cls.user_head, cls.user_officer, cls.user_accountant,
                     cls.user_management):
            user.write({"lang": "en_US", "tz": "Asia/Almaty"})


@tagged("post_install", "-at_install")
class TestUxNavigation(NavigationCommon):
    """Issue 25, item 8: the inbox row, the homes' menus, who sees which button."""

    def test_inbox_row_says_where(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        line = self.env["intl.approval.line"].with_user(self.user_head).search(
            [("state", "=", "pending"), ("user_ids", "in", self.user_head.ids)])
        self.assertEqual(line.read(["summary_where"])[0]["summary_where"], "Berlin, Germany")

    def test_every_home_has_a_menu(self):
        """The web client finds the app of the home action through a menu of that action."""
        dispatcher = self.env.ref("intl_cooperation.intl_home_action_server")
        for user in (self.user_requester, self.user_head, self.user_officer, self.user_accountant,
                     self.user_hr, self.user_management, self.user_coordinator):
            action = dispatcher.with_user(user).run()
            menus = self.env["ir.ui.menu"].with_user(user).search(
                [("action", "=", f"ir.actions.act_window,{action['id']}")])
            self.assertTrue(menus, f"{user.login}: no menu of {action['name']}")

    def test_traveller_and_approver_flags(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        self.assertTrue(trip.with_user(self.user_requester).is_traveller)
        self.assertTrue(trip.with_user(self.user_requester).can_money_report)
        as_head = trip.with_user(self.user_head)
        self.assertFalse(as_head.is_traveller)
        self.assertFalse(as_head.can_money_report)
        self.assertTrue(as_head.can_approve)
        self.assertTrue(trip.with_user(self.user_accountant).can_money_report)
        arch = self.env["intl.trip"].with_user(self.user_head).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("o_intl_decision_bar", arch)
        self.assertIn("state != 'approved' or not is_traveller", arch)


@tagged("post_install", "-at_install")
class TestUxNavigationTour(NavigationCommon, HttpCase):

    browser_size = "1440x900"

    def test_inbox_row_at_1440(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        self.start_tour("/odoo/action-intl_cooperation.intl_approval_line_action", "intl_ux_inbox_row_tour",
                        login=self.user_head.login)

    def test_dashboard_home_keeps_the_menu_bar(self):
        self.start_tour("/odoo", "intl_ux_dashboard_menu_tour", login=self.user_officer.login)


@tagged("post_install", "-at_install")
class TestUxNavigationPhoneTour(NavigationCommon, HttpCase):

    browser_size = "390x844"
    touch_enabled = True

    def test_phone_approver_and_traveller(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        self.start_tour(f"/odoo/intl.trip/{trip.id}", "intl_ux_phone_approver_tour", login=self.user_head.login)
        self.assertEqual(trip.state, "to_dic")
        self._verify_documents(trip)
        trip.with_user(self.user_officer).action_approval_approve()
        trip.with_user(self.user_management).action_approval_approve()
        self.assertEqual(trip.state, "approved")
        self.start_tour(f"/odoo/intl.trip/{trip.id}", "intl_ux_phone_traveller_tour",
                        login=self.user_requester.login)
