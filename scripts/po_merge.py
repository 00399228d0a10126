"""Merge a .pot template into .po files, keeping their translations.

Usage: po_merge.py TEMPLATE.pot LANG.po [LANG.po ...]
Prints, per file, how many entries are still untranslated.
"""
import os
import sys

import polib

LANGUAGES = {"kk": "Kazakh (kk_KZ)", "ru": "Russian (ru_RU)"}


def merge(template_path, po_path):
    template = polib.pofile(template_path)
    lang = os.path.splitext(os.path.basename(po_path))[0]
    old = polib.pofile(po_path) if os.path.exists(po_path) else polib.POFile()
    known = {(entry.msgctxt, entry.msgid): entry for entry in old if not entry.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(template.metadata)
    po.metadata.update({
        "Language": lang,
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n != 1);" if lang == "kk"
        else "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
             "(n%100<10 || n%100>=20) ? 1 : 2);",
    })
    po.header = f"Translation of intl_cooperation into {LANGUAGES.get(lang, lang)}"
    for entry in template:
        previous = known.get((entry.msgctxt, entry.msgid))
        new = polib.POEntry(
            msgid=entry.msgid, msgctxt=entry.msgctxt, occurrences=entry.occurrences,
            comment=entry.comment, tcomment=entry.tcomment, flags=[f for f in entry.flags if f != "fuzzy"],
            msgstr=previous.msgstr if previous else "",
        )
        po.append(new)
    po.save(po_path)
    missing = sum(1 for entry in po if not entry.msgstr)
    print(f"{po_path}: {len(po)} entries, {missing} untranslated")


if __name__ == "__main__":
    for path in sys.argv[2:]:
        merge(sys.argv[1], path)
