from odoo.tests import TransactionCase, tagged

from ..tools import amount_to_words


@tagged("post_install", "-at_install")
class TestAmountWords(TransactionCase):
    def test_three_languages(self):
        self.assertEqual(amount_to_words(1500.0, "KZT", "kk_KZ"), "Бір мың бес жүз теңге, нөл тиын")
        self.assertEqual(amount_to_words(1500.0, "KZT", "ru_RU"), "Одна тысяча пятьсот тенге, ноль тиынов")
        self.assertEqual(amount_to_words(1500.0, "KZT", "en_US"), "One thousand, five hundred tenge, zero tiyn")

    def test_integers_are_not_cents(self):
        # num2words reads an int as cents with to='currency': the helper passes floats
        self.assertTrue(amount_to_words(100, "USD", "en_US").startswith("One hundred dollars"))

    def test_fallback_currency_names(self):
        self.assertEqual(amount_to_words(2.5, "EUR", "kk_KZ"), "Екі еуро, елу цент")

    def test_currency_method_uses_context_lang(self):
        kzt = self.env.ref("base.KZT")
        self.assertTrue(kzt.with_context(lang="ru_RU").intl_amount_to_words(10.0).startswith("Десять тенге"))
        self.assertTrue(kzt.intl_amount_to_words(10.0, lang="kk_KZ").startswith("Он теңге"))
