import csv
import glob
import re
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged

ROOT = Path(__file__).resolve().parent.parent


@tagged("post_install", "-at_install")
class TestLanguageGlossary(TransactionCase):
    """One glossary (PROCEDURE.md's, extended: i18n/glossary.csv) that the module's .po files and
    the pack of Odoo's own terms follow: where an English source names a glossary term, its
    translation does not use the words the glossary rules out."""

    def _rows(self):
        with open(ROOT / "i18n" / "glossary.csv", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    def test_glossary_has_the_one_word_terms(self):
        """Issue 25, item 12: one term, one word, across the module and the pack."""
        terms = {row["en"].split(" (")[0].split(",")[0] for row in self._rows()}
        for term in ("traveller", "submit", "cancel", "cancelled", "reversal", "journal entry", "contract",
                     "passport", "missed working hours / days", "agree", "approve", "job title", "position",
                     "semester", "comment", "explanation", "alert", "DP 717"):
            self.assertIn(term, terms)

    def test_glossary_has_the_procedure_terms(self):
        rows = self._rows()
        self.assertGreaterEqual(len([row for row in rows if row["note"] == "PROCEDURE.md"]), 21)
        for row in rows:
            if row["note"] == "PROCEDURE.md":
                self.assertTrue(row["kk"] and row["ru"], row["en"])

    def test_translations_follow_the_glossary(self):
        files = {
            "kk": [ROOT / "i18n" / "kk.po", *sorted(glob.glob(str(ROOT / "i18n_pack" / "kk" / "*.po")))],
            "ru": [ROOT / "i18n" / "ru.po", *sorted(glob.glob(str(ROOT / "i18n_pack" / "ru" / "*.po")))],
        }
        # a rule's scope: every file (empty) or the module's own .po files ("module")
        rules = [(re.compile(row["match"] or re.escape(row["en"]), re.IGNORECASE),
                  lang, re.compile(row[f"{lang}_avoid"]), row["en"], row.get("scope") or "")
                 for row in self._rows() for lang in ("kk", "ru") if row[f"{lang}_avoid"]]
        errors = []
        for lang, paths in files.items():
            for path in paths:
                module = Path(path).parent.name == "i18n"
                for entry in polib.pofile(str(path)):
                    texts = [entry.msgstr, *entry.msgstr_plural.values()]
                    for match, rule_lang, avoid, term, scope in rules:
                        if scope == "module" and not module:
                            continue
                        if rule_lang == lang and match.search(entry.msgid) \
                                and any(avoid.search(text) for text in texts):
                            errors.append(f"{Path(path).name}: {term}: {entry.msgid!r} -> {texts[0]!r}")
        self.assertFalse(errors, "\n".join(errors))
