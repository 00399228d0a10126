from odoo.tests import tagged

from .common import IntlCommon


@tagged("post_install", "-at_install")
class TestRoleHomes(IntlCommon):
    """Each role lands on its work: the home action and the app's first menu."""

    def test_users_get_the_role_home_dispatcher(self):
        dispatcher = self.env.ref("intl_cooperation.intl_home_action_server")
        for user in (self.user_requester, self.user_head, self.user_officer, self.user_accountant,
                     self.user_hr, self.user_registrar, self.user_management):
            self.assertEqual(user.action_id.id, dispatcher.id, user.login)
        # a home the user chose stays theirs
        discuss = self.env.ref("mail.action_discuss")
        self.user_legal.action_id = self.env["ir.actions.actions"].browse(discuss.id)
        self.user_legal.write({"groups_id": [(4, self.env.ref("intl_cooperation.group_intl_hr").id)]})
        self.assertEqual(self.user_legal.action_id.id, discuss.id)

    def test_each_role_lands_on_its_home(self):
        expected = {
            self.user_requester: "intl_cooperation.intl_trip_action_mine",
            self.user_head: "intl_cooperation.intl_approval_line_action",
            self.user_coordinator: "intl_cooperation.intl_agreement_action",
            self.user_officer: "intl_cooperation.intl_home_tile_action_dic",
            self.user_dic_director: "intl_cooperation.intl_home_tile_action_dic",
            self.user_management: "intl_cooperation.intl_approval_line_action",
            self.user_legal: "intl_cooperation.intl_approval_line_action",
            self.user_accountant: "intl_cooperation.intl_trip_action_money_desk",
            self.user_hr: "intl_cooperation.intl_disciplinary_case_action_home",
            self.user_registrar: "intl_cooperation.intl_home_tile_action_registrar",
        }
        dispatcher = self.env.ref("intl_cooperation.intl_home_action_server")
        for user, xmlid in expected.items():
            action = dispatcher.with_user(user).with_context(lang="en_US").run()
            self.assertEqual(action["id"], self.env.ref(xmlid).id, user.login)

    def test_app_opens_on_my_work(self):
        root = self.env.ref("intl_cooperation.intl_cooperation_menu_root")
        first = root.child_id.sorted("sequence")[:1]
        self.assertEqual(first, self.env.ref("intl_cooperation.intl_home_menu"))

    def test_dashboard_tiles_count_with_the_user_rights(self):
        tiles = self.env["intl.home.tile"].with_user(self.user_officer).search([("role", "=", "dic")])
        self.assertGreaterEqual(len(tiles), 8)
        tiles.read(["count"])
        partners = self.env.ref("intl_cooperation.intl_home_tile_registrar_partners").with_user(
            self.user_registrar)
        self.assertGreaterEqual(partners.count, 1)
        action = partners.action_open()
        self.assertEqual(action["res_model"], "res.partner")
        self.assertIn(("is_intl_institution", "=", True), [tuple(term) for term in action["domain"]
                                                           if isinstance(term, list | tuple)])
