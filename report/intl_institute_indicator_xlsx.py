from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import models

from .intl_annual_report_xlsx import sheet_name


class IntlInstituteIndicatorXlsx(models.AbstractModel):
    """An institute's indicators as a spreadsheet: one sheet per institute and year."""

    _name = "report.intl_cooperation.institute_indicator_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Institute Indicators Spreadsheet"

    def get_workbook_options(self):
        """Every text is written as text: a purpose or a name starting with "=" never becomes
        a formula, nor a URL a link."""
        return dict(super().get_workbook_options(), strings_to_formulas=False, strings_to_urls=False)

    def generate_xlsx_report(self, workbook, data, objs):
        header = workbook.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF",
                                      "border": 1, "text_wrap": True})
        text = workbook.add_format({"border": 1})
        number = workbook.add_format({"border": 1, "num_format": "#,##0"})
        percent = workbook.add_format({"border": 1, "num_format": "0%"})
        bold = workbook.add_format({"bold": True, "font_size": 13})
        codes = dict(objs._fields["code"]._description_selection(self.env))
        statuses = dict(objs._fields["status"]._description_selection(self.env))
        groups = {}
        for indicator in objs.sorted(lambda i: (i.institute_id.name, i.year, i.code)):
            groups.setdefault((indicator.institute_id, indicator.year), []).append(indicator)
        for (institute, year), indicators in groups.items():
            sheet = workbook.add_worksheet(sheet_name("%s %s" % (year, institute.name)))
            sheet.set_column(0, 0, 40)
            sheet.set_column(1, 4, 16)
            sheet.write(0, 0, "%s, %s" % (institute.name, year), bold)
            sheet.write_row(2, 0, [self.env._("Indicator"), self.env._("Target"), self.env._("Actual"),
                                   self.env._("Progress"), self.env._("Status")], header)
            for row, indicator in enumerate(indicators, start=3):
                sheet.write(row, 0, codes[indicator.code], text)
                sheet.write_number(row, 1, indicator.target, number)
                sheet.write_number(row, 2, indicator.actual, number)
                target, actual = xl_rowcol_to_cell(row, 1), xl_rowcol_to_cell(row, 2)
                sheet.write_formula(row, 3, "=IF(%s>0,%s/%s,0)" % (target, actual, target), percent,
                                    (indicator.actual / indicator.target) if indicator.target else 0)
                sheet.write(row, 4, statuses.get(indicator.status, ""), text)
