import re

from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import models
from odoo.tools import html2plaintext

from ..models.intl_annual_report import TREND_CODES

# figures with a fraction worth showing (months of mobility)
DECIMAL_CODES = ("mobility_months",)


def sheet_name(name):
    """A valid worksheet name: no []:*?/\\ and at most 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31]


class IntlAnnualReportXlsx(models.AbstractModel):
    """The annual report as a spreadsheet: a sheet per section, a trend chart.

    Headers are written in the report's language, figures as numbers, the
    totals of each breakdown as ``SUM`` formulas, and a chart sheet draws the
    main figures year after year.
    """

    _name = "report.intl_cooperation.annual_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Annual Report Spreadsheet"

    def get_workbook_options(self):
        """Every text is written as text: a purpose or a name starting with "=" never becomes
        a formula, nor a URL a link."""
        return dict(super().get_workbook_options(), strings_to_formulas=False, strings_to_urls=False)

    def generate_xlsx_report(self, workbook, data, objs):
        for report in objs:
            report = report.with_context(lang=report.lang)
            self.with_context(lang=report.lang)._write_report(workbook, report)

    def _formats(self, workbook):
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF",
                                           "border": 1, "text_wrap": True, "valign": "top"}),
            "text": workbook.add_format({"border": 1, "text_wrap": True}),
            "number": workbook.add_format({"border": 1, "num_format": "#,##0"}),
            "amount": workbook.add_format({"border": 1, "num_format": "#,##0.00"}),
            "decimal": workbook.add_format({"border": 1, "num_format": "#,##0.0"}),
            "total_label": workbook.add_format({"border": 1, "bold": True, "bg_color": "#DDEBF7"}),
            "total": workbook.add_format({"border": 1, "bold": True, "bg_color": "#DDEBF7",
                                          "num_format": "#,##0.00"}),
        }

    def _write_report(self, workbook, report):
        formats = self._formats(workbook)
        for section, label, rows in report._figures_by_section():
            sheet = workbook.add_worksheet(sheet_name(label))
            sheet.set_column(0, 0, 48)
            sheet.set_column(1, 1, 36)
            sheet.set_column(2, 2, 16)
            sheet.write(0, 0, "%s - %s" % (report.company_id.name, report.name), formats["title"])
            sheet.write(1, 0, label, formats["title"])
            headers = [self.env._("Figure"), self.env._("Breakdown"), self.env._("Value")]
            sheet.write_row(3, 0, headers, formats["header"])
            number = formats["amount"] if section == "money" else formats["number"]
            row = 4
            grouped = {}
            for code_label, dimension_label, value, figure in rows:
                if figure.dimension == "total":
                    sheet.write(row, 0, code_label, formats["text"])
                    sheet.write(row, 1, "", formats["text"])
                    sheet.write_number(row, 2, value,
                                       formats["decimal"] if figure.code in DECIMAL_CODES else number)
                    row += 1
                else:
                    grouped.setdefault(figure.code, (code_label, []))[1].append((dimension_label, value))
            for code_label, lines in grouped.values():
                row += 1
                first = row
                for dimension_label, value in lines:
                    sheet.write(row, 0, code_label, formats["text"])
                    sheet.write(row, 1, dimension_label or "", formats["text"])
                    sheet.write_number(row, 2, value, number)
                    row += 1
                total = sum(value for _label, value in lines)
                sheet.write(row, 0, self.env._("Total: %(figure)s", figure=code_label), formats["total_label"])
                sheet.write(row, 1, "", formats["total_label"])
                sheet.write_formula(row, 2, "=SUM(%s:%s)" % (xl_rowcol_to_cell(first, 2),
                                                             xl_rowcol_to_cell(row - 1, 2)),
                                    formats["total"], total)
                row += 1
            sheet.freeze_panes(4, 0)
        self._write_narrative(workbook, report, formats)
        self._write_review(workbook, report, formats)
        self._write_trend(workbook, report, formats)

    def _write_narrative(self, workbook, report, formats):
        sheet = workbook.add_worksheet(sheet_name(self.env._("Narrative")))
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 1, 100)
        sheet.write_row(0, 0, [self.env._("Section"), self.env._("Text")], formats["header"])
        for row, (label, html) in enumerate((
                (self.env._("State of International Activity"), report.summary),
                (self.env._("Conclusions"), report.conclusions),
                (self.env._("Proposals"), report.proposals)), start=1):
            text = html2plaintext(html or "")
            sheet.write(row, 0, label, formats["text"])
            sheet.write(row, 1, text, formats["text"])

    def _write_review(self, workbook, report, formats):
        """§7.3: the management review, the summary to the Academic Council, the decisions of
        both with their owner, deadline and status, and their follow-up counted by formulas."""
        sheet = workbook.add_worksheet(sheet_name(self.env._("Management Review")))
        widths = (6, 22, 50, 26, 14, 16, 14, 50)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        date_format = workbook.add_format({"border": 1, "num_format": "yyyy-mm-dd"})
        sheet.write(0, 0, "%s - %s" % (report.company_id.name, report.name), formats["title"])
        sheet.write(1, 0, self.env._("Management Review of the International Cooperation Process"),
                    formats["title"])
        rows = (
            (self.env._("Management Review on"), report.review_date),
            (self.env._("Management Review Summary"), html2plaintext(report.review_summary or "")),
            (self.env._("Academic Council on"), report.council_date),
            (self.env._("Council Decision No."), report.council_reference or ""),
            (self.env._("Summary to the Academic Council"), html2plaintext(report.council_summary or "")),
        )
        row = 3
        for label, value in rows:
            sheet.merge_range(row, 0, row, 1, label, formats["header"])
            if value and not isinstance(value, str):
                sheet.merge_range(row, 2, row, 7, "", formats["text"])
                sheet.write_datetime(row, 2, value, date_format)
            else:
                sheet.merge_range(row, 2, row, 7, value or "", formats["text"])
            row += 1
        row += 1
        origins = dict(self.env["intl.review.action"]._fields["origin"]._description_selection(self.env))
        states = dict(self.env["intl.review.action"]._fields["state"]._description_selection(self.env))
        sheet.write_row(row, 0, [self.env._("No."), self.env._("Decided by"), self.env._("Decision"),
                                 self.env._("Responsible"), self.env._("Deadline"), self.env._("Status"),
                                 self.env._("Done on"), self.env._("Result")], formats["header"])
        row += 1
        first = row
        actions = report._review_actions("review") | report._review_actions("council")
        for index, action in enumerate(actions, start=1):
            sheet.write_number(row, 0, index, formats["number"])
            sheet.write(row, 1, origins[action.origin], formats["text"])
            sheet.write(row, 2, action.name, formats["text"])
            sheet.write(row, 3, action.owner_id.name, formats["text"])
            sheet.write_datetime(row, 4, action.date_deadline, date_format)
            sheet.write(row, 5, states[action.state], formats["text"])
            if action.date_done:
                sheet.write_datetime(row, 6, action.date_done, date_format)
            else:
                sheet.write(row, 6, "", formats["text"])
            sheet.write(row, 7, action.result or "", formats["text"])
            row += 1
        last = max(row - 1, first)
        status = "%s:%s" % (xl_rowcol_to_cell(first, 5, row_abs=True, col_abs=True),
                            xl_rowcol_to_cell(last, 5, row_abs=True, col_abs=True))
        followup = report._review_followup()
        row += 1
        sheet.write(row, 2, self.env._("Follow-up of the Decisions"), formats["title"])
        row += 1
        sheet.write(row, 2, self.env._("Decisions"), formats["total_label"])
        sheet.write_formula(row, 3, "=COUNTA(%s)" % status, formats["number"], followup["total"])
        for key, state in (("done", "done"), ("open", "open"), ("cancelled", "cancelled")):
            row += 1
            sheet.write(row, 2, states[state], formats["total_label"])
            sheet.write_formula(row, 3, '=COUNTIF(%s,"%s")' % (status, states[state].replace('"', '""')),
                                formats["number"], followup[key])
        sheet.freeze_panes(first, 0)

    def _write_trend(self, workbook, report, formats):
        Figure = self.env["intl.annual.report.figure"]
        codes = dict(Figure._fields["code"]._description_selection(self.env))
        trend = report._trend()
        used = [code for code in TREND_CODES if any(code in values for values in trend.values())]
        data = workbook.add_worksheet(sheet_name(self.env._("Trend")))
        data.set_column(0, 0, 12)
        data.set_column(1, len(used), 20)
        data.write_row(0, 0, [self.env._("Year"), *(codes[code] for code in used)], formats["header"])
        years = sorted(trend)
        for row, year in enumerate(years, start=1):
            data.write_number(row, 0, year, formats["number"])
            for col, code in enumerate(used, start=1):
                data.write_number(row, col, trend[year].get(code, 0.0), formats["number"])
        chart = workbook.add_chart({"type": "line"})
        for col in range(1, len(used) + 1):
            chart.add_series({
                "name": [data.name, 0, col],
                "categories": [data.name, 1, 0, len(years), 0],
                "values": [data.name, 1, col, len(years), col],
                "marker": {"type": "circle"},
            })
        chart.set_title({"name": self.env._("International cooperation year on year")})
        chart.set_x_axis({"name": self.env._("Year")})
        chart.set_y_axis({"name": self.env._("Number")})
        chartsheet = workbook.add_chartsheet(sheet_name(self.env._("Trend Chart")))
        chartsheet.set_chart(chart)
