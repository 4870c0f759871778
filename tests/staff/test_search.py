"""The register search: ranking, prefixes, languages, filters, sorting, paging and hostile queries.

The same tests run on SQLite (FTS5) and, with TEST_DATABASE_URL, on PostgreSQL (tsvector with the
danish and swedish configurations).
"""

from datetime import timedelta

import pytest
from sqlalchemy import select

from registry.core.models import utcnow
from registry.extensions import db
from registry.search.models import SearchDocument
from tests.staff.helpers import links_with, result_ids


@pytest.fixture
def officer_client(factories, client_for):
    """A logged-in Aarhus officer."""
    return client_for(factories.staff(code="751", locale="en"))


def _ids(client, **params) -> list[int]:
    response = client.get("/staff/search", query_string=params)
    assert response.status_code == 200, (params, response.status_code)
    return result_ids(response.text)


def test_name_match_ranks_above_activities_match(factories, officer_client):
    """An association named after the word comes before one that only mentions it in its activities."""
    mentions = factories.submitted_association(name="Idrætsforeningen Nord",
                                               activities="Vi spiller fodbold om tirsdagen")
    named = factories.submitted_association(name="Fodbold Vest", activities="Leg og bevægelse for alle")
    factories.submitted_association(name="Strikkeklubben", activities="Strik og hækling")
    assert _ids(officer_client, q="fodbold") == [named.id, mentions.id]


def test_prefix_finds_the_whole_word(factories, officer_client):
    """Typing the start of a word ("fodb") finds "fodbold", in the name or in the activities."""
    in_activities = factories.submitted_association(name="Idrætsforeningen Nord", activities="Fodbold for piger")
    in_name = factories.submitted_association(name="Fodboldklubben Syd", activities="Træning og kampe")
    factories.submitted_association(name="Strikkeklubben", activities="Strik og hækling")
    assert sorted(_ids(officer_client, q="fodb")) == sorted([in_activities.id, in_name.id])
    assert _ids(officer_client, q="Fodboldk") == [in_name.id]


def test_every_word_must_match(factories, officer_client):
    """Several words narrow the result: each must be found somewhere in the association's text."""
    both = factories.submitted_association(name="Boldklubben Øst", activities="Fodbold og lektiehjælp")
    factories.submitted_association(name="Boldklubben Vest", activities="Fodbold og håndbold")
    assert _ids(officer_client, q="fodbold lektiehjælp") == [both.id]


def test_swedish_municipality_finds_swedish_words(factories, client_for):
    """Göteborg staff searching "fotboll" find the Swedish football association and not the choir."""
    football = factories.submitted_association(country="SE", home="1480", name="IK Hisingen",
                                               activities="Vi spelar fotboll med barnen varje vecka")
    factories.submitted_association(country="SE", home="1480", name="Kören i Majorna",
                                    activities="Vi sjunger i kör")
    factories.submitted_association(name="Dansk fotboll-klub i Aarhus", activities="Fotboll på dansk")
    client = client_for(factories.staff(country="SE", code="1480", locale="sv"))
    assert _ids(client, q="fotboll") == [football.id]
    assert _ids(client, q="fotb") == [football.id]
    document = db.session.get(SearchDocument, football.id)
    assert document.language == "swedish"


def test_inflected_words_find_each_other_on_both_engines(factories, client_for):
    """"barnen" finds "barn" and "fodbolden" finds "fodbold": PostgreSQL stems with its swedish or danish
    configuration, SQLite matches everything that starts with the Snowball stem of the word typed."""
    football = factories.submitted_association(country="SE", home="1480", name="IK Hisingen",
                                               activities="Fotbollsträning för barn")
    client = client_for(factories.staff(country="SE", code="1480", locale="sv"))
    assert _ids(client, q="barnen") == [football.id]
    assert _ids(client, q="barn") == [football.id]
    danish = factories.submitted_association(name="Gellerup Boldklub", activities="Vi træner fodbold hver uge")
    officer = client_for(factories.staff(code="751", locale="da"))
    assert _ids(officer, q="fodbolden") == [danish.id]
    assert _ids(officer, q="fodboldens træning") == []  # every word must still match
    document = db.session.scalar(select(SearchDocument).where(SearchDocument.association_id == football.id))
    assert (document.vector is not None) == (db.engine.dialect.name == "postgresql")


