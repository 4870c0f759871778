"""Fixtures: a fresh app and database per test, clients, actors and factories.

The suite runs on in-memory SQLite; with TEST_DATABASE_URL set it runs on that
database instead (PostgreSQL in CI), with the schema created once and the tables
emptied after each test.
"""

import os
import re

import pytest
from argon2 import PasswordHasher
from flask import g
from sqlalchemy import text

import registry.accounts.passwords as passwords
from config import TestingConfig
from registry import create_app
from registry.extensions import db
from registry.municipalities.services import load_municipalities
from tests.factories import Factories

# Production-strength argon2 costs ~0.1 s a hash; tests need many, and the algorithm is the same.
passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
passwords._DUMMY_HASH = passwords._hasher.hash("dummy")

ON_SERVER_DB = bool(os.environ.get("TEST_DATABASE_URL"))
_schema_ready = False


def _on_server() -> bool:
    """The app's database is the shared server database, not a SQLite database of the test's own.

    Decided per app: a test may build one on a SQLite file (make_app(SQLALCHEMY_DATABASE_URI=...)) during a
    run on PostgreSQL, and that file must neither take the server's schema set-up nor be truncated.
    """
    return db.engine.dialect.name != "sqlite"


def _prepare_schema() -> None:
    global _schema_ready
    if not _on_server():
        db.create_all()
        return
    if not _schema_ready:
        db.drop_all()
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()
        _schema_ready = True


def _empty_tables() -> None:
    if _on_server():
        names = ", ".join(table.name for table in db.metadata.sorted_tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        db.session.commit()


def _fresh_globals() -> None:
    for name in list(g):
        g.pop(name)


@pytest.fixture
def make_app():
    """Build an app with config overrides; database prepared, municipalities loaded."""
    apps = []

    def build(**overrides):
        app = create_app(TestingConfig, **overrides)
        app.extensions["mail_outbox"] = []
        # The test keeps one application context pushed, and Flask reuses it for every request,
        # so `g` would carry Flask-Login's user and the locale from one request to the next.
        # Production starts every request with an empty `g`; so do the tests. First in line,
        # before Flask-Limiter's hook stores the request's limit in `g`.
        app.before_request_funcs.setdefault(None, []).insert(0, _fresh_globals)
        ctx = app.app_context()
        ctx.push()
        _prepare_schema()
        load_municipalities()
        apps.append(ctx)
        return app

    yield build
    for ctx in reversed(apps):
        db.session.remove()
        _empty_tables()
        db.engine.dispose()
        ctx.pop()


@pytest.fixture
def app(make_app):
    """The app under test, inside an application context."""
    return make_app()


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def outbox(app):
    """Messages sent during the test."""
    return app.extensions["mail_outbox"]


@pytest.fixture
def factories(app):
    """Callables that create users, staff and associations."""
    return Factories()


@pytest.fixture
def login(client):
    """Log a user in through the real login form."""

    def do_login(user, password=Factories.PASSWORD, test_client=None):
        target = test_client or client
        response = target.post("/account/login", data={"email": user.email, "password": password})
        assert response.status_code == 303, response.data[:500]
        return target

    return do_login


def link_in(message) -> str:
    """The first http(s) link in an e-mail's body."""
    body = message.get_content() if hasattr(message, "get_content") else str(message)
    found = re.search(r"https?://\S+", body)
    assert found, body
    return found.group(0)
