"""Creating an association and the identity step (step 1), including CSRF protection."""

import re

import pytest
from sqlalchemy import select

from registry.associations.models import Association, Representative
from registry.extensions import db
from tests.associations.helpers import Page, audit_events, count, identity_data, municipality_id
from tests.factories import Factories


def _identity_url(association) -> str:
    return f"/associations/{association.id}/step/identity"


@pytest.fixture
def draft(owner):
    """A freshly created, empty Danish association of the owner."""
    from registry.associations.services import profile

    return profile.create_association(owner, "Boldklubben Nord", "DK")


@pytest.fixture
def swedish_draft(owner):
    """A freshly created, empty Swedish association of the owner."""
    from registry.associations.services import profile

    return profile.create_association(owner, "Bollklubben Norr", "SE")


# -- creating ------------------------------------------------------------------------------------


def test_create_redirects_to_identity_step_with_owner(owner, owner_client):
    """Posting a name and a country creates a draft owned by the user and opens step 1."""
    response = owner_client.post("/associations/new", data={"name": " Boldklubben Syd ", "country": "DK"})

    assert response.status_code == 303
    association = db.session.scalars(select(Association)).one()
    assert response.headers["Location"].endswith(f"/associations/{association.id}/step/identity")
    assert (association.name, association.country, association.status) == ("Boldklubben Syd", "DK", "draft")
    representative = db.session.scalars(select(Representative)).one()
    assert (representative.user_id, representative.association_id, representative.rights) == (
        owner.id, association.id, "owner")
    assert owner_client.get(response.headers["Location"]).status_code == 200


def test_create_without_name_shows_error_and_keeps_country(owner_client):
    """A missing name is reported on the form, the chosen country stays ticked, nothing is created."""
    response = owner_client.post("/associations/new", data={"name": "  ", "country": "SE"})

    assert response.status_code == 200
    page = Page(response)
    assert page.error_for("name")
    assert page.checked("country") == ["SE"]
    assert count(Association) == 0


def test_municipal_staff_cannot_create(client, login, factories):
    """Municipal staff get 403 on the create page and cannot post an association."""
    staff_client = login(factories.staff(locale="en"))

    assert staff_client.get("/associations/new").status_code == 403
    assert staff_client.post("/associations/new", data={"name": "Kommunens forening",
                                                        "country": "DK"}).status_code == 403
    assert count(Association) == 0


# -- registration numbers ------------------------------------------------------------------------


def test_valid_cvr_is_saved(draft, owner_client):
    """A valid Danish CVR number is accepted and stored."""
    response = owner_client.post(_identity_url(draft), data=identity_data(registration_number="13585628"))

    assert response.status_code == 303
    assert draft.registration_number == "13585628"
    assert draft.no_registration_number is False


def test_invalid_cvr_keeps_every_typed_value(draft, owner_client):
    """A CVR with a wrong check digit is reported next to the field and every other value is kept."""
    data = identity_data(registration_number="13585627", name="Boldklubben Øst", address="Østergade 7",
                         city="Risskov", email="post@bk-oest.dk", phone="+45 22 33 44 55", website="www.bk-oest.dk")
    response = owner_client.post(_identity_url(draft), data=data)

    assert response.status_code == 200
    page = Page(response)
    assert "not a valid CVR number" in page.error_for("registration_number")
    assert page.value("registration_number") == "13585627"
    assert page.value("name") == "Boldklubben Øst"
    assert page.value("address") == "Østergade 7"
    assert page.value("city") == "Risskov"
    assert page.value("email") == "post@bk-oest.dk"
    assert page.value("phone") == "+45 22 33 44 55"
    assert page.value("website") == "https://www.bk-oest.dk"
    assert page.value("home_municipality") == str(municipality_id("DK", "751"))
    assert (draft.name, draft.registration_number, draft.city) == ("Boldklubben Nord", None, None)


def test_swedish_orgnr_is_normalised(swedish_draft, owner_client):
    """An organisationsnummer typed without a dash is stored as NNNNNN-NNNN."""
    response = owner_client.post(_identity_url(swedish_draft), data=identity_data(
        "SE", registration_number="8024000104", city="Göteborg", postcode="411 01"))

    assert response.status_code == 303
    assert swedish_draft.registration_number == "802400-0104"
    assert swedish_draft.home_municipality.code == "1480"


def test_invalid_orgnr_is_refused(swedish_draft, owner_client):
    """An organisationsnummer with a wrong check digit is refused and not stored."""
    response = owner_client.post(_identity_url(swedish_draft), data=identity_data(
        "SE", registration_number="8024000105"))

    assert response.status_code == 200
    assert "not a valid organisationsnummer" in Page(response).error_for("registration_number")
    assert swedish_draft.registration_number is None
    assert swedish_draft.home_municipality_id is None


def test_cvr_is_checked_against_the_danish_rules(swedish_draft, owner_client):
    """A valid Swedish number does not pass as the CVR of a Danish association."""
    response = owner_client.post(_identity_url(swedish_draft), data=identity_data(
        "DK", registration_number="8024000104"))

    assert response.status_code == 200
    assert "not a valid CVR number" in Page(response).error_for("registration_number")


