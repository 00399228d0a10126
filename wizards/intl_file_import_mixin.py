import base64
import csv
import io

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools.numbers import CELLS, CHARACTERS, count_text
from ..tools.numbers import COLUMNS as COLUMN_UNITS

MAX_ERRORS_SHOWN = 200
# the size of a file the office imports at once (a year of one university's transcripts fits)
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50000
MAX_CELL_CHARS = 1000


class IntlFileImportMixin(models.AbstractModel):
    """Reading a CSV or XLSX file for an import with a preview: one parser for every import.

    The importing wizard names its columns (``_import_columns``, with the
    header spellings it also accepts in ``_import_aliases``) and the columns a
    file must have (``_import_required_columns``); ``_import_read_rows`` gives
    the header-keyed rows of the file, size-checked (bytes, rows, columns,
    cells) with a translated error for a file that cannot be read.
    ``_import_errors_html`` shows the faulty rows, escaped.
    """

    _name = "intl.file.import.mixin"
    _description = "File Import (CSV or XLSX) with a Preview"

    _import_columns = ()
    _import_aliases = {}
    _import_required_columns = ()

    file = fields.Binary(required=True)
    filename = fields.Char()
    state = fields.Selection([("upload", "Upload"), ("preview", "Preview")], default="upload", required=True)
    error_count = fields.Integer(readonly=True)
    error_html = fields.Html("Errors", readonly=True, sanitize=False)
    row_count = fields.Integer("Rows", readonly=True)

    def action_back(self):
        """Back to the upload step, for another file (the preview rows are dropped)."""
        self.ensure_one()
        if "line_ids" in self._fields:
            self.line_ids.unlink()
        self.write({"state": "upload", "error_count": 0, "error_html": False})
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self._import_title(),
        }

    def _import_title(self):
        """The wizard's title, in the user's language."""
        return self._description

    def _import_read_rows(self):
        """Header-keyed rows of the file: ``[(row number, {column: text})]``."""
        encoded = self.file or b""
        # base64 is 4/3 of the bytes: refused before decoding a huge upload
        if len(encoded) * 3 // 4 > MAX_FILE_BYTES:
            raise UserError(self.env._(
                "The file is larger than %(size)s MB: split it into smaller files.",
                size=MAX_FILE_BYTES // (1024 * 1024)))
        try:
            content = base64.b64decode(encoded)
        except ValueError as exc:
            raise UserError(self.env._("The file cannot be read.")) from exc
        name = (self.filename or "").lower()
        if name.endswith(".xlsx"):
            table = self._import_read_xlsx(content)
        elif name.endswith(".csv") or not name:
            table = self._import_read_csv(content)
        else:
            raise UserError(self.env._("Import a CSV or an XLSX file."))
        if not table:
            raise UserError(self.env._("The file is empty."))
        header = []
        for cell in table[0]:
            column = str(cell or "").strip().lower().replace(" ", "_")
            header.append(self._import_aliases.get(column, column))
        unknown = [col for col in header if col and col not in self._import_columns]
        if unknown:
            raise UserError(self.env._(
                "Unknown columns: %(columns)s. Expected columns: %(expected)s.",
                columns=", ".join(unknown), expected=", ".join(self._import_columns),
            ))
        missing = [col for col in self._import_required_columns if col not in header]
        if missing:
            raise UserError(self.env._("Missing columns: %(columns)s.", columns=", ".join(missing)))
        rows = []
        for number, cells in enumerate(table[1:], start=2):
            values = {
                col: self._import_cell_text(cells[index]) if index < len(cells) else ""
                for index, col in enumerate(header) if col
            }
            if any(values.values()):
                rows.append((number, values))
        return rows

    @staticmethod
    def _import_cell_text(value):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if hasattr(value, "strftime"):
            return value.strftime("%Y-%m-%d")
        return str(value).strip()

    def _import_read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError(self.env._("Save the CSV file in UTF-8.")) from exc
        dialect = csv.excel
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        table = []
        try:
            for row in csv.reader(io.StringIO(text), dialect):
                self._import_check_row_limits(len(table), row)
                table.append(row)
        except csv.Error as exc:
            raise UserError(self.env._("The CSV file cannot be read: %(error)s", error=exc)) from exc
        return table

    def _import_check_row_limits(self, count, row):
        """Refuse a file with too many rows, columns or too long a cell, with a clear error."""
        if count >= MAX_ROWS + 1:
            raise UserError(self.env._(
                "The file has more than %(rows)s rows: split it into smaller files.", rows=MAX_ROWS))
        used = len(row)
        while used and row[used - 1] in (None, ""):
            used -= 1  # a spreadsheet pads its rows with empty cells
        if used > len(self._import_columns) * 2:
            raise UserError(self.env._(
                "Row %(row)s has %(count)s: the file has at most %(max)s.",
                row=count + 1, count=count_text(self.env, used, CELLS),
                max=count_text(self.env, len(self._import_columns), COLUMN_UNITS)))
        for cell in row:
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise UserError(self.env._(
                    "Row %(row)s has a cell longer than %(chars)s.",
                    row=count + 1, chars=count_text(self.env, MAX_CELL_CHARS, CHARACTERS)))

    def _import_read_xlsx(self, content):
        try:
            from openpyxl import load_workbook

            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # any reading error of a foreign file is the user's file
            raise UserError(self.env._("The XLSX file cannot be read: %(error)s", error=exc)) from exc
        table = []
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True, max_col=len(self._import_columns) * 2 + 1):
            row = list(row)
            self._import_check_row_limits(len(table), row)
            while row and row[-1] is None:
                row.pop()  # the padding up to the columns read
            table.append(row)
        return table

    def _import_errors_html(self, errors):
        """The faulty rows ``[(row, message)]`` as an escaped list (the first ones, then a count)."""
        if not errors:
            return False
        items = Markup("").join(
            Markup("<li>%s</li>") % self.env._("Row %(row)s: %(error)s", row=row, error=message)
            for row, message in errors[:MAX_ERRORS_SHOWN]
        )
        more = Markup("")
        if len(errors) > MAX_ERRORS_SHOWN:
            more = Markup("<p>%s</p>") % self.env._("... and %(count)s more.", count=len(errors) - MAX_ERRORS_SHOWN)
        return Markup("<ul>%s</ul>%s") % (items, more)
