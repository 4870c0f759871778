"""Fixtures for the association tests.

The shared conftest keeps one app context (and so one database session) pushed for the
whole test, and Flask reuses it for every test-client request. Here each request also ends
by rolling back whatever it left uncommitted, as the end of its own app context does in
production, so that a refused form can never look "saved" to the assertions that follow.
"""

import pytest

from registry.extensions import db


def _end_request(_exc) -> None:
    db.session.rollback()


@pytest.fixture
def make_app(make_app):
    """The shared make_app, with each request's uncommitted work rolled back as in production."""

    def build(**overrides):
        app = make_app(**overrides)
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
