import logging
import shutil
import subprocess

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import code_translations

from ..tools import i18n_pack

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestLanguagePack(TransactionCase):
    """The pack of Odoo's own terms (i18n_pack/): valid files, loaded in both of Odoo's paths."""

    def _files(self):
        for lang in i18n_pack.pack_languages():
            for module in i18n_pack.pack_modules(lang):
                yield lang, module, f"{i18n_pack.PACK_DIR}/{lang}/{module}.po"

    def test_files_pass_msgfmt_check(self):
        if not shutil.which("msgfmt"):
            self.skipTest("msgfmt (gettext) is not installed")
        for lang, module, path in self._files():
            result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", path], capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, f"{lang}/{module}.po: {result.stderr}")

    def test_placeholders_and_markup_kept(self):
        problems = []
        for lang, module, path in self._files():
            for entry in i18n_pack.parse_po(path):
                if entry["msgid"]:
                    self.assertTrue(entry["msgstr"], f"{lang}/{module}: {entry['msgid']!r} has no translation")
                    problems += [f"{lang}/{module}: {entry['msgid']!r}: {problem}"
                                 for problem in i18n_pack.check_entry(entry["msgid"], entry["msgstr"])]
                    self.assertTrue(any(c.startswith("#:") for c in entry["comments"]),
                                    f"{lang}/{module}: {entry['msgid']!r} lost Odoo's references (kk_pack.py refresh)")
        self.assertFalse(problems, "\n".join(problems))

    def test_placeholder_check_catches_mistakes(self):
        self.assertTrue(i18n_pack.check_entry("%(name)s is late", "%(аты)s кешікті"))
        self.assertTrue(i18n_pack.check_entry("<b>Due</b>", "Мерзімі"))
        self.assertFalse(i18n_pack.check_entry('<i title="Date"/> %s', '<i title="Күні"/> %s'))

    def test_coverage_figure(self):
        per_module = {module: len(i18n_pack.read_translations(path))
                      for lang, module, path in self._files() if lang == "kk"}
        total = sum(per_module.values())
        _logger.info("Kazakh pack: %s core terms in %s modules (%s)", total, len(per_module),
                     ", ".join(f"{module} {count}" for module, count in sorted(per_module.items())))
        self.assertGreater(total, 3500)
        for module in ("web", "mail", "base", "contacts", "hr", "resource", "account", "bus"):
            self.assertIn(module, per_module)

    def test_model_terms_in_database(self):
        kk = self.env(context={"lang": "kk_KZ"})
        self.assertEqual(kk.ref("base.kz").name, "Қазақстан")
        self.assertEqual(kk.ref("base.de").name, "Германия")
        labels = kk["res.partner"].fields_get(["country_id", "vat", "is_company"])
        self.assertEqual(labels["country_id"]["string"], "Ел")
        self.assertEqual(labels["vat"]["string"], "БСН/ЖСН")
        self.assertEqual(kk["hr.employee"].fields_get(["department_id"])["department_id"]["string"], "Бөлімше")
        self.assertEqual(kk["account.move"].fields_get(["line_ids"])["line_ids"]["string"], "Журнал жолдары")
        move_types = dict(kk["account.move"].fields_get(["state"])["state"]["selection"])
        self.assertEqual(move_types["posted"], "Өткізілген")
        self.assertEqual(kk.ref("mail.mail_activity_data_todo").name, "Орындалатын іс")
        kinds = dict(kk["res.partner"].fields_get(["company_type"])["company_type"]["selection"])
        self.assertEqual(kinds["person"], "Жеке тұлға")
        self.assertIn("Журнал жолдары", kk.ref("account.view_move_form").arch_db)
        # Russian: where Odoo's own Russian left Latin letters
        ru = self.env(context={"lang": "ru_RU"})
        self.assertEqual(ru["res.partner"].fields_get(["vat"])["vat"]["string"], "БИН/ИИН")

    def test_code_terms_for_web_client_and_python(self):
        web = {m["id"]: m["string"] for m in code_translations.get_web_translations("web", "kk_KZ")["messages"]}
        self.assertEqual(web["Filters"], "Сүзгілер")
        self.assertEqual(web["Group By"], "Топтау")
        self.assertEqual(web["Favorites"], "Таңдаулылар")
        self.assertEqual(web["Save"], "Сақтау")
        mail = {m["id"]: m["string"] for m in code_translations.get_web_translations("mail", "kk_KZ")["messages"]}
        self.assertEqual(mail["Send message"], "Хабарлама жіберу")
        self.assertEqual(mail["Log note"], "Ескертпе жазу")
        self.assertEqual(code_translations.get_python_translations("base", "kk_KZ")["%s (copy)"], "%s (көшірме)")
        # what the web client downloads
        modules, __ = self.env["ir.http"].get_translations_for_webclient(["web", "bus"], "kk_KZ")
        served = {m["id"]: m["string"] for m in modules["bus"]["messages"]}
        self.assertEqual(served["The page is out of date"], "Бет ескірген")

    def test_reload_restores_the_pack(self):
        field = self.env["ir.model.fields"]._get("res.partner", "country_id")
        query = "SELECT field_description->>'kk_KZ' FROM ir_model_fields WHERE id = %s"
        self.env.cr.execute(
            """UPDATE ir_model_fields SET field_description = field_description || '{"kk_KZ": "Country"}'
               WHERE id = %s""", [field.id])
        self.assertGreater(self.env["ir.module.module"]._intl_load_language_pack(), 10)
        self.env.cr.execute(query, [field.id])
        self.assertEqual(self.env.cr.fetchone()[0], "Ел")
