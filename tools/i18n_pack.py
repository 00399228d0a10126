"""The Kazakh language pack for Odoo's own terms (``i18n_pack/<lang>/<module>.po``).

Odoo 18 ships no Kazakh for the core modules the DP 717 flows go through (web,
mail, base, contacts, hr, resource, account, bus). The pack lives in this
addon, one ``.po`` file per core module and language, and is read by the two
paths Odoo reads translations through, without touching Odoo's tree:

* code terms (Python ``_()`` and the web client's ``_t``) are read by
  ``odoo.tools.translate.CodeTranslations`` through ``get_po_paths``: this
  module extends that function so that it also yields the pack's file;
* model terms (field labels, selection values, views, countries...) are
  stored in the database: ``ir.module.module._load_module_terms`` is extended
  (models/ir_module_module.py) to import the pack's file after the module's own.

The functions below that parse and check ``.po`` files import nothing from
Odoo, so that ``scripts/kk_pack.py`` can use them outside a server.
"""
import os
import re

PACK_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n_pack")
ADDON = "intl_cooperation"


def pack_languages():
    """Language folders of the pack (``kk``)."""
    if not os.path.isdir(PACK_DIR):
        return []
    return sorted(d for d in os.listdir(PACK_DIR) if os.path.isdir(os.path.join(PACK_DIR, d)))


def pack_modules(lang_dir):
    """Core modules the pack translates in ``lang_dir``."""
    folder = os.path.join(PACK_DIR, lang_dir)
    if not os.path.isdir(folder):
        return []
    return sorted(f[:-3] for f in os.listdir(folder) if f.endswith(".po"))


def pack_po_names(lang):
    """File names Odoo looks for a language (``kk`` then ``kk_KZ``)."""
    base = lang.split("_")[0]
    return [base] if base == lang else [base, lang]


def pack_po_paths(module_name, lang):
    """Absolute paths of the pack's files for ``module_name`` in ``lang``."""
    paths = []
    for name in pack_po_names(lang):
        path = os.path.join(PACK_DIR, name, f"{module_name}.po")
        if os.path.isfile(path):
            paths.append(path)
    return paths


# ---------------------------------------------------------------- PO parsing

def _unquote(text):
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a quoted PO string: {text!r}")
    out, i, body = [], 0, text[1:-1]
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def quote(text):
    """A PO string literal (one line)."""
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{text}"'


def parse_po(path):
    """Entries of a .po/.pot file: dicts with msgid, msgstr, comments (list of lines)."""
    with open(path, encoding="utf-8") as handle:
        content = handle.read()
    entries = []
    for block in re.split(r"\n\s*\n", content):
        comments, key, parts = [], None, {"msgid": [], "msgstr": []}
        for line in block.splitlines():
            if line.startswith("#"):
                comments.append(line)
            elif line.startswith("msgid "):
                key = "msgid"
                parts[key].append(_unquote(line[6:]))
            elif line.startswith("msgstr "):
                key = "msgstr"
                parts[key].append(_unquote(line[7:]))
            elif line.startswith('"') and key:
                parts[key].append(_unquote(line))
        if key is None:
            continue
        entries.append({
            "msgid": "".join(parts["msgid"]),
            "msgstr": "".join(parts["msgstr"]),
            "comments": comments,
        })
    return entries


def read_translations(path):
    """{msgid: msgstr} of the translated entries of a .po file."""
    return {e["msgid"]: e["msgstr"] for e in parse_po(path) if e["msgid"] and e["msgstr"]}


_PLACEHOLDER = re.compile(
    r"%\([^)]+\)[sdfr]|%[sdfr]|%%|\{\{.*?\}\}|\{[a-zA-Z_][\w.]*\}|</?[a-zA-Z][^>]*>|&[a-z]+;")


_TRANSLATABLE_ATTRIBUTE = re.compile(r'\b(title|aria-label|alt|placeholder|data-tooltip)="[^"]*"')


def placeholders(text):
    """Sorted placeholders and markup of a term: %(x)s, %s, {{ x }}, {x}, tags, entities.

    The values of a tag's translatable attributes (title, aria-label, alt,
    placeholder, data-tooltip) are left out: they are text to translate.
    """
    return sorted(_TRANSLATABLE_ATTRIBUTE.sub(r'\1=""', found) for found in _PLACEHOLDER.findall(text))


def check_entry(msgid, msgstr):
    """Problems of one translation: placeholders or markup differing from the source."""
    problems = []
    if placeholders(msgid) != placeholders(msgstr):
        problems.append(
            f"placeholders/markup differ: {placeholders(msgid)} != {placeholders(msgstr)}")
    if msgid.endswith("\n") != msgstr.endswith("\n"):
        problems.append("trailing newline differs")
    return problems


# ------------------------------------------------------------ Odoo's loaders

def odoo_pack_paths(module_name, lang):
    """The pack's files as Odoo resolves them (within its addons path, for file_open)."""
    from odoo.tools.misc import file_path  # Odoo only when a server runs (see above)

    paths = []
    for name in pack_po_names(lang):
        try:
            paths.append(file_path(f"{ADDON}/i18n_pack/{name}/{module_name}.po"))
        except FileNotFoundError:
            continue
    return paths


def install_code_translations():
    """Let Odoo's code-translation loader read the pack (idempotent).

    ``CodeTranslations`` (python ``_()`` and the web client's terms) calls the
    module-level ``get_po_paths`` of ``odoo.tools.translate``; the extended
    function yields Odoo's own files first and then the pack's, so the pack
    completes them. Cached code translations of the pack's languages are
    dropped, in case they were read before this addon was imported.
    """
    from odoo.tools import translate  # the pure helpers above run without Odoo

    original = translate.get_po_paths
    if getattr(original, "_intl_pack", False):
        return

    def get_po_paths(module_name, lang, env=None):
        yield from original(module_name, lang, env=env)
        yield from odoo_pack_paths(module_name, lang)

    get_po_paths._intl_pack = True
    translate.get_po_paths = get_po_paths
    langs = set(pack_languages())
    for cache in (translate.code_translations.python_translations,
                  translate.code_translations.web_translations):
        for key in [k for k in cache if k[1].split("_")[0] in langs]:
            cache.pop(key, None)