def test_empty_number_without_none_box_is_refused(draft, owner_client):
    """Leaving the number empty without ticking 'has none' is an error."""
    response = owner_client.post(_identity_url(draft), data=identity_data(registration_number=""))

    assert response.status_code == 200
    assert "tick that the association has none" in Page(response).error_for("registration_number")
    assert draft.home_municipality_id is None


def test_no_registration_number_is_saved_flagged_and_warned(draft, owner_client):
    """Ticking 'has none' saves without a number, flags it, and the review page warns."""
    response = owner_client.post(_identity_url(draft), data=identity_data(
        registration_number="", no_registration_number="y"))

    assert response.status_code == 303
    assert draft.registration_number is None
    assert draft.no_registration_number is True
    review = Page(owner_client.get(f"/associations/{draft.id}/review"))
    assert any("has no CVR number" in text for text in review.flashes())


def test_number_and_none_box_together_keep_the_number(draft, owner_client):
    """A valid number typed while 'has none' is also ticked is kept, not silently dropped."""
    response = owner_client.post(_identity_url(draft), data=identity_data(
        registration_number="13585628", no_registration_number="y"))

    assert response.status_code == 303
    assert draft.registration_number == "13585628"
    assert draft.no_registration_number is False


# -- municipalities ------------------------------------------------------------------------------


def test_home_municipality_of_other_country_is_refused(draft, owner_client):
    """A Swedish home municipality for a Danish association is an error and nothing is saved."""
    response = owner_client.post(_identity_url(draft), data=identity_data(
        home_municipality=str(municipality_id("SE", "1480")), city="Somewhere"))

    assert response.status_code == 200
    assert "municipality in the association's country" in Page(response).error_for("home_municipality")
    assert (draft.home_municipality_id, draft.city, draft.registration_number) == (None, None, None)
    assert audit_events("association.identity_saved") == []


def test_active_municipalities_are_saved(draft, owner_client):
    """Ticked municipalities (repeated form values) are saved; the home municipality is not repeated."""
    ids = [municipality_id("DK", code) for code in ("101", "461", "751")]
    response = owner_client.post(_identity_url(draft), data=identity_data(
        active_municipalities=[str(i) for i in ids]))

    assert response.status_code == 303
    assert sorted(m.code for m in draft.active_municipalities) == ["101", "461"]
    page = Page(owner_client.get(_identity_url(draft)))
    assert sorted(page.checked("active_municipalities")) == sorted(str(i) for i in ids[:2])


def test_swedish_municipality_among_danish_active_ones_is_refused(draft, owner_client):
    """One Swedish id among the Danish active municipalities is an error and nothing is saved."""
    ids = [municipality_id("DK", "101"), municipality_id("SE", "0180")]
    response = owner_client.post(_identity_url(draft), data=identity_data(
        active_municipalities=[str(i) for i in ids]))

    assert response.status_code == 200
    assert "municipalities in the association's country" in Page(response).error_for("active_municipalities")
    assert draft.active_municipalities == []
    assert draft.home_municipality_id is None


# -- contact details -----------------------------------------------------------------------------


def test_website_without_scheme_is_normalised(draft, owner_client):
    """A web address typed without https:// is stored with it."""
    response = owner_client.post(_identity_url(draft), data=identity_data(website="www.x.dk"))

    assert response.status_code == 303
    assert draft.website == "https://www.x.dk"


def test_bad_phone_is_refused(draft, owner_client):
    """A phone number with letters is refused and not stored."""
    response = owner_client.post(_identity_url(draft), data=identity_data(phone="call me maybe"))

    assert response.status_code == 200
    assert "phone number" in Page(response).error_for("phone")
    assert draft.phone is None


# -- where saving leads --------------------------------------------------------------------------


@pytest.mark.parametrize(("action", "target"), [
    ("save", "step/identity"),
    ("continue", "step/purpose"),
    (None, "step/purpose"),
])
def test_save_stays_and_continue_moves_on(draft, owner_client, action, target):
    """The "save" button returns to the same step; otherwise the next step follows."""
    response = owner_client.post(_identity_url(draft), data=identity_data(action=action))

    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/associations/{draft.id}/{target}")
    assert draft.email == "kontakt@boldklubben-nord.dk"


# -- CSRF ------------------------------------------------------------------------------------------


def _csrf_token(response) -> str:
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', response.get_data(as_text=True))
    assert found, "no csrf_token field on the page"
    return found.group(1)


def test_identity_post_without_csrf_token_is_refused(make_app):
    """With CSRF protection on, a post without a token is a 400 (not a 500) and nothing is saved."""
    app = make_app(WTF_CSRF_ENABLED=True)
    factories = Factories()
    owner = factories.user(locale="en")
    from registry.associations.services import profile

    association = profile.create_association(owner, "Boldklubben Nord", "DK")
    browser = app.test_client()
    token = _csrf_token(browser.get("/account/login"))
    assert browser.post("/account/login", data={"email": owner.email, "password": Factories.PASSWORD,
                                                "csrf_token": token}).status_code == 303

    response = browser.post(_identity_url(association), data=identity_data())

    assert response.status_code == 400
    assert association.email is None
    assert audit_events("association.identity_saved") == []
    # The same post with the page's token is accepted: the 400 was the missing token.
    token = _csrf_token(browser.get(_identity_url(association)))
    assert browser.post(_identity_url(association), data={**identity_data(), "csrf_token": token}).status_code == 303
    assert association.email == "kontakt@boldklubben-nord.dk"

