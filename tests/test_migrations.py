"""Migrations build the schema from nothing and match the models."""

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
