"""Which associations a municipality's staff see: home or active municipality, never drafts, never others'."""

import pytest

from tests.pages import page_apart_from
from tests.staff.helpers import dashboard_counts, result_ids


@pytest.fixture
def register(factories):
    """Associations around Aarhus (751): at home, active there, elsewhere, and still in draft."""
    return {
        "home": factories.submitted_association(name="Hjemme i Aarhus"),
        "active_here": factories.submitted_association(name="Silkeborg med Aarhus", home="740", active=("751",)),
        "copenhagen": factories.submitted_association(name="Københavnerklubben", home="101"),
        "copenhagen_active_elsewhere": factories.submitted_association(name="Nørrebro og Frederiksberg",
                                                                        home="101", active=("147",)),
        "draft_home": factories.association(name="Kladde i Aarhus"),
        "draft_active_here": factories.association(name="Kladde aktiv i Aarhus", home="740", active=("751",)),
    }


def test_search_lists_home_and_active_associations_only(factories, client_for, register):
    """Aarhus staff find the Aarhus association and the one active in Aarhus; no København one, no draft."""
    client = client_for(factories.staff(code="751"))
    shown = result_ids(client.get("/staff/search").text)
    assert sorted(shown) == sorted([register["home"].id, register["active_here"].id])


def test_text_search_does_not_reach_out_of_scope_associations(factories, client_for, register):
    """A word that only out-of-scope associations contain finds nothing for Aarhus staff."""
    client = client_for(factories.staff(code="751"))
    assert result_ids(client.get("/staff/search?q=Københavnerklubben").text) == []
    assert result_ids(client.get("/staff/search?q=Kladde").text) == []
    assert result_ids(client.get("/staff/search?q=Hjemme").text) == [register["home"].id]


def test_dashboard_counts_only_the_municipalitys_submitted_associations(factories, client_for, register):
    """The dashboard of Aarhus counts two submitted associations; København's counts its own two."""
    aarhus = dashboard_counts(client_for(factories.staff(code="751")).get("/staff/").text)
    assert aarhus == {"submitted": 2, "in_qualification": 0, "qualified": 0, "not_qualified": 0}
    copenhagen = dashboard_counts(client_for(factories.staff(code="101")).get("/staff/").text)
    assert copenhagen["submitted"] == 2


def test_dashboard_newest_submissions_stay_in_scope(factories, client_for, register):
    """The newest-submissions list on the dashboard names only in-scope associations."""
    page = client_for(factories.staff(code="751")).get("/staff/").text
    assert "Hjemme i Aarhus" in page and "Silkeborg med Aarhus" in page
    assert "Københavnerklubben" not in page and "Kladde" not in page


@pytest.mark.parametrize(("key", "expected"), [
    ("home", 200), ("active_here", 200), ("copenhagen", 404), ("copenhagen_active_elsewhere", 404),
    ("draft_home", 404), ("draft_active_here", 404),
])
def test_staff_association_page_is_limited_to_scope(factories, client_for, register, key, expected):
    """The staff page of an association opens in scope and outside it (drafts included) answers 404, as an id that
    does not exist does: sequential ids reveal nothing."""
    client = client_for(factories.staff(code="751"))
    response = client.get(f"/staff/associations/{register[key].id}")
    assert response.status_code == expected
    if expected == 404:
        assert register[key].name not in response.text
        missing = client.get("/staff/associations/999999")
        assert missing.status_code == 404
        assert page_apart_from(response, f"/staff/associations/{register[key].id}") == page_apart_from(
            missing, "/staff/associations/999999")


def test_copenhagen_staff_see_copenhagen_but_not_aarhus(factories, client_for, register):
    """The rule is symmetric: København staff see their associations and not Aarhus's."""
    client = client_for(factories.staff(code="101"))
    shown = result_ids(client.get("/staff/search").text)
    assert sorted(shown) == sorted([register["copenhagen"].id, register["copenhagen_active_elsewhere"].id])
    assert client.get(f"/staff/associations/{register['home'].id}").status_code == 404


def test_association_becomes_visible_once_submitted(factories, client_for):
    """A draft appears for staff when it is submitted through the real submission service."""
    from registry.associations.services.submission import submit_association

    owner = factories.user()
    association = factories.association(owner=owner, complete=True, name="Snart indsendt")
    client = client_for(factories.staff(code="751"))
    assert client.get(f"/staff/associations/{association.id}").status_code == 404
    submit_association(owner, association)
    assert client.get(f"/staff/associations/{association.id}").status_code == 200
    assert result_ids(client.get("/staff/search").text) == [association.id]
