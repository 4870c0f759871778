"""The search index per municipality stays in step with every change to what staff may see, on both engines.

SQLite keeps one FTS5 entry per association and municipality (registry/search/sqlite_index.py); PostgreSQL
keeps each search document's scope and facets (registry/search/postgres_index.py). Both are kept by triggers,
so these tests change associations the ways the app does (services, the ORM, a direct status update, a bare
DELETE of a link) and compare the index with what the scope rule and the selections say after each step.
Each engine gets a schema of its own, made by create_all as in the rest of the suite, whatever database the
rest of the suite runs on.
"""

import os
import uuid

import pytest
from sqlalchemy import create_engine, select, text

from config import TestingConfig
from registry import create_app
from registry.associations.models import AssociationSelection, association_municipalities
from registry.associations.services import profile
from registry.core.models import utcnow
from registry.extensions import db
from registry.municipalities.services import load_municipalities
from registry.search.query import Filters, search_associations
from registry.search.sqlite_index import SCOPE_SPAN
from tests.factories import Factories

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL") or os.environ.get("TEST_DATABASE_URL")


def _postgres_schema():
    """A URL to a fresh schema on the test server, and a callable that drops it again."""
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must set TEST_POSTGRES_URL")
        pytest.skip("no PostgreSQL configured")  # locally only; CI always has it
    schema = f"search_index_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}", drop


@pytest.fixture(params=["sqlite", "postgresql"])
def index_app(request, tmp_path):
    """An app on a schema of its own on the given engine, made by create_all."""
    if request.param == "sqlite":
        url, drop = f"sqlite:///{tmp_path / 'index.sqlite'}", lambda: None
    else:
        url, drop = _postgres_schema()
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=url)
    try:
        with app.app_context():
            db.create_all()
            load_municipalities()
            yield app
            db.session.remove()
            db.engine.dispose()
    finally:
        drop()


def _entries() -> set[tuple[int, int]]:
    """(association id, municipality id) for every municipality whose part of the index holds the association.

    On SQLite it also runs FTS5's integrity check; on PostgreSQL it checks every document's facets against
    the association's selections.
    """
    if db.engine.dialect.name == "sqlite":
        db.session.execute(text("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)"))
        rows = db.session.execute(text("SELECT id, association_id, municipality_id FROM search_entries")).all()
        assert all(row.id == row.municipality_id * SCOPE_SPAN + row.association_id for row in rows)
        return {(row.association_id, row.municipality_id) for row in rows}
    selected: dict[int, list[str]] = {}
    for row in db.session.execute(select(AssociationSelection)).scalars():
        selected.setdefault(row.association_id, []).append(f"{row.kind}:{row.key}")
    documents = db.session.execute(text("SELECT association_id, scope, facets FROM search_documents")).all()
    for document in documents:
        assert sorted(document.facets) == sorted(selected.get(document.association_id, [])), document
    return {(document.association_id, municipality_id) for document in documents
            for municipality_id in document.scope}


def _found(word: str, municipality_id: int, **filters: str) -> list[int]:
    return [row.id for row in search_associations(Filters(query=word, **filters), municipality_id, "DK").items]


def _move(owner, association, home: int, active: list[int]) -> None:
    """Change the home and active municipalities through the identity step's service."""
    profile.save_identity(owner, association, profile.Identity(
        name=association.name, country="DK", registration_number="13585628", no_registration_number=False,
        home_municipality_id=home, email="kontakt@forening.example", active_municipality_ids=active))


def test_entries_follow_submission_home_and_active_municipalities(index_app):
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

    club.status = "draft"  # back to a draft by a plain UPDATE: gone from every register
    db.session.commit()
    assert _entries() == set()
    assert _found("roklub", aarhus) == []


def test_entries_follow_the_selections(index_app):
    """A filtered search finds an association by the selections it has now, not the ones it had."""
    factories = Factories()
    aarhus = factories.municipality(code="751").id
    owner = factories.user()
    club = factories.submitted_association(owner=owner, name="Gellerup Skakklub", target_groups=("children",),
                                           roles=("activities",))
    assert _found("skak", aarhus, target_group="children", role="activities") == [club.id]

    profile.save_purpose(owner, club, "Fællesskab", "Skak om torsdagen", ["seniors"], None, "Gellerup", ["da"])
    profile.save_roles(owner, club, ["dialogue"], None, ["premises"], None, ["co_creation"], None)
    assert _entries() == {(club.id, aarhus)}
    assert _found("skak", aarhus, target_group="children") == []
    assert _found("skak", aarhus, role="activities") == []
    assert _found("skak", aarhus, target_group="seniors", role="dialogue") == [club.id]

    # A selection removed by a bare DELETE, past every service: the filter no longer finds it.
    db.session.execute(AssociationSelection.__table__.delete().where(
        AssociationSelection.association_id == club.id, AssociationSelection.kind == "role"))
    db.session.commit()
    assert _entries() == {(club.id, aarhus)}
    assert _found("skak", aarhus, role="dialogue") == []
    assert _found("skak", aarhus, target_group="seniors") == [club.id]


def test_entries_follow_the_text_and_vanish_with_the_association(index_app):
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


def _damage_index() -> None:
    if db.engine.dialect.name == "sqlite":
        db.session.execute(text("INSERT INTO search_fts (search_fts) VALUES ('delete-all')"))
    else:
        db.session.execute(text("UPDATE search_documents SET scope = '{}', facets = '{}'"))
    db.session.commit()


def test_reindex_rebuilds_a_damaged_index(index_app):
    """`flask registry reindex` makes the index anew from the associations when it has been emptied."""
    factories = Factories()
    aarhus = factories.municipality(code="751").id
    club = factories.submitted_association(name="Fodboldklubben Øst", active=("740",))
    _damage_index()
    assert _found("fodboldklubben", aarhus) == []

    result = index_app.test_cli_runner().invoke(args=["registry", "reindex"])
    assert result.exit_code == 0, result.output
    assert _found("fodboldklubben", aarhus) == [club.id]
    assert _entries() == {(club.id, aarhus), (club.id, factories.municipality(code="740").id)}
