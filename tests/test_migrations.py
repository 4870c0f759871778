"""Migrations build the schema from nothing and match the models."""

import json
import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from config import TestingConfig
from registry import create_app
from registry.core.schema import include_object
from registry.extensions import db
from registry.search import postgres_index
from registry.search.sqlite_index import TRIGGERS, is_internal


def _upgrade_and_compare(url: str) -> list:
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": include_object}),
                                    db.metadata)
        db.engine.dispose()
    return diff


def test_sqlite_upgrade_matches_models(tmp_path):
    """An empty SQLite file upgraded to head has exactly the models' schema."""
    assert _upgrade_and_compare(f"sqlite:///{tmp_path / 'migrations.sqlite'}") == []


def _made(url: str, make, read):
    """Make a schema at url (``upgrade`` or ``db.create_all``), then return read(connection) on it."""
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        make()
        with db.engine.connect() as connection:
            found = read(connection)
        db.engine.dispose()
    return found


def _search_index_objects(url: str, make) -> dict:
    """The SQLite search index's tables, indexes and every trigger, by (type, name), with their SQL."""
    rows = _made(url, make, lambda connection: connection.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master").all())
    return {(row.type, row.name): " ".join((row.sql or "").split()) for row in rows
            if row.type == "trigger" or is_internal(row.name) or row.name == "ix_search_entries_association_id"}


def test_sqlite_upgrade_makes_the_search_index_of_the_models(tmp_path):
    """The migrations' frozen copy of the search index (tables, prefix indexes, every trigger) is the one
    registry/search/sqlite_index.py makes, so no trigger went missing with a table a migration copied."""
    migrated = _search_index_objects(f"sqlite:///{tmp_path / 'migrated.sqlite'}", upgrade)
    created = _search_index_objects(f"sqlite:///{tmp_path / 'created.sqlite'}", db.create_all)
    assert {name for kind, name in migrated if kind == "trigger"} == set(TRIGGERS)
    assert migrated == created


POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL") or os.environ.get("TEST_DATABASE_URL")


def _postgres_schema_url(schema: str) -> str:
    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"


def _in_new_schemas(check, count: int = 1) -> None:
    """Run check(url, ...) on fresh PostgreSQL schemas, dropped afterwards."""
    assert POSTGRES_URL, "CI must set TEST_POSTGRES_URL"
    schemas = [f"migration_check_{uuid.uuid4().hex[:8]}" for _ in range(count)]
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        for schema in schemas:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        check(*(_postgres_schema_url(schema) for schema in schemas))
    finally:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


needs_postgres = pytest.mark.skipif(not POSTGRES_URL and not os.environ.get("CI"), reason="no PostgreSQL configured")


# Locally without PostgreSQL these are skipped; CI sets TEST_POSTGRES_URL, so there they always run.
@needs_postgres
def test_postgresql_upgrade_matches_models():
    """The same migrations on an empty PostgreSQL schema match the models too."""
    def check(url: str) -> None:
        assert _upgrade_and_compare(url) == []

    _in_new_schemas(check)


_POSTGRES_SEARCH_OBJECTS = (
    "SELECT 'function', p.proname, pg_get_functiondef(p.oid) FROM pg_proc AS p "
    "WHERE p.pronamespace = current_schema()::regnamespace "
    "UNION ALL SELECT 'trigger', t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger AS t "
    "JOIN pg_class AS c ON c.oid = t.tgrelid WHERE c.relnamespace = current_schema()::regnamespace "
    "AND NOT t.tgisinternal "
    "UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
    "AND indexname IN ('ix_search_documents_search', 'ix_associations_home_municipality_status')")


def _postgres_search_objects(url: str, make) -> dict:
    """The search index's functions, triggers and GIN index on PostgreSQL, by name, with their definitions."""
    schema, rows = _made(url, make, lambda connection: (
        connection.exec_driver_sql("SELECT current_schema()").scalar(),
        connection.exec_driver_sql(_POSTGRES_SEARCH_OBJECTS).all()))
    return {(kind, name): " ".join(definition.replace(f"{schema}.", "").split()) for kind, name, definition in rows}


@needs_postgres
def test_postgresql_upgrade_makes_the_search_index_of_the_models():
    """The migrations' frozen copy of the PostgreSQL search index (functions, triggers, GIN index) is the one
    registry/search/postgres_index.py and the models make."""
    def check(migrated_url: str, created_url: str) -> None:
        migrated = _postgres_search_objects(migrated_url, upgrade)
        created = _postgres_search_objects(created_url, db.create_all)
        assert {name for kind, name in migrated if kind == "trigger"} == set(postgres_index.TRIGGERS)
        assert {name for kind, name in migrated if kind == "function"} == set(postgres_index.FUNCTIONS)
        assert migrated == created

    _in_new_schemas(check, count=2)


def _upgrade_with_old_rows(url: str) -> tuple:
    """Upgrade to the revision before the lawful-decisions one, store rows as the old code did, then to head."""
    from registry.municipalities.services import load_municipalities

    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade(revision="31100cd3256c")
        load_municipalities()
        aarhus = db.session.execute(text("SELECT id FROM municipalities WHERE country = 'DK' AND code = '751'")
                                    ).scalar()
        goteborg = db.session.execute(text("SELECT id FROM municipalities WHERE country = 'SE' AND code = '1480'")
                                      ).scalar()
        for municipality_id, guidance in ((aarhus, "{}"), (goteborg, '{"sv": "Egen text."}')):
            db.session.execute(text(
                "INSERT INTO municipal_settings (municipality_id, four_eyes, validity_months, complaint_guidance, "
                "updated_at) VALUES (:id, true, 12, :guidance, '2026-01-01 00:00:00')"),
                {"id": municipality_id, "guidance": guidance})
        db.session.execute(text(
            "INSERT INTO published_lists (municipality_id, year, entries, published_at) VALUES (:id, 2025, :entries, "
            "'2026-01-01 00:00:00')"), {"id": aarhus, "entries": (
                '[{"name": "A", "registration_number": "1", "grant": "granted", "premises": "refused"},'
                ' {"name": "B", "registration_number": null, "grant": "refused", "premises": null}]')})
        db.session.commit()
        upgrade()
        guidance = dict(db.session.execute(text(
            "SELECT municipality_id, complaint_guidance FROM municipal_settings")).all())
        entries = db.session.execute(text("SELECT entries FROM published_lists")).scalar()
        db.session.remove()
        db.engine.dispose()
    as_json = [value if not isinstance(value, str) else json.loads(value)
               for value in (guidance[aarhus], guidance[goteborg], entries)]
    return tuple(as_json)


def _check_old_rows(url: str) -> None:
    from registry.screening.appeals import DEFAULTS

    aarhus, goteborg, entries = _upgrade_with_old_rows(url)
    assert aarhus["da"] == DEFAULTS["DK"]["da"]  # never filled in: the shipped text
    assert goteborg == {"sv": "Egen text."}  # the municipality's own text stays
    assert entries == [
        {"name": "A", "registration_number": "1", "list": "granted", "grant": True, "premises": False},
        {"name": "A", "registration_number": "1", "list": "refused", "grant": False, "premises": True},
        {"name": "B", "registration_number": None, "list": "refused", "grant": True, "premises": False}]


def test_sqlite_upgrade_fills_appeal_information_and_converts_published_lists(tmp_path):
    """Settings never filled in get their country's appeal text; published lists keep their content."""
    _check_old_rows(f"sqlite:///{tmp_path / 'old-rows.sqlite'}")


@needs_postgres
def test_postgresql_upgrade_fills_appeal_information_and_converts_published_lists():
    """The same on PostgreSQL, whose JSON columns take the converted values too."""
    _in_new_schemas(_check_old_rows)
