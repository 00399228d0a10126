"""Amounts in words for the printed forms, in Kazakh, Russian and English.

num2words spells Kazakh under the code ``kz`` (not ``kk``) and takes an int
with ``to='currency'`` as cents, so amounts are always passed as floats.
Where num2words knows no name for a currency in a language (tenge in
English, euro in Kazakh), the whole units are spelled and the currency
names come from the table below.
"""
from num2words import num2words

NUM2WORDS_LANG = {"kk": "kz", "ru": "ru", "en": "en"}

# (unit, subunit) names used when num2words has none for the pair.
CURRENCY_NAMES = {
    "kz": {"KZT": ("теңге", "тиын"), "EUR": ("еуро", "цент"), "USD": ("доллар", "цент"),
           "RUB": ("рубль", "тиын"), "CNY": ("юань", "фэнь")},
    "ru": {"KZT": ("тенге", "тиын"), "CNY": ("юаней", "фэней")},
    "en": {"KZT": ("tenge", "tiyn"), "EUR": ("euro", "cents"), "USD": ("dollars", "cents"),
           "RUB": ("roubles", "kopecks"), "CNY": ("yuan", "fen")},
}


def _num2words_lang(lang_code):
    """num2words language for an Odoo language code (kk_KZ, ru_RU, en_US, ...)."""
    return NUM2WORDS_LANG.get((lang_code or "en_US").split("_")[0], "en")


def amount_to_words(amount, currency_code="KZT", lang_code="en_US"):
    """Spell ``amount`` of ``currency_code`` in the language ``lang_code``."""
    lang = _num2words_lang(lang_code)
    amount = round(float(amount or 0.0), 2)
    if amount < 0:
        # a printed form never spells a negative amount (res.currency says so to the user)
        raise ValueError(f"negative amount {amount} cannot be written in words")
    try:
        text = num2words(amount, lang=lang, to="currency", currency=currency_code)
    except NotImplementedError:
        units = int(amount)
        cents = int(round((amount - units) * 100))
        unit_name, subunit_name = CURRENCY_NAMES.get(lang, {}).get(
            currency_code, (currency_code, "")
        )
        # cardinal numbers take ints (the float caveat is about to='currency')
        text = f"{num2words(units, lang=lang)} {unit_name}, {num2words(cents, lang=lang)} {subunit_name}"
    return text[:1].upper() + text[1:]
