"""SQLite's search index per municipality stays in step with every change to what staff may see.

The index (registry/search/sqlite_index.py) is kept by triggers, so these tests change associations the ways
the app does (services, the ORM, a direct status update) and compare the index with the scope rule after
each step. They run on their own SQLite file whatever database the rest of the suite uses: PostgreSQL
has no such index (its search tests the scope per match).
"""

import pytest
from sqlalchemy import text

from config import TestingConfig
from registry import create_app
from registry.associations.models import association_municipalities
from registry.associations.services import profile
from registry.core.models import utcnow
from registry.extensions import db
from registry.municipalities.services import load_municipalities
from registry.search.query import Filters, search_associations
from registry.search.sqlite_index import SCOPE_SPAN
from tests.factories import Factories


@pytest.fixture
def sqlite_app(tmp_path):
    """An app on a fresh SQLite file, schema made by create_all (as in the rest of the suite)."""
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'index.sqlite'}")
    with app.app_context():
        db.create_all()
        load_municipalities()
        yield app
        db.session.remove()
        db.engine.dispose()


def _entries() -> set[tuple[int, int]]:
    """(association id, municipality id) of every index entry, after checking the index against its table."""
    db.session.execute(text("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)"))
    rows = db.session.execute(text("SELECT id, association_id, municipality_id FROM search_entries")).all()
    assert all(row.id == row.municipality_id * SCOPE_SPAN + row.association_id for row in rows)
    return {(row.association_id, row.municipality_id) for row in rows}


def _found(word: str, municipality_id: int) -> list[int]:
    return [row.id for row in search_associations(Filters(query=word), municipality_id, "DK").items]


def _move(owner, association, home: int, active: list[int]) -> None:
    """Change the home and active municipalities through the identity step's service."""
    profile.save_identity(owner, association, profile.Identity(
        name=association.name, country="DK", registration_number="13585628", no_registration_number=False,
        home_municipality_id=home, email="kontakt@forening.example", active_municipality_ids=active))


def test_entries_follow_submission_home_and_active_municipalities(sqlite_app):
    """Draft: no entry. Handed in: one for the home. Active elsewhere: one more. Moved: the entries move."""
    factories = Factories()
    aarhus, silkeborg, copenhagen = (factories.municipality(code=code).id for code in ("751", "740", "101"))
    owner = factories.user()
    club = factories.association(owner=owner, home="740", name="Gudenåens Roklub", activities="Roning på søerne")
    assert _entries() == set()
    assert _found("roklub", silkeborg) == []

    club.status, club.submitted_at = "submitted", utcnow()  # as the factories do: a plain UPDATE of the row
    db.session.commit()
    assert _entries() == {(club.id, silkeborg)}
    assert (_found("roklub", silkeborg), _found("roklub", aarhus)) == ([club.id], [])

    _move(owner, club, silkeborg, [aarhus, copenhagen])
    assert _entries() == {(club.id, silkeborg), (club.id, aarhus), (club.id, copenhagen)}
    assert _found("roning", aarhus) == [club.id]

    _move(owner, club, silkeborg, [aarhus])  # no longer active in København
    assert _entries() == {(club.id, silkeborg), (club.id, aarhus)}
    assert _found("roning", copenhagen) == []

    _move(owner, club, aarhus, [aarhus, silkeborg])  # home and active at once: still one entry, found once
    assert _entries() == {(club.id, aarhus), (club.id, silkeborg)}
    assert (_found("roklub", aarhus), _found("roklub", copenhagen)) == ([club.id], [])

    # A link removed by a statement that touches nothing else (no new search text): the entry goes too.
    db.session.execute(association_municipalities.delete().where(
        association_municipalities.c.association_id == club.id))
    db.session.commit()
    assert _entries() == {(club.id, aarhus)}
    assert _found("roklub", silkeborg) == []


def test_entries_follow_the_text_and_vanish_with_the_association(sqlite_app):
    """New activities are found and the old ones are not; a deleted association leaves no entry behind."""
    factories = Factories()
    aarhus = factories.municipality(code="751").id
    owner = factories.user()
    club = factories.submitted_association(owner=owner, name="Gellerup Skakklub", activities="Skak for begyndere")
    kept = factories.submitted_association(name="Brabrand Skakforening", activities="Skak for øvede")
    profile.save_purpose(owner, club, "Fællesskab", "Bordtennis om torsdagen", ["children"], None, "Gellerup", ["da"])
    assert _found("bordtennis", aarhus) == [club.id]
    assert _found("begyndere", aarhus) == []
    assert sorted(_found("skak", aarhus)) == sorted([club.id, kept.id])  # the name still says "Skakklub"

    db.session.delete(club)
    db.session.commit()
    assert _entries() == {(kept.id, aarhus)}
    assert _found("skak", aarhus) == [kept.id]


def test_reindex_rebuilds_a_damaged_index(sqlite_app):
    """`flask registry reindex` makes the index anew from the associations when it has been emptied."""
    factories = Factories()
    aarhus = factories.municipality(code="751").id
    club = factories.submitted_association(name="Fodboldklubben Øst", active=("740",))
    db.session.execute(text("INSERT INTO search_fts (search_fts) VALUES ('delete-all')"))
    db.session.commit()
    assert _found("fodboldklubben", aarhus) == []

    result = sqlite_app.test_cli_runner().invoke(args=["registry", "reindex"])
    assert result.exit_code == 0, result.output
    assert _found("fodboldklubben", aarhus) == [club.id]
    assert _entries() == {(club.id, aarhus), (club.id, factories.municipality(code="740").id)}
