"""CSV as Danish and Swedish spreadsheets open it, with text that a spreadsheet would run as a formula defused."""

import csv
import io

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
