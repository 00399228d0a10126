import logging
import re
import shutil
import subprocess
import tempfile
import unittest

import lxml.html

from odoo.tests import HttpCase, tagged

_logger = logging.getLogger(__name__)

# the demo record each printed form is tried on
RECORDS = {
    "intl.trip": "intl_cooperation.intl_trip_settled_under_demo",
    "intl.agreement": "intl_cooperation.intl_agreement_metu_demo",
    "intl.delegation": "intl_cooperation.intl_delegation_tu_berlin_demo",
}
LANGS = ("kk_KZ", "ru_RU", "en_US")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def words(text):
    """Words of two letters or more (numbers and punctuation left out)."""
    return {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)}


@tagged("post_install", "-at_install")
class TestLanguagePrints(HttpCase):
    """Every printed form of the module, in Kazakh, Russian and English, is real text.

    The PDF is turned back into text with pdftotext: its title (the first heading)
    and every word of the printed page must be found, so that the prints can be
    searched, copied and archived in each language (one font for the three
    alphabets: static/src/scss/intl_report.scss).
    An HttpCase: wkhtmltopdf fetches the report assets from the test server.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not shutil.which("pdftotext"):
            raise unittest.SkipTest("pdftotext (poppler-utils) is not installed")

    def _pdf_text(self, pdf):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            return subprocess.run(["pdftotext", "-layout", handle.name, "-"],
                                  capture_output=True, check=True, text=True).stdout

    def _record(self, report):
        xmlid = RECORDS.get(report.model)
        record = self.env.ref(xmlid, raise_if_not_found=False) if xmlid else None
        return record or self.env[report.model].search([], limit=1)

    def test_every_form_has_its_text_in_three_languages(self):
        reports = self.env["ir.actions.report"].search([
            ("report_name", "=like", "intl_cooperation.%"), ("report_type", "=", "qweb-pdf")])
        self.assertGreaterEqual(len(reports), 10)
        Report = self.env["ir.actions.report"]
        checked = 0
        without_record = []
        for report in reports:
            record = self._record(report)
            if report.model in RECORDS:
                self.assertTrue(record, f"no {report.model} to print {report.name} on")
            elif not record:
                # forms of processes without demo records in the test database: their own
                # report tests render them (test_degree_reports, test_scholar_reports, ...)
                without_record.append(report.name)
                continue
            for lang in LANGS:
                with self.subTest(report=report.report_name, lang=lang):
                    html = Report.with_context(lang=lang)._render_qweb_html(report.report_name, record.ids)[0]
                    page = lxml.html.fromstring(html)
                    article = page.xpath("//div[contains(@class, 'article')]")[0]
                    heading = article.xpath(".//h1|.//h2|.//h3|.//h4|.//h5")
                    self.assertTrue(heading, f"{report.name}: the print has no title")
                    title = " ".join(heading[0].text_content().split())
                    if lang == "en_US":
                        self.assertFalse(CYRILLIC.search(title), f"{report.name} en: {title}")
                    else:
                        self.assertTrue(CYRILLIC.search(title), f"{report.name} {lang}: {title}")
                    pdf, __ = Report.with_context(lang=lang, force_report_rendering=True)._render_qweb_pdf(
                        report.report_name, record.ids)
                    text = self._pdf_text(pdf)
                    found = words(text)
                    missing_title = words(title) - found
                    self.assertFalse(missing_title, f"{report.name} {lang}: title {title!r} not in the PDF text")
                    missing = words(" ".join(article.itertext())) - found
                    self.assertFalse(missing, f"{report.name} {lang}: words missing from the PDF text: "
                                              f"{sorted(missing)[:20]}")
                    checked += 1
        _logger.info("Printed forms checked with pdftotext: %s reports x %s languages = %s PDFs; "
                     "without a record to print on here: %s",
                     len(reports) - len(without_record), len(LANGS), checked, ", ".join(without_record))
