"""Exports of the search result: CSV for Danish/Swedish Excel, and XLSX; both read back as a program would."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.staff.helpers import result_ids

ENGLISH_HEADER = ["Name", "CVR number or organisationsnummer", "Home municipality", "Status", "Roles",
                  "Target groups", "Local areas", "E-mail address", "Phone", "Submitted", "Documents complete"]
FORMULA = '=HYPERLINK("https://evil.example","Klik")'


@pytest.fixture
def register(factories):
    """Associations with Danish letters, formula-like names, one filtered out, and two out of scope."""
    created = {
        "danish": factories.submitted_association(name="Ærø Øst Åkandeklubben", local_areas="Østbyen\nÅbyhøj",
                                                  complete=True),
        "formula": factories.submitted_association(name=FORMULA),
        "plus": factories.submitted_association(name="+45 Klubben"),
        "at": factories.submitted_association(name="@Klubben"),
        "dash": factories.submitted_association(name="-1+2 Klubben", registration_number=None),
        "filtered_out": factories.submitted_association(name="Stemmer for Alle", roles=("voice",)),
    }
    factories.submitted_association(name="Københavnerne", home="101")
    factories.association(name="Kladden")
    return created


@pytest.fixture
def officer_client(factories, client_for):
    """An Aarhus officer who reads English."""
    return client_for(factories.staff(code="751", locale="en"))


def _csv_rows(response) -> list[list[str]]:
    body = response.data
    assert body.startswith(b"\xef\xbb\xbf"), body[:10]  # the BOM makes Excel read UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8")[1:], newline=""), delimiter=";"))


def _names_in_search(client, query: str) -> list[str]:
    from registry.associations.models import Association
    from registry.extensions import db

    return [db.session.get(Association, id_).name for id_ in result_ids(client.get(f"/staff/search?{query}").text)]


def test_csv_export_is_semicolon_separated_utf8_with_bom(register, officer_client):
    """The CSV opens in Danish Excel: semicolons, UTF-8 with BOM, a download with a dated .csv name."""
    response = officer_client.get("/staff/search/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv" and response.mimetype_params["charset"] == "utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith(".csv")
    rows = _csv_rows(response)
    assert rows[0] == ENGLISH_HEADER
    assert all(len(row) == len(ENGLISH_HEADER) for row in rows)


@pytest.mark.parametrize(("fmt", "content_type"), [
    ("csv", "text/csv; charset=utf-8"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])
def test_export_headers(register, officer_client, fmt, content_type):
    """Exactly one charset (CSV) or none (XLSX), an attachment, never cached, never sniffed."""
    response = officer_client.get(f"/staff/search/export.{fmt}")
    assert response.headers["Content-Type"] == content_type
    assert response.headers.getlist("Content-Type") == [content_type]
    assert response.headers["Content-Disposition"].startswith("attachment; filename=partnerregister-")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_csv_rows_match_the_filtered_search_result(register, officer_client):
    """The CSV has exactly the associations of the filtered search, in the same order, nobody out of scope."""
    rows = _csv_rows(officer_client.get("/staff/search/export.csv?role=activities"))
    shown = [name.removeprefix("'") for name in _names_in_search(officer_client, "role=activities")]
    assert [row[0].removeprefix("'") for row in rows[1:]] == shown
    assert len(shown) == 5
    names = {row[0] for row in rows[1:]}
    assert "Stemmer for Alle" not in names and "Københavnerne" not in names and "Kladden" not in names


def test_csv_keeps_danish_letters_and_fills_every_column(register, officer_client):
    """Æ, ø and å survive the round trip, and the row carries the profile's values."""
    rows = _csv_rows(officer_client.get("/staff/search/export.csv?q=Åkandeklubben"))
    assert len(rows) == 2
    assert dict(zip(ENGLISH_HEADER, rows[1], strict=True)) == {
        "Name": "Ærø Øst Åkandeklubben", "CVR number or organisationsnummer": "13585628",
        "Home municipality": "Aarhus", "Status": "Submitted", "Roles": "Provider of social activities",
        "Target groups": "Children (0–12 years)", "Local areas": "Østbyen, Åbyhøj",
        "E-mail address": "kontakt@forening.example", "Phone": "", "Submitted": rows[1][9],
        "Documents complete": "Yes"}
    assert len(rows[1][9]) == 10 and rows[1][9][4] == "-"  # an ISO date


