#!/usr/bin/env python3
"""Maintain the Kazakh pack of Odoo's own terms (i18n_pack/<lang>/<module>.po).

  kk_pack.py refresh   re-merge every pack file with the module's current .pot in
                       the Odoo tree: translations kept by msgid, Odoo's references
                       and comments refreshed (they tell Odoo where a term is used),
                       terms Odoo no longer has dropped (and listed)
  kk_pack.py check     msgfmt -c on every file, plus placeholders and markup
                       identical to the source term; exit 1 on any problem
  kk_pack.py stats     terms per module and in total

ODOO_HOME (default /opt/odoo18) locates Odoo's addons. `make kk-pack` runs
refresh, check and stats, then reloads the pack into a database (DB=...).
"""
import importlib.util
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("i18n_pack", os.path.join(ROOT, "tools", "i18n_pack.py"))
pack = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pack)

HEADER = """# Odoo 18 ({module}) in language "{lang}": the terms the DP 717 flows show.
# Part of the intl_cooperation addon (i18n_pack); maintained with scripts/kk_pack.py.
msgid ""
msgstr ""
"Project-Id-Version: Odoo Server 18.0\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""


def odoo_pot(module):
    home = os.environ.get("ODOO_HOME", "/opt/odoo18")
    for folder in (os.path.join(home, "odoo", "addons"), os.path.join(home, "addons"),
                   os.path.join(home, "odoo", "odoo", "addons")):
        path = os.path.join(folder, module, "i18n", f"{module}.pot")
        if os.path.isfile(path):
            return path
    return None


def pack_files():
    for lang in pack.pack_languages():
        for module in pack.pack_modules(lang):
            yield lang, module, os.path.join(pack.PACK_DIR, lang, f"{module}.po")


def refresh():
    for lang, module, path in pack_files():
        pot = odoo_pot(module)
        if not pot:
            print(f"{lang}/{module}: no {module}.pot in the Odoo tree, left as is")
            continue
        translations = pack.read_translations(path)
        kept, seen = 0, set()
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            out.write(HEADER.format(module=module, lang=lang))
            for entry in pack.parse_po(pot):
                msgid = entry["msgid"]
                if not msgid or msgid not in translations or msgid in seen:
                    continue
                seen.add(msgid)
                out.write("\n".join(entry["comments"]) + "\n" if entry["comments"] else "")
                out.write(f"msgid {pack.quote(msgid)}\nmsgstr {pack.quote(translations[msgid])}\n\n")
                kept += 1
        os.replace(path + ".tmp", path)
        gone = sorted(set(translations) - seen)
        print(f"{lang}/{module}: {kept} terms" + (f", {len(gone)} no longer in Odoo (dropped)" if gone else ""))
        for msgid in gone:
            print(f"    dropped: {msgid!r}")


def check():
    problems = 0
    for lang, module, path in pack_files():
        result = subprocess.run(["msgfmt", "-c", "-o", os.devnull, path], capture_output=True, text=True)
        if result.returncode:
            problems += 1
            print(f"{lang}/{module}: msgfmt -c failed\n{result.stderr}")
        for entry in pack.parse_po(path):
            if not entry["msgid"]:
                continue
            for problem in pack.check_entry(entry["msgid"], entry["msgstr"]):
                problems += 1
                print(f"{lang}/{module}: {entry['msgid']!r}: {problem}")
    print("pack check: " + ("OK" if not problems else f"{problems} problem(s)"))
    return 1 if problems else 0


def stats():
    total = 0
    for lang, module, path in pack_files():
        count = len(pack.read_translations(path))
        total += count
        print(f"{lang}/{module}: {count}")
    print(f"total: {total} terms")


if __name__ == "__main__":
    commands = sys.argv[1:] or ["refresh", "check", "stats"]
    status = 0
    for command in commands:
        if command not in ("refresh", "check", "stats"):
            sys.exit(__doc__)
        status |= globals()[command]() or 0
    sys.exit(status)
