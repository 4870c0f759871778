"""The yearly public list: granted and refused associations, as a page and CSV, without personal data."""

import csv
import io
from datetime import date

from registry.associations.services.profile import BoardRow
from registry.publication.models import PublishedList
from tests.screening.helpers import count, decided_case, screenable, text_of

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
    decided_case(granted, officer)
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
    assert "Boldklubben Nord 13585628 Granted –" in text
    assert "Foreningen Syd 29403473 Refused –" in text
    assert f"/lists/dk/751/{YEAR}" in visitor.get("/lists").get_data(as_text=True)

    download = visitor.get(f"/lists/dk/751/{YEAR}.csv")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    body = download.data.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [["Association", "CVR number or organisationsnummer", "Grant", "Premises"],
                    ["Boldklubben Nord", "13585628", "Granted", ""],
                    ["Foreningen Syd", "29403473", "Refused", ""]]
    page_html = page.get_data(as_text=True)
    for personal in PERSONAL:
        assert personal not in body, personal
        assert personal not in text, personal
    assert "mailto:" not in page_html


def test_published_list_is_a_snapshot(app, factories, client_for, officer, colleague, admin):
    """A decision after publication changes nothing until the administrator publishes again."""
    _world(factories, officer, colleague)
    publisher = client_for(admin)
    publisher.post("/staff/publication", data={"year": str(YEAR)})
    late = screenable(factories, name="Sen Forening")
    decided_case(late, officer)
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
