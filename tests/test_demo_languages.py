from odoo.tests import TransactionCase, tagged
from odoo.tools import convert_file


@tagged("post_install", "-at_install")
class TestDemoLanguages(TransactionCase):
    """English, Kazakh and Russian are active in a database built the way `make run` builds it:
    created with `-i base --load-language=ru_RU`, which leaves en_US inactive (its active flag
    empty); the module's language data activates all three."""

    def test_three_languages_after_a_russian_first_database(self):
        # the state of en_US in a database created with Russian as its first language
        self.env.cr.execute("UPDATE res_lang SET active = NULL WHERE code = 'en_US'")
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.assertNotIn("en_US", dict(self.env["res.lang"].get_installed()))
        # what installing (or updating) the module loads
        convert_file(self.env, "intl_cooperation", "data/res_lang_data.xml", {}, mode="init", noupdate=False)
        self.env.registry.clear_cache()
        installed = dict(self.env["res.lang"].get_installed())
        self.assertTrue({"en_US", "kk_KZ", "ru_RU"} <= set(installed), installed)
        registrar = self.env.ref("intl_cooperation.user_registrar")
        offered = dict(self.env["res.users"].with_user(registrar).fields_get(["lang"])["lang"]["selection"])
        self.assertTrue({"en_US", "kk_KZ", "ru_RU"} <= set(offered))
