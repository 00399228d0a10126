from .amount_words import amount_to_words
from .amounts import MAX_AMOUNT, check_amounts, format_amount_lang, format_amount_plain
from .i18n_pack import install_code_translations

# The web client and Python code read the Kazakh pack of Odoo's own terms too.
install_code_translations()
