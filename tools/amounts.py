"""Amounts as people read them: never in scientific notation, never absurd.

Python (and the web client) print floats of 1e21 and more as ``2.27e+25``.
The module refuses amounts above ``MAX_AMOUNT`` where an amount is entered
(estimates, payments, reports, costs) and formats every amount it writes in a
message or a printed form with ``format_amount_plain``.
"""
from decimal import Decimal, localcontext

from odoo.exceptions import ValidationError

# A trillion in any currency: far above any trip or visit of a university.
MAX_AMOUNT = 10 ** 12


def format_amount_plain(amount, digits=2, thousands_sep=" ", decimal_point=","):
    """``amount`` with ``digits`` decimals and grouped thousands, without exponent.

    >>> format_amount_plain(2.27e25)
    '22 700 000 000 000 000 000 000 000,00'
    """
    if amount is None or amount is False:
        amount = 0.0
    with localcontext() as context:
        # enough digits for any float, however large: never an exponent
        context.prec = 400
        value = Decimal(repr(float(amount))).quantize(Decimal(1).scaleb(-digits))
        sign = "-" if value < 0 else ""
        text = f"{abs(value):f}"
    whole, _, decimals = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = sign + thousands_sep.join(groups)
    return f"{result}{decimal_point}{decimals}" if digits else result


def format_amount_lang(env, amount, currency=None):
    """``amount`` in the separators of the user's language, with the currency symbol."""
    lang = env["res.lang"]._get_data(code=env.lang or "en_US")
    digits = currency.decimal_places if currency else 2
    text = format_amount_plain(amount, digits, thousands_sep=lang.thousands_sep or "",
                               decimal_point=lang.decimal_point or ".")
    if not currency:
        return text
    if currency.position == "before":
        return f"{currency.symbol}\N{NO-BREAK SPACE}{text}"
    return f"{text}\N{NO-BREAK SPACE}{currency.symbol}"


def check_amounts(records, field_names, allow_negative=False):
    """Refuse amounts of ``field_names`` that are negative or above ``MAX_AMOUNT``."""
    for record in records:
        for name in field_names:
            value = record[name] or 0.0
            label = record._fields[name]._description_string(record.env)
            if not allow_negative and value < 0:
                raise ValidationError(record.env._(
                    "%(field)s cannot be negative (%(value)s).",
                    field=label, value=format_amount_plain(value)))
            if abs(value) > MAX_AMOUNT:
                raise ValidationError(record.env._(
                    "%(field)s of %(value)s is not a meaningful amount (at most %(max)s).",
                    field=label, value=format_amount_plain(value),
                    max=format_amount_plain(MAX_AMOUNT, 0)))