@pytest.mark.parametrize(("key", "expected"), [
    ("formula", "'" + FORMULA), ("plus", "'+45 Klubben"), ("at", "'@Klubben"), ("dash", "'-1+2 Klubben"),
    ("danish", "Ærø Øst Åkandeklubben"),
])
def test_csv_neutralises_formulas(register, officer_client, key, expected):
    """A cell a spreadsheet would run as a formula gets a leading apostrophe; other text is untouched."""
    rows = _csv_rows(officer_client.get("/staff/search/export.csv"))
    assert expected in [row[0] for row in rows[1:]]
    assert register[key].name in _names_in_search(officer_client, "")


def test_csv_header_follows_the_officers_language(register, factories, client_for):
    """A Danish officer's export has Danish column names."""
    client = client_for(factories.staff(code="751", locale="da"))
    rows = _csv_rows(client.get("/staff/search/export.csv"))
    assert rows[0][0] == "Navn" and rows[0][2] == "Hjemkommune"


def test_xlsx_export_reads_back_with_header_and_filtered_rows(register, officer_client):
    """The workbook has the header row and one row per association of the filtered search, in order."""
    response = officer_client.get("/staff/search/export.xlsx?role=activities")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.headers["Content-Disposition"].endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(response.data))
    sheet = workbook.active
    assert sheet.title == "Associations"
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == ENGLISH_HEADER
    csv_rows = _csv_rows(officer_client.get("/staff/search/export.csv?role=activities"))
    assert [row[0] for row in rows[1:]] == [row[0] for row in csv_rows[1:]]
    danish = next(row for row in rows[1:] if row[0] == "Ærø Øst Åkandeklubben")
    assert danish[2] == "Aarhus" and danish[6] == "Østbyen, Åbyhøj" and danish[10] == "Yes"


def test_xlsx_stores_formula_like_names_as_text(register, officer_client):
    """A name starting with "=" is a text cell with an apostrophe, never a formula in the workbook."""
    sheet = load_workbook(io.BytesIO(officer_client.get("/staff/search/export.xlsx").data)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    formula_cell = next(cell for cell in cells if "HYPERLINK" in str(cell.value))
    assert formula_cell.data_type == "s"
    assert formula_cell.value == "'" + FORMULA
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_header_is_defused_and_control_characters_do_not_break_the_export(factories, officer_client):
    """A name with a control character XLSX cannot hold is exported without it, and stays text even when the
    character hid a formula behind it."""
    factories.submitted_association(name="\x01=1+1 Klubben")
    factories.submitted_association(name="Bell\x07klubben")
    response = officer_client.get("/staff/search/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    names = {cell.value: cell.data_type for cell in next(sheet.iter_cols(min_row=2))}
    assert names == {"'=1+1 Klubben": "s", "Bellklubben": "s"}


def test_only_the_shared_writer_writes_spreadsheets():
    """Every CSV and XLSX goes through registry/core/spreadsheets.py, so none can skip neutralise(); no other module
    imports a spreadsheet library or names a spreadsheet's media type."""
    import re
    from pathlib import Path

    import registry

    root = Path(registry.__file__).parent
    writing = re.compile(r"^\s*(?:import|from)\s+(?:csv|openpyxl|xlsxwriter)\b|text/csv|spreadsheetml", re.MULTILINE)
    writers = sorted(path.relative_to(root).as_posix() for path in root.rglob("*.py")
                     if writing.search(path.read_text(encoding="utf-8")))
    assert writers == ["core/spreadsheets.py", "municipalities/services.py"]  # the latter reads reference data


def test_export_of_an_empty_result_has_only_the_header(register, officer_client):
    """A search that finds nothing exports the header alone, in both formats."""
    rows = _csv_rows(officer_client.get("/staff/search/export.csv?q=ingenting-her"))
    assert rows == [ENGLISH_HEADER]
    sheet = load_workbook(io.BytesIO(officer_client.get("/staff/search/export.xlsx?q=ingenting-her").data)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [ENGLISH_HEADER]
