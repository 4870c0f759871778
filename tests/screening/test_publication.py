"""The yearly public § 35 a lists: associations awarded and refused, as a page and CSV, without personal data."""

import csv
import io
from datetime import date

from registry.associations.services.profile import BoardRow
from registry.publication.models import PublishedList
from tests.screening.helpers import award, count, decided_case, screenable, text_of

YEAR = date.today().year
PERSONAL = ("Bodil Bestyrelse", "Hans Kasserer", "Søren Formand", "Anna Berg", "Rikke Repræsentant",
            "Peter Person", "@")


def _world(factories, officer, colleague):
    owner = factories.user(email="rikke@nord.example", display_name="Rikke Repræsentant")
    granted = screenable(factories, owner, name="Boldklubben Nord", registration_number="13585628", board=[
        BoardRow("Bodil Bestyrelse", "chair", date(2026, 3, 1)), BoardRow("Hans Kasserer", "treasurer", None)])
    other = factories.user(email="peter@syd.example", display_name="Peter Person")
    refused = screenable(factories, other, name="Foreningen Syd", registration_number="29403473",
                         board=[BoardRow("Søren Formand", "chair", None)])
    case, _decision = decided_case(granted, officer)
    award(case, officer)
    decided_case(refused, officer, "not_eligible", approver=colleague)
    return granted, refused


def test_published_list_shows_granted_and_refused_without_personal_data(app, factories, client_for, officer,
                                                                      colleague, admin):
    """The administrator publishes; anyone reads the page and the CSV; no names of people or e-mail addresses."""
    _world(factories, officer, colleague)

    response = client_for(admin).post("/staff/publication", data={"year": str(YEAR)})

    assert response.status_code == 303 and response.location.endswith(f"/lists/dk/751/{YEAR}")
    visitor = app.test_client()
    visitor.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = visitor.get(f"/lists/dk/751/{YEAR}")
    assert page.status_code == 200
    text = text_of(page.get_data(as_text=True))
    received, refused = text.split("Associations refused grants or premises")
    assert "Boldklubben Nord 13585628 Yes –" in received and "Foreningen Syd" not in received
    assert "Foreningen Syd 29403473 Yes –" in refused and "Boldklubben Nord" not in refused
    assert f"/lists/dk/751/{YEAR}" in visitor.get("/lists").get_data(as_text=True)

    download = visitor.get(f"/lists/dk/751/{YEAR}.csv")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    # One charset, not Flask's second one appended to a mimetype that already has it.
    assert download.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert download.headers["Content-Disposition"] == f"attachment; filename=support-dk-751-{YEAR}.csv"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    body = download.data.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [["List", "Association", "CVR number", "Grant", "Premises"],
                    ["Received grants or premises", "Boldklubben Nord", "13585628", "Yes", ""],
                    ["Refused grants or premises", "Foreningen Syd", "29403473", "Yes", ""]]
    page_html = page.get_data(as_text=True)
    for personal in PERSONAL:
        assert personal not in body, personal
        assert personal not in text, personal
    assert "mailto:" not in page_html


def test_published_list_is_a_snapshot(app, factories, client_for, officer, colleague, admin):
    """An award after publication changes nothing until the administrator publishes again."""
    _world(factories, officer, colleague)
    publisher = client_for(admin)
    publisher.post("/staff/publication", data={"year": str(YEAR)})
    late = screenable(factories, name="Sen Forening")
    case, _decision = decided_case(late, officer, premises=True)
    award(case, officer, premises=True, grant=False)
    assert "Sen Forening" not in app.test_client().get(f"/lists/dk/751/{YEAR}").get_data(as_text=True)
    assert "Sen Forening" in publisher.get(f"/staff/publication?year={YEAR}").get_data(as_text=True)

    publisher.post("/staff/publication", data={"year": str(YEAR)})

    assert "Sen Forening" in app.test_client().get(f"/lists/dk/751/{YEAR}").get_data(as_text=True)
    assert count(PublishedList) == 1


def test_only_administrators_publish(app, factories, client_for, officer, colleague):
    """An officer gets 403 on the publish page and publishing; no list exists afterwards."""
    _world(factories, officer, colleague)
    staff = client_for(officer)

    assert staff.get("/staff/publication").status_code == 403
    assert staff.post("/staff/publication", data={"year": str(YEAR)}).status_code == 403
    assert count(PublishedList) == 0
    assert app.test_client().get(f"/lists/dk/751/{YEAR}").status_code == 404


def test_a_name_that_a_spreadsheet_would_run_is_defused_in_the_csv(app, factories, client_for, officer, admin):
    """An association named like a formula is published as text: the CSV opens without running it."""
    association = screenable(factories, name="=HYPERLINK(\"http://x.example\")")
    case, _decision = decided_case(association, officer)
    award(case, officer)
    client_for(admin).post("/staff/publication", data={"year": str(YEAR)})
    body = app.test_client().get(f"/lists/dk/751/{YEAR}.csv").data.decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[1][1] == "'=HYPERLINK(\"http://x.example\")"
