from .amount_words import amount_to_words
from .amounts import MAX_AMOUNT, check_amounts, format_amount_lang, format_amount_plain