def test_the_stem_is_a_prefix_of_the_word_typed():
    """What SQLite's prefix match relies on: Snowball only removes endings, in Danish and in Swedish."""
    from registry.search.query import stem

    assert [stem(word, "danish") for word in ("fodbolden", "foreningerne", "børnene")] == [
        "fodbold", "forening", "børn"]
    assert [stem(word, "swedish") for word in ("barnen", "föreningarna", "fotbollen")] == [
        "barn", "förening", "fotboll"]
    assert stem("Youth", "simple") == "Youth"


def test_labels_of_target_groups_are_searchable_in_every_language(factories, officer_client):
    """A target group chosen from the list is found by its label in English as well as the keys' words."""
    youth = factories.submitted_association(name="Klub A", target_groups=("youth",), activities="Samvær")
    factories.submitted_association(name="Klub B", target_groups=("seniors",), activities="Samvær")
    assert _ids(officer_client, q="young people") == [youth.id]


@pytest.fixture
def filtered_register(factories, checklists):
    """Three associations that differ in every filter: Alfa, Beta (in qualification) and Gamma (qualified)."""
    officer = factories.staff(code="751", email="case.officer@aarhus.example")
    alfa = factories.submitted_association(
        name="Alfa", roles=("voice",), motivations=("funding",), collaborations=("roundtable",),
        target_groups=("youth",), local_areas="Trøjborg\nRisskov", registration_number=None)
    beta = factories.submitted_association(name="Beta", complete=True)
    gamma = factories.submitted_association(
        name="Gamma", roles=("dialogue",), motivations=("influence",), collaborations=("safe_space",),
        target_groups=("families",), local_areas="Bispehaven")
    factories.qualification_case(beta, officer)
    factories.concluded_case(gamma, officer)
    return {"Alfa": alfa.id, "Beta": beta.id, "Gamma": gamma.id}


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ["Alfa", "Beta", "Gamma"]),
    ({"status": "submitted"}, ["Alfa"]),
    ({"status": "in_qualification"}, ["Beta"]),
    ({"status": "qualified"}, ["Gamma"]),
    ({"status": "not_qualified"}, []),
    ({"role": "voice"}, ["Alfa"]),
    ({"role": "activities"}, ["Beta"]),
    ({"motivation": "funding"}, ["Alfa"]),
    ({"motivation": "premises"}, ["Beta"]),
    ({"collaboration": "roundtable"}, ["Alfa"]),
    ({"collaboration": "safe_space"}, ["Gamma"]),
    ({"target_group": "youth"}, ["Alfa"]),
    ({"target_group": "children"}, ["Beta"]),
    ({"local_area": "gellerup"}, ["Beta"]),
    ({"local_area": "Risskov"}, ["Alfa"]),
    ({"has_number": "yes"}, ["Beta", "Gamma"]),
    ({"has_number": "no"}, ["Alfa"]),
    ({"documents_complete": "y"}, ["Beta"]),
    ({"role": "voice", "has_number": "yes"}, []),
    ({"q": "fodbold", "status": "in_qualification"}, ["Beta"]),
    ({"role": "no-such-role"}, ["Alfa", "Beta", "Gamma"]),  # an invalid value is dropped, not an error page
])
def test_filters(filtered_register, officer_client, params, expected):
    """Each filter narrows the result to the associations that have the property."""
    names = {id_: name for name, id_ in filtered_register.items()}
    assert sorted(names[id_] for id_ in _ids(officer_client, **params)) == expected


def test_filters_stay_selected_on_the_result_page(filtered_register, officer_client):
    """The chosen filters are shown selected again, so the officer sees what the list is narrowed to."""
    page = officer_client.get("/staff/search?role=voice&has_number=no").text
    assert '<option selected value="voice">' in page or '<option value="voice" selected>' in page
    assert '<option selected value="no">' in page or '<option value="no" selected>' in page


def test_sorting_by_name_ignores_case(factories, officer_client):
    """Sorted by name, the list is alphabetical regardless of capital letters."""
    ceres = factories.submitted_association(name="Ceres Idræt")
    beta = factories.submitted_association(name="beta klubben")
    alfa = factories.submitted_association(name="Alfa Forening")
    assert _ids(officer_client, sort="name") == [alfa.id, beta.id, ceres.id]
    assert _ids(officer_client, q="fodbold", sort="name") == [alfa.id, beta.id, ceres.id]


