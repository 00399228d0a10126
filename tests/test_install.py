from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_every_model_has_access_rules(self):
        models = self.env["ir.model.data"].search([
            ("module", "=", "intl_cooperation"), ("model", "=", "ir.model"),
        ])
        names = self.env["ir.model"].browse(models.mapped("res_id")).mapped("model")
        self.assertTrue(names)
        for name in names:
            model = self.env[name]
            if model._abstract:
                continue
            access = self.env["ir.model.access"].search_count([("model_id.model", "=", name)])
            self.assertTrue(access, f"{name} has no access rule")

    def test_views_use_odoo_18_syntax(self):
        views = self.env["ir.ui.view"].search([("model_data_id.module", "=", "intl_cooperation")])
        self.assertTrue(views)
        for view in views:
            arch = view.arch_db or ""
            for old in ("<tree", " attrs=", " states=", "t-esc=", "t-raw="):
                self.assertNotIn(old, arch, f"{view.xml_id} uses {old.strip()}")
