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


def _search_index_objects(url: str, make) -> dict:
    """The SQLite search index's tables, indexes and every trigger, by (type, name), with their SQL."""
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        make()
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT type, name, sql FROM sqlite_master").all()
        db.engine.dispose()
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


# Locally without PostgreSQL this is skipped; CI sets TEST_POSTGRES_URL, so there it always runs.
@pytest.mark.skipif(not POSTGRES_URL and not os.environ.get("CI"), reason="no PostgreSQL configured")
def test_postgresql_upgrade_matches_models():
    """The same migrations on an empty PostgreSQL schema match the models too."""
    assert POSTGRES_URL, "CI must set TEST_POSTGRES_URL"
    base = POSTGRES_URL
    schema = f"migration_check_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        separator = "&" if "?" in base else "?"
        assert _upgrade_and_compare(f"{base}{separator}options=-csearch_path%3D{schema}") == []
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
