"""Fixtures for the association tests.

The shared conftest pushes one app context for the whole test, and Flask reuses a pushed
app context for every test-client request. Flask's ``g`` lives on that context, so without
help the user Flask-Login cached in ``g`` (and Flask-Babel's locale) would leak from one
request, and one client, into the next. Here every app starts each request with an empty
``g`` and rolls back whatever a request left uncommitted, as a fresh app context per
request does in production.
"""

import pytest
from flask import g

from registry.extensions import db


def _fresh_globals() -> None:
    for name in list(g):
        g.pop(name, None)


def _end_request(_exc) -> None:
    db.session.rollback()


@pytest.fixture
def make_app(make_app):
    """The shared make_app, with per-request ``g`` and transaction as in production."""

    def build(**overrides):
        app = make_app(**overrides)
        app.before_request_funcs.setdefault(None, []).insert(0, _fresh_globals)
        app.teardown_request(_end_request)
        return app

    return build


@pytest.fixture
def make_user(factories):
    """Create an association-side user who reads the site in English."""

    def build(**extra):
        extra.setdefault("locale", "en")
        return factories.user(**extra)

    return build


@pytest.fixture
def owner(make_user):
    """A verified user who will own the association under test."""
    return make_user(display_name="Olivia Owner")


@pytest.fixture
def owner_client(client, login, owner):
    """The test client, logged in as the owner."""
    return login(owner)


@pytest.fixture
def other_client(app, login):
    """Log a user in on a test client of their own."""

    def build(user):
        return login(user, test_client=app.test_client())

    return build
