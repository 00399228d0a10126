from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestLanguage(TransactionCase):
    def test_kazakh_and_russian_active(self):
        kazakh = self.env["res.lang"]._lang_get("kk_KZ")
        self.assertTrue(kazakh.active)
        self.assertEqual(kazakh.iso_code, "kk")
        self.assertEqual(kazakh.date_format, "%d.%m.%Y")
        self.assertEqual(kazakh.decimal_point, ",")
        self.assertEqual(kazakh.week_start, "1")
        self.assertTrue(self.env["res.lang"]._lang_get("ru_RU").active)

    def test_field_labels_translated(self):
        Partner = self.env["res.partner"]
        labels = {
            lang: Partner.with_context(lang=lang).fields_get(["intl_cooperation_status"])[
                "intl_cooperation_status"]["string"]
            for lang in ("en_US", "kk_KZ", "ru_RU")
        }
        self.assertEqual(labels["en_US"], "Cooperation Status")
        self.assertEqual(labels["kk_KZ"], "Ынтымақтастық мәртебесі")
        self.assertEqual(labels["ru_RU"], "Статус сотрудничества")

    def test_data_translated(self):
        doc_type = self.env.ref("intl_cooperation.intl_document_type_application")
        self.assertEqual(doc_type.with_context(lang="kk_KZ").name, "Өтініш")
        self.assertEqual(doc_type.with_context(lang="ru_RU").name, "Заявление")

    def test_kazakh_number_format(self):
        kazakh = self.env["res.lang"]._lang_get("kk_KZ")
        self.assertEqual(kazakh.format("%.2f", 1234567.5, grouping=True), "1 234 567,50")
