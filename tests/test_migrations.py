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
