import lxml.html
from lxml import etree

from odoo import models

ARTICLE_XPATH = "//div[contains(concat(' ', normalize-space(@class), ' '), ' article ')]"


class IrActionsReport(models.Model):
    """The module's papers are legal papers of the university: their dates and times are in the
    company's time zone (Asia/Almaty), whoever prints them and wherever their browser is.

    Several records printed at once (guarantee letters of a delegation, a list's selection) go to
    wkhtmltopdf as one document: each record's ``web.external_layout`` is an ``article`` that Odoo
    turns into a document of its own, and the wkhtmltopdf built against an unpatched Qt (Debian's,
    this server's) refuses more than one input document ("does not support more than one input
    document", exit code 1, which Odoo tolerates): the PDF came out empty. The articles are put
    into one, each record from a new page."""

    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        report = self._get_report(report_ref)
        if report.report_name and report.report_name.startswith("intl_cooperation."):
            tz = self.env["intl.disciplinary.case"]._paper_tz_name(self.env.company)
            if tz:
                self = self.with_context(tz=tz)
        return super()._render_qweb_html(report_ref, docids, data=data)

    def _prepare_html(self, html, report_model=False):
        if not (self.report_name or "").startswith("intl_cooperation."):
            return super()._prepare_html(html, report_model=report_model)
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
        articles = root.xpath(ARTICLE_XPATH)
        if len(articles) < 2:
            return super()._prepare_html(html, report_model=report_model)
        # the records the articles are of (as Odoo reads them), to split the PDF by record after
        record_ids = [int(article.get("data-oe-id") or 0) if article.get("data-oe-model") == report_model else None
                      for article in articles]
        first = articles[0]
        for article in articles[1:]:
            etree.SubElement(first, "div", {"class": "o_intl_page_break", "style": "page-break-before: always;"})
            for child in list(article):
                first.append(child)
            article.getparent().remove(article)
        merged = lxml.html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>")
        bodies, __, header, footer, paperformat_args = super()._prepare_html(merged, report_model=report_model)
        return bodies, record_ids, header, footer, paperformat_args
