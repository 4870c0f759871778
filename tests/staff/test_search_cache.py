"""The search's page cache: a repeated search runs no query, and any change it could show is shown at once."""

import pytest
from sqlalchemy import select

from registry.accounts.models import User
from registry.core.fragments import fragment_cache
from registry.extensions import db
from registry.search.freshness import current_generation
from registry.staff.models import PartnerStatus
from tests.staff.helpers import result_ids, statements_for

SEARCH = "/staff/search?q=fodbold"


@pytest.fixture
def officer(factories):
    """An Aarhus officer."""
    return factories.staff(code="751", locale="en")


@pytest.fixture
def officer_client(officer, client_for):
    """The Aarhus officer, logged in."""
    return client_for(officer)


def test_a_repeated_search_is_served_without_searching_again(factories, officer_client):
    """The second identical search costs only the login and the generation lookup, and shows the same page."""
    factories.submitted_association(name="Fodbold Vest")
    first = statements_for(officer_client, SEARCH)
    page = officer_client.get(SEARCH).text
    again = statements_for(officer_client, SEARCH)
    assert again == 2 < first, (first, again)  # the user, the generation
    assert officer_client.get(SEARCH).text == page
    assert len(result_ids(page)) == 1


def test_a_renamed_association_shows_its_new_name_at_once(factories, officer_client):
    """Changing an association bumps the generation, so the cached page is not shown again."""
    association = factories.submitted_association(name="Fodbold Vest")
    assert "Fodbold Vest" in officer_client.get(SEARCH).text
    association.name = "Fodboldklubben Vestbyen"
    db.session.commit()
    page = officer_client.get(SEARCH).text
    assert "Fodboldklubben Vestbyen" in page and "Fodbold Vest<" not in page


def test_a_new_submission_and_a_new_status_are_found_at_once(factories, officer, officer_client):
    """A newly handed-in association appears, and a partner status changes what a status filter finds."""
    first = factories.submitted_association(name="Fodbold Vest")
    assert result_ids(officer_client.get(SEARCH).text) == [first.id]
    second = factories.submitted_association(name="Fodbold Øst")
    assert sorted(result_ids(officer_client.get(SEARCH).text)) == sorted([first.id, second.id])

    qualified = SEARCH + "&status=qualified"
    assert result_ids(officer_client.get(qualified).text) == []
    db.session.add(PartnerStatus(association_id=second.id, municipality_id=officer.municipality_id,
                                 status="qualified"))
    db.session.commit()
    assert result_ids(officer_client.get(qualified).text) == [second.id]


def test_changes_outside_the_register_and_rolled_back_changes_keep_the_generation(app, factories):
    """Only committed changes to what a search can show count; a staff member's new name does not."""
    association = factories.submitted_association(name="Fodbold Vest")
    before = current_generation(db.session)
    user = db.session.scalar(select(User).limit(1))
    user.display_name = "Someone Else"
    db.session.commit()
    assert current_generation(db.session) == before
    association.name = "Noget andet"
    db.session.flush()
    db.session.rollback()
    assert current_generation(db.session) == before
    association.name = "Noget andet"
    db.session.commit()
    assert current_generation(db.session) == before + 1


def test_the_cache_never_shows_one_municipality_the_page_of_another(factories, client_for):
    """The same URL in Aarhus and in Odense gives each its own register, cached or not."""
    aarhus = factories.submitted_association(name="Fodbold Aarhus")
    odense = factories.submitted_association(name="Fodbold Odense", home="461")
    aarhus_client = client_for(factories.staff(code="751", locale="en"))
    odense_client = client_for(factories.staff(code="461", locale="en"))
    for _ in range(2):
        assert result_ids(aarhus_client.get(SEARCH).text) == [aarhus.id]
        assert result_ids(odense_client.get(SEARCH).text) == [odense.id]


def test_each_language_has_its_own_cached_page(factories, client_for):
    """A Danish and a Swedish-speaking officer get the page in their own language."""
    factories.submitted_association(name="Fodbold Vest")
    danish = client_for(factories.staff(code="751", locale="da")).get(SEARCH).text
    swedish = client_for(factories.staff(code="751", locale="sv")).get(SEARCH).text
    assert "1 forening fundet" in danish
    assert "1 förening hittades" in swedish


def test_the_cache_holds_at_most_its_configured_number_of_pages(app, factories, officer_client):
    """SEARCH_CACHE_SIZE bounds the memory the cache takes; the oldest page goes first."""
    app.config["SEARCH_CACHE_SIZE"] = 2
    factories.submitted_association(name="Fodbold Vest")
    for word in ("fodbold", "vest", "fod", "fodb"):
        assert officer_client.get("/staff/search", query_string={"q": word}).status_code == 200
    assert len(fragment_cache("search")) == 2
