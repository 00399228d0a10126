from odoo import api, models

from ..tools.numbers import UNITS, count_text, format_number


class IrQwebFieldIntlNumber(models.AbstractModel):
    """A number as the paper's language writes it, for every figure the module's papers print
    (``<t t-out="hours" t-options="{'widget': 'intl_number'}"/>``): the language's decimal point
    and thousands separator (7,5 and 1 250 in Kazakh and Russian, 7.5 and 1,250 in English),
    no decimals for a whole number unless ``digits`` is given; with ``unit`` (a unit of
    ``tools.numbers``: ``'day|days'``...) the count and its noun in agreement. The paper's language is the
    rendering's (``t-lang``), whoever prints it; Python writes numbers with
    ``tools.numbers.format_number``, the same function."""

    _name = "ir.qweb.field.intl_number"
    _description = "Qweb Field Number in the Paper's Language"
    _inherit = "ir.qweb.field"

    @api.model
    def value_to_html(self, value, options):
        if value is None or value is False or value == "":
            return ""
        env = self.with_context(lang=self.user_lang().code).env
        unit = UNITS.get(options.get("unit"))
        if unit:
            # a count with its noun agreeing with it (1 день, 2 дня, 5 дней)
            return count_text(env, value, unit, options.get("digits"))
        return format_number(env, value, options.get("digits"))
