import logging

from odoo import api, models
from odoo.tools.translate import TranslationImporter

from ..tools.i18n_pack import odoo_pack_paths

_logger = logging.getLogger(__name__)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        """Import the Kazakh pack's model terms after each module's own files."""
        res = super()._load_module_terms(modules, langs, overwrite=overwrite, imported_module=imported_module)
        self._intl_import_pack(modules, langs, overwrite=overwrite)
        return res

    @api.model
    def _intl_import_pack(self, modules, langs, overwrite=False):
        """Import the pack's files of ``modules`` for ``langs``; return the number of files."""
        importer = TranslationImporter(self.env.cr, verbose=False)
        count = 0
        for module_name in modules:
            for lang in langs:
                for path in odoo_pack_paths(module_name, lang):
                    importer.load_file(path, lang)
                    count += 1
        if count:
            importer.save(overwrite=overwrite)
            # field labels and views are cached per language
            self.env.registry.clear_cache("default", "templates")
        return count

    @api.model
    def _intl_load_language_pack(self, overwrite=True):
        """(Re)load the pack for every installed module and active language.

        Called at install (post_init_hook) and at every update of this module
        (data/ir_module_module_data.xml), which Odoo also runs whenever one of
        the core modules below it is updated, and by ``make kk-pack``. The
        pack's wording wins over what an earlier load left (``overwrite``).
        """
        langs = [code for code, __ in self.env["res.lang"].get_installed() if code != "en_US"]
        modules = self.search([("state", "in", ("installed", "to install", "to upgrade"))]).mapped("name")
        count = self._intl_import_pack(modules, langs, overwrite=overwrite)
        _logger.info("Kazakh pack: %s file(s) loaded for %s", count, ", ".join(langs))
        return count
