"""Tests whose worker processes share the test's database: a SQLite file here, or the PostgreSQL test database."""

import pytest

from tests.conftest import ON_SERVER_DB


@pytest.fixture
def app(make_app, tmp_path):
    """The app on a database the worker processes open too (the suite's usual one is in memory)."""
    return make_app() if ON_SERVER_DB else make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/registry.sqlite")
