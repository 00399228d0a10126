from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from ..tools import amount_to_words

# amount -> (Kazakh, Russian, English), checked against the spelling of Kazakh and
# Russian payment documents: tenge and tiyn do not change in Kazakh, Russian
# declines тиын (один тиын, два тиына, пять тиынов) and тысяча/миллион.
TABLE = {
    0: ("Нөл теңге, нөл тиын", "Ноль тенге, ноль тиынов", "Zero tenge, zero tiyn"),
    1: ("Бір теңге, нөл тиын", "Один тенге, ноль тиынов", "One tenge, zero tiyn"),
    11: ("Он бір теңге, нөл тиын", "Одиннадцать тенге, ноль тиынов", "Eleven tenge, zero tiyn"),
    21: ("Жиырма бір теңге, нөл тиын", "Двадцать один тенге, ноль тиынов", "Twenty-one tenge, zero tiyn"),
    100: ("Жүз теңге, нөл тиын", "Сто тенге, ноль тиынов", "One hundred tenge, zero tiyn"),
    1000: ("Бір мың теңге, нөл тиын", "Одна тысяча тенге, ноль тиынов", "One thousand tenge, zero tiyn"),
    1001: ("Бір мың бір теңге, нөл тиын", "Одна тысяча один тенге, ноль тиынов",
           "One thousand and one tenge, zero tiyn"),
    1000000: ("Бір миллион теңге, нөл тиын", "Один миллион тенге, ноль тиынов", "One million tenge, zero tiyn"),
    2000000: ("Екі миллион теңге, нөл тиын", "Два миллиона тенге, ноль тиынов", "Two million tenge, zero tiyn"),
    1234567.89: (
        "Бір миллион екі жүз отыз төрт мың бес жүз алпыс жеті теңге, сексен тоғыз тиын",
        "Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь тенге, "
        "восемьдесят девять тиынов",
        "One million, two hundred and thirty-four thousand, five hundred and sixty-seven tenge, "
        "eighty-nine tiyn",
    ),
    0.01: ("Нөл теңге, бір тиын", "Ноль тенге, один тиын", "Zero tenge, one tiyn"),
    22.22: ("Жиырма екі теңге, жиырма екі тиын", "Двадцать два тенге, двадцать два тиына",
            "Twenty-two tenge, twenty-two tiyn"),
    5.05: ("Бес теңге, бес тиын", "Пять тенге, пять тиынов", "Five tenge, five tiyn"),
}


@tagged("post_install", "-at_install")
class TestAmountWordsTable(TransactionCase):
    def test_tricky_numbers_in_three_languages(self):
        for amount, spellings in TABLE.items():
            for lang, expected in zip(("kk_KZ", "ru_RU", "en_US"), spellings, strict=True):
                with self.subTest(amount=amount, lang=lang):
                    self.assertEqual(amount_to_words(amount, "KZT", lang), expected)

    def test_negative_amount_refused(self):
        kzt = self.env.ref("base.KZT")
        with self.assertRaises(ValueError):
            amount_to_words(-1.0, "KZT", "kk_KZ")
        with self.assertRaises(UserError):
            kzt.with_context(lang="kk_KZ").intl_amount_to_words(-1234567.89)
        self.assertEqual(kzt.intl_amount_to_words(0.0, lang="kk_KZ"), "Нөл теңге, нөл тиын")
