import re
import shutil
import subprocess
import tempfile
import unittest
from datetime import date

from odoo.tests import HttpCase, tagged

from .test_portal_partner import PortalPartnerCommon

LANGS = ("kk_KZ", "ru_RU", "en_US")
KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)


def words(text):
    return [word.lower() for word in re.findall(r"[^\W\d_]{2,}", text)]


class LetterPrintMixin:
    """Letters printed by wkhtmltopdf (an HttpCase: it fetches the report assets from the test
    server) and read back with pdftotext."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not shutil.which("pdftotext"):
            raise unittest.SkipTest("pdftotext (poppler-utils) is not installed")

    def _pdf(self, report_ref, records, lang="en_US"):
        Report = self.env["ir.actions.report"].with_context(lang=lang, force_report_rendering=True)
        pdf, kind = Report._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), f"{report_ref}: a real PDF")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(["pdftotext", handle.name, "-"], capture_output=True, check=True,
                                  text=True).stdout
            pages = subprocess.run(["pdfinfo", handle.name], capture_output=True, check=True, text=True).stdout
        return " ".join(text.split()), int(re.search(r"Pages:\s+(\d+)", pages).group(1))


@tagged("post_install", "-at_install")
class TestPortalLetterPrints(LetterPrintMixin, PortalPartnerCommon, HttpCase):
    """Several guarantee letters print into one PDF, each letter on its pages; the nomination
    letter prints in Kazakh, Russian and English, each sentence whole in its language."""

    def test_several_guarantee_letters_in_one_pdf(self):
        delegation = self._create_visit()
        lines = delegation.guarantee_line_ids
        self.assertEqual(len(lines), 2)
        # from the list: the lines selected
        text, pages = self._pdf("intl_cooperation.intl_delegation_guarantee_line_report_letter", lines)
        self.assertGreaterEqual(pages, 2, "a letter from a new page each")
        self.assertEqual(text.count("GUARANTEE LETTER"), 2)
        for line in lines:
            with self.subTest(supplier=line.partner_id.name):
                self.assertIn(line.partner_id.name, text)
                self.assertIn(" ".join(line.services.split()), text)
        # from the print wizard: all the suppliers' letters at once
        wizard = self.env["intl.delegation.print"].with_user(self.user_officer).create({
            "delegation_id": delegation.id, "document": "guarantee", "lang": "en_US", "all_guarantee_lines": True})
        report, docs = wizard._get_report_and_docs()
        self.assertEqual(docs, lines)
        text, pages = self._pdf(report.report_name, docs)
        self.assertEqual(text.count("GUARANTEE LETTER"), 2)
        # the delegation's letters as the e-mail carries them (all its suppliers')
        text, pages = self._pdf("intl_cooperation.intl_delegation_report_guarantee_mail", delegation)
        self.assertGreaterEqual(pages, 2)
        self.assertEqual(text.count("GUARANTEE LETTER"), 2)
        for line in lines:
            self.assertIn(line.partner_id.name, text)
        # and one letter alone, as before
        text, pages = self._pdf("intl_cooperation.intl_delegation_guarantee_line_report_letter", lines[:1])
        self.assertEqual(pages, 1)
        self.assertIn(lines[0].partner_id.name, text)
        self.assertNotIn(lines[1].partner_id.name, text)

    def test_nomination_letter_in_three_languages(self):
        self.env["res.lang"].with_context(active_test=False).search([("code", "=", "kk_KZ")]).active = True
        mobility = self.env["intl.mobility"].with_user(self.user_officer).create({
            "participant_type": "staff", "direction": "outgoing", "mobility_type": "teaching",
            "programme_type": "bilateral", "partner_id": self.partner_institution.id,
            "agreement_id": self.agreement.id, "employee_id": self.employee_coordinator.id,
            "academic_year": "2026/2027", "date_start": date(2026, 10, 5), "date_end": date(2026, 10, 9),
            "language_id": self.env.ref("base.lang_en").id, "cefr_level": "C1"})
        letters = {}
        for lang in LANGS:
            with self.subTest(lang=lang):
                letter = mobility.with_context(lang=lang)._intl_nomination_letter()
                letters[lang] = letter
                self.assertEqual(len(letter["sentences"]), 5, "nominee, institute, agreement, language, request")
                for sentence in letter["sentences"]:
                    # a whole sentence: its values inside it, no placeholder left
                    self.assertNotIn("%(", sentence)
                    self.assertTrue(sentence.rstrip().endswith("."), sentence)
                self.assertIn(mobility.participant_name, letter["sentences"][0])
                self.assertIn(mobility.institute_id.name, letter["sentences"][1])
                self.assertIn(self.agreement.name, letter["sentences"][2])
                text, __ = self._pdf("intl_cooperation.intl_mobility_report_nomination", mobility, lang)
                # every word of every sentence, in the order written, is in the printed text
                printed = words(text)
                for part in (letter["title"], letter["addressee"], *letter["sentences"], letter["signatory"]):
                    expected = words(part)
                    missing = [word for word in expected if word not in printed]
                    self.assertFalse(missing, f"{lang}: {part!r} not printed whole: {missing}")
                if lang == "kk_KZ":
                    self.assertRegex(" ".join(letter["sentences"]), KAZAKH, "Kazakh, not Russian")
                if lang != "en_US":
                    self.assertRegex(letter["sentences"][0], r"[\u0400-\u04FF]")
                    self.assertNotIn("nominates", text)
        self.assertEqual(len({letter["sentences"][0] for letter in letters.values()}), 3)
        self.assertEqual(len({letter["sentences"][4] for letter in letters.values()}), 3)
