"""Every CSV and XLSX the product writes: as Danish and Swedish spreadsheets open them, formulas defused.

Nothing else writes spreadsheets, so that no export can skip neutralise().
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: Leading characters that make Excel, LibreOffice and Numbers treat a cell as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(row: list) -> list:
    """Prefix text cells that a spreadsheet would run as a formula with an apostrophe."""
    return [f"'{value}" if isinstance(value, str) and value[:1] in FORMULA_STARTS else value for value in row]


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """Rows as CSV: UTF-8 with BOM and semicolons, as Danish and Swedish Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(neutralise(header))
    writer.writerows(neutralise(row) for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, header: list[str], rows: list[list]) -> bytes:
    """Rows as an Excel workbook of one sheet, the header row frozen; cells are text or values, never formulas."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]  # Excel's limit for sheet names
    # Characters are dropped before neutralising, or "\x01=1+1" would become a formula once its first one went.
    sheet.append(neutralise(_storable(header)))
    for row in rows:
        sheet.append(neutralise(_storable(row)))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _storable(row: list) -> list:
    # XLSX cannot hold most control characters, and openpyxl refuses the whole workbook over one of them; a
    # name typed with one must not make the export fail.
    return [ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value for value in row]