def test_sorting_by_newest_submission(factories, officer_client):
    """Sorted by newest, the most recently submitted association comes first."""
    first, second, third = (factories.submitted_association(name=name) for name in ("Først", "Anden", "Tredje"))
    now = utcnow()
    first.submitted_at, second.submitted_at, third.submitted_at = now, now - timedelta(days=2), now - timedelta(days=1)
    db.session.commit()
    assert _ids(officer_client, sort="newest") == [first.id, third.id, second.id]


def test_pagination_splits_results_and_keeps_the_query(factories, officer_client):
    """26 hits: 25 on page 1, one on page 2; the page links keep q= and every hit is shown exactly once."""
    created = {factories.submitted_association(name=f"Klub {number:02d}").id for number in range(26)}
    first = officer_client.get("/staff/search?q=fodbold")
    assert first.status_code == 200
    page_one = result_ids(first.text)
    assert len(page_one) == 25
    next_links = [query for query in links_with(first.text, "/staff/search") if query.get("page") == ["2"]]
    assert next_links and all(query.get("q") == ["fodbold"] for query in next_links)

    second = officer_client.get("/staff/search?q=fodbold&page=2")
    assert second.status_code == 200
    page_two = result_ids(second.text)
    assert len(page_two) == 1
    assert set(page_one) | set(page_two) == created and not set(page_one) & set(page_two)
    previous = [query for query in links_with(second.text, "/staff/search") if query.get("page") == ["1"]]
    assert previous and previous[0].get("q") == ["fodbold"]

    beyond = officer_client.get("/staff/search?q=fodbold&page=3")
    assert beyond.status_code == 200 and result_ids(beyond.text) == []


def test_query_and_filters_stay_in_the_urls_of_the_page(factories, officer_client):
    """The search box keeps the words, and the export links carry q= and the filters along."""
    factories.submitted_association(name="Fodboldklubben")
    page = officer_client.get("/staff/search?q=fodbold&role=activities").text
    assert 'name="q"' in page and 'value="fodbold"' in page
    for path in ("/staff/search/export.csv", "/staff/search/export.xlsx"):
        links = links_with(page, path)
        assert links and links[0]["q"] == ["fodbold"] and links[0]["role"] == ["activities"], path


@pytest.mark.parametrize("query", [
    "*", "AND OR (", '"', "'", "NOT", "NEAR(", "fodbold OR", "a:b", "&|!", "_", "\\", "%", "--", "<script>",
    "fodbold:*", "og", "ø", "x" * 250, "  ", "\u00a0", "🙂",
])
def test_hostile_or_empty_queries_never_fail(factories, officer_client, query):
    """Operators, punctuation, stop words and over-long input give a result page, never a server error."""
    factories.submitted_association(name="Fodboldklubben")
    response = officer_client.get("/staff/search", query_string={"q": query})
    assert response.status_code == 200
    export = officer_client.get("/staff/search/export.csv", query_string={"q": query})
    assert export.status_code == 200


def test_query_is_escaped_when_shown_again(factories, officer_client):
    """Markup typed into the search box comes back as text, not as markup."""
    page = officer_client.get("/staff/search", query_string={"q": '<script>alert("x")</script>'}).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(" in page


def test_page_number_that_is_not_a_number_shows_the_first_page(factories, officer_client):
    """A mangled page parameter falls back to the first page."""
    association = factories.submitted_association(name="Fodboldklubben")
    for page in ("abc", "0", "-3"):
        assert _ids(officer_client, q="fodbold", page=page) == [association.id], page


def test_reindex_command_rebuilds_search_documents(app, factories, officer_client):
    """`flask registry reindex` rebuilds lost search documents, and the association is found again."""
    association = factories.submitted_association(name="Fodboldklubben")
    db.session.execute(SearchDocument.__table__.delete())
    db.session.commit()
    assert _ids(officer_client, q="fodboldklubben") == []
    result = app.test_cli_runner().invoke(args=["registry", "reindex"])
    assert result.exit_code == 0, result.output
    assert "for 1 associations" in result.output
    assert _ids(officer_client, q="fodboldklubben") == [association.id]
