"""Numbers and counts as the reader's (or the paper's) language writes them.

``format_number`` writes a number with the language's decimal and thousands
separators (the module's papers call it for every figure they print, through
the ``intl_number`` function of their QWeb context, see ``report/``).

``count_text`` writes a count with its unit in agreement with the number: the
unit is one translatable source holding its forms separated by ``|`` — in
English singular and plural (``"day|days"``), in Russian the three forms of a
numeral's noun (``"день|дня|дней"``: 1 день, 2–4 дня, 5–20 дней, 21 день,
22 дня...), with a fourth for a fraction when an adjective differs (``"рабочий час|рабочих
часа|рабочих часов|рабочего часа"``: 2,5 рабочего часа), in Kazakh one form (a noun after a numeral stays singular:
``"күн"``). A message with a count takes the whole phrase as its parameter
(``"Expires in %(days)s"``), never "%(days)s days".
"""

from odoo.tools import formatLang
from odoo.tools.translate import LazyTranslate, get_translation

_lt = LazyTranslate(__name__)
# the units are sources of the module's .po files, translated in the reader's language
# pylint: disable=prefer-env-translation

MODULE = "intl_cooperation"

DAYS = _lt("day|days")
CALENDAR_DAYS = _lt("calendar day|calendar days")
WORKING_DAYS = _lt("working day|working days")
WORKING_HOURS = _lt("working hour|working hours")
HOURS = _lt("hour|hours")
NIGHTS = _lt("night|nights")
MONTHS = _lt("month|months")
ROWS = _lt("row with errors|rows with errors")
CELLS = _lt("cell|cells")
COLUMNS = _lt("column|columns")
CHARACTERS = _lt("character|characters")
UNITS = {unit._source: unit for unit in (
    DAYS, CALENDAR_DAYS, WORKING_DAYS, WORKING_HOURS, HOURS, NIGHTS, MONTHS, ROWS, CELLS,
    COLUMNS, CHARACTERS)}


def plural_index(lang, number):
    """The index of the form of a noun after ``number`` in ``lang`` (CLDR's rules: English
    one/other, Russian one/few/many with fractions taking "few", Kazakh one form)."""
    lang = (lang or "en_US").split("_")[0]
    whole = float(number).is_integer()
    if lang == "kk":
        return 0
    if lang == "ru":
        if not whole:
            return 1
        number = abs(int(number))
        if number % 10 == 1 and number % 100 != 11:
            return 0
        if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
            return 1
        return 2
    return 0 if whole and abs(number) == 1 else 1


def format_number(env, number, digits=None):
    """``number`` as ``env``'s language writes it: its decimal point and thousands separator;
    ``digits`` decimals (by default as many as the number has, up to two)."""
    if number is None or number is False:
        number = 0
    if digits is None:
        # as many decimals as the number has, up to two: 12, 7,5, 7,25
        rounded = round(float(number), 2)
        digits = 0 if rounded.is_integer() else (1 if round(rounded, 1) == rounded else 2)
    if not env.lang:
        # a text without a language is written in English (its source): its numbers too
        env = env(context=dict(env.context, lang="en_US"))
    return formatLang(env, number, digits=digits)


def unit_forms(env, unit):
    """The forms of ``unit`` (a ``_lt`` term or its source) in ``env``'s language."""
    source = unit._source if hasattr(unit, "_source") else unit
    lang = env.lang or "en_US"
    text = get_translation(MODULE, lang, source, ()) if lang != "en_US" else source
    return [form.strip() for form in (text or source).split("|") if form.strip()] \
        or [form.strip() for form in source.split("|")]


def count_text(env, number, unit, digits=None):
    """``number`` and its ``unit`` in agreement, in ``env``'s language ("21 день", "5 дней",
    "3 күн", "1 day")."""
    number = number or 0
    forms = unit_forms(env, unit)
    index = min(plural_index(env.lang, number), len(forms) - 1)
    if len(forms) > 3 and not float(number).is_integer():
        # Russian fractions take the genitive singular: "2,5 рабочего часа" (a fourth form)
        index = 3
    return f"{format_number(env, number, digits)} {forms[index]}"
