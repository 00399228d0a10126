import json
import logging

from odoo.tests import HttpCase, tagged

from .test_language_tour import _ScreenLog

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestLanguageEnglish(HttpCase):
    """English really works: the three languages are active and the registrar,
    a Kazakh-speaking demo user here, switches to English and sees the module in English."""

    def setUp(self):
        super().setUp()
        self.registrar = self.env.ref("intl_cooperation.user_registrar")
        self.registrar.write({"password": "registrar", "lang": "kk_KZ"})

    def test_three_languages_selectable(self):
        installed = dict(self.env["res.lang"].get_installed())
        self.assertEqual(set(installed) & {"en_US", "kk_KZ", "ru_RU"}, {"en_US", "kk_KZ", "ru_RU"})
        self.assertEqual(installed["kk_KZ"], "Kazakh / Қазақша")
        # what the preferences dialog offers the user
        offered = dict(self.env["res.users"].with_user(self.registrar).fields_get(["lang"])["lang"]["selection"])
        self.assertTrue({"en_US", "kk_KZ", "ru_RU"} <= set(offered))

    def test_registrar_chooses_english(self):
        self.authenticate("registrar", "registrar")
        menus = self.url_open("/web/webclient/load_menus/x").json()
        root = self.env.ref("intl_cooperation.intl_cooperation_menu_root").id
        self.assertEqual(menus[str(root)]["name"], "Халықаралық ынтымақтастық")
        # the preferences dialog saves the user's own record
        self.make_jsonrpc_request("/web/dataset/call_kw/res.users/write", {
            "model": "res.users", "method": "write",
            "args": [[self.registrar.id], {"lang": "en_US"}], "kwargs": {}})
        self.assertEqual(self.registrar.lang, "en_US")
        info = self.make_jsonrpc_request("/web/session/get_session_info", {})
        self.assertEqual(info["user_context"]["lang"], "en_US")
        menus = self.url_open("/web/webclient/load_menus/y").json()
        self.assertEqual(menus[str(root)]["name"], "International Cooperation")

        handler = _ScreenLog()
        test_logger = logging.getLogger(f"{type(self).__module__}.{type(self).__name__}")
        test_logger.addHandler(handler)
        try:
            self.start_tour("/odoo", "intl_language_english", login="registrar", timeout=120)
        finally:
            test_logger.removeHandler(handler)
        self.assertTrue(handler.screens)
        cyrillic = {screen["screen"]: screen["cyrillic"] for screen in handler.screens if screen["cyrillic"]}
        self.assertFalse(cyrillic, f"Kazakh or Russian words on the English screens: {json.dumps(cyrillic)}")
        _logger.info("English screens of the registrar: %s screens, %s words, none in Cyrillic",
                     len(handler.screens), sum(screen["total"] for screen in handler.screens))
