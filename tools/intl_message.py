"""Chatter messages that each reader reads in their own language.

A message the module posts is stored with its translation key (the English
source string, translated through the module's .po files) and its parameters
as JSON: plain values, dates as ISO strings, records as references, selection
values as keys, amounts with their currency, and nested translated terms. The
web client receives the body rendered again in the reader's language (see
``mail.message._to_store``); the stored body is a readable fallback in the
company's language (e-mails, exports, other clients).

Usage (``_lt`` marks the source for the .pot file)::

    _lt = LazyTranslate(__name__)
    record._intl_message_post(_lt("Approved: %(step)s", step=line.step_id),
                              subtype_xmlid="mail.mt_note")
    record._intl_message_post([_lt("Rejected: %(step)s", step=...), _lt("Reason: %(reason)s", reason=...)])
"""

import functools
import os
from datetime import date, datetime

from babel.messages.pofile import read_po
from markupsafe import Markup

from odoo import fields, models
from odoo.tools import format_date, format_datetime, formatLang
from odoo.tools.translate import LazyGettext, get_translation

from .amounts import format_amount_lang
from .numbers import UNITS, count_text

MODULE = "intl_cooperation"
LINES = "_lines"

# The context entry only the module's own posting code sets (mail_thread.py): its value is a
# Python object no JSON-RPC client can send, so no client sets a message's key or parameters.
TOKEN_KEY = "intl_message_token"
TOKEN = object()
KEY_FIELDS = ("intl_body_key", "intl_body_params")
# the same for the summary of an activity (mail_activity.py)
SUMMARY_FIELDS = ("intl_summary_key", "intl_summary_params")
# sources the module's code encoded in this process (besides the .pot's)
_ENCODED = set()


def trusted(env):
    """Whether ``env`` is the module's own posting code."""
    return env.context.get(TOKEN_KEY) is TOKEN


@functools.cache
def _pot_sources():
    """The msgids of the module's .pot: the messages a stored key may name."""
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n", f"{MODULE}.pot")
    try:
        with open(path, encoding="utf-8") as pot:
            return frozenset(message.id for message in read_po(pot) if message.id)
    except OSError:
        return frozenset()


def is_known_source(source):
    """Whether ``source`` is one of the module's message sources (a stored key is trusted
    only then: anything else is rendered from the stored body)."""
    return isinstance(source, str) and (source in _ENCODED or source in _pot_sources())


def selection(record, field_name, value=None):
    """A selection value, shown with its label in the reader's language."""
    value = record[field_name] if value is None else value
    return {"_sel": [record._name, field_name, value]}


def amount(value, currency=None):
    """An amount, shown in the reader's number format with its currency."""
    return {"_amount": value or 0.0, "_currency": currency.id if currency else False}


def count(value, unit):
    """A count with its unit (``tools.numbers``: ``DAYS``...), the unit agreeing with the number
    in the reader's language ("21 день", "5 дней")."""
    return {"_count": value or 0, "_unit": unit._source}


def encode(value):
    """A JSON-storable form of a message parameter."""
    if isinstance(value, LazyGettext):
        _ENCODED.add(value._source)
        return {"_t": value._source, "_p": encode_params(value._args)}
    if isinstance(value, models.BaseModel):
        return {"_ref": value._name, "_ids": value.ids}
    if isinstance(value, datetime):
        return {"_datetime": fields.Datetime.to_string(value)}
    if isinstance(value, date):
        return {"_date": fields.Date.to_string(value)}
    if isinstance(value, Markup):
        return {"_html": str(value)}
    if isinstance(value, list | tuple):
        return {"_list": [encode(item) for item in value]}
    if isinstance(value, dict):
        return value
    if value is None or value is False:
        return ""
    return value


def encode_params(args):
    if not args:
        return {}
    if isinstance(args, dict):
        return {key: encode(value) for key, value in args.items()}
    return {str(index): encode(value) for index, value in enumerate(args)}


def encode_message(parts):
    """(key, params) of a message made of one or more translated lines."""
    if isinstance(parts, LazyGettext):
        parts = [parts]
    first, *more = parts
    _ENCODED.update(part._source for part in parts)
    params = encode_params(first._args)
    if more:
        params[LINES] = [[part._source, encode_params(part._args)] for part in more]
    return first._source, params


def render_value(env, value, fresh=False):
    """The text (or markup) of an encoded parameter in ``env``'s language.

    ``fresh``: the parameters were encoded just now, their records exist.
    """
    if isinstance(value, dict):
        if "_t" in value:
            if not is_known_source(value["_t"]):
                return ""
            return render_term(env, value["_t"], value.get("_p"), fresh=fresh)
        if "_ref" in value:
            if value["_ref"] not in env:
                return ""
            ids = [rid for rid in value.get("_ids") or [] if isinstance(rid, int)]
            records = env[value["_ref"]].browse(ids)
            if not fresh:
                # the reader's rights: a name they may not read is not shown to them
                records = records.exists()._filtered_access("read")
            # sudo: the display name of records the reader may read (or the poster's, when
            # fresh) can need fields behind other rules
            return ", ".join(records.sudo().mapped("display_name"))
        if "_model" in value:
            return env["ir.model"]._get(value["_model"]).name or value["_model"]
        if "_date" in value:
            return format_date(env, value["_date"])
        if "_datetime" in value:
            return format_datetime(env, value["_datetime"], tz=env.user.tz or env.context.get("tz"))
        if "_html" in value:
            return Markup(value["_html"])
        if "_list" in value:
            return Markup(", ").join(render_value(env, item, fresh) for item in value["_list"])
        if "_sel" in value:
            model, field_name, key = value["_sel"]
            if model not in env or field_name not in env[model]._fields:
                return key or ""
            labels = dict(env[model]._fields[field_name]._description_selection(env))
            return labels.get(key, key or "")
        if "_count" in value:
            unit = UNITS.get(value.get("_unit"))
            number = value["_count"] if isinstance(value["_count"], int | float) else 0
            return count_text(env, number, unit) if unit else formatLang(env, number, digits=0)
        if "_amount" in value:
            currency = env["res.currency"].browse(value.get("_currency")).exists() if value.get("_currency") else None
            return format_amount_lang(env, value["_amount"], currency)
        return ""
    if isinstance(value, float):
        return formatLang(env, value)
    if isinstance(value, bool) or value is None:
        return ""
    if not isinstance(value, str | int):
        return str(value)
    return value


def render_term(env, source, params=None, fresh=False):
    """``source`` translated into ``env``'s language, its parameters rendered in it (markup)."""
    lang = env.lang or "en_US"
    translated = get_translation(MODULE, lang, source, ()) if lang != "en_US" else source
    params = dict(params or {})
    params.pop(LINES, None)
    # the source and its translations are the module's own markup; parameters are escaped
    template = Markup(translated)
    if not params:
        return template
    rendered = {key: render_value(env, value, fresh) for key, value in params.items()}
    for candidate in (template, Markup(source)):
        try:
            if all(key.isdigit() for key in rendered):
                return candidate % tuple(rendered[key] for key in sorted(rendered, key=int))
            return candidate % rendered
        except (KeyError, TypeError, ValueError):
            # a broken translation must not hide the message: try the English source
            continue
    return Markup(source)


def render_message(env, key, params, fresh=False):
    """The body of a message of the module in ``env``'s language (``fresh``: see render_value)."""
    body = render_term(env, key, params, fresh)
    more = [(source, part) for source, part in (params or {}).get(LINES) or []
            if is_known_source(source)]
    if more:
        body = Markup("<br/>").join([body, *(render_term(env, source, part, fresh) for source, part in more)])
    return body


def trusting(records):
    """``records`` in the context of the module's own posting code (keys of messages and
    activity summaries accepted)."""
    return records.with_context(**{TOKEN_KEY: TOKEN})


def summary_vals(env, term):
    """Values of an activity whose summary ``term`` (a ``_lt`` term) each reader reads in their own
    language: the English source and its parameters, and the text in ``env``'s language stored as
    the summary (e-mails, searches, other clients)."""
    key, params = encode_message(term)
    return {"summary": render_message(env, key, params, fresh=True).unescape(),
            "intl_summary_key": key, "intl_summary_params": params}


def render_summary(env, key, params):
    """The summary of an activity stored with ``summary_vals`` in ``env``'s language (plain
    text), or None when the key is not one of the module's sources."""
    if not is_known_source(key) or not isinstance(params or {}, dict):
        return None
    return render_message(env, key, params).unescape()
