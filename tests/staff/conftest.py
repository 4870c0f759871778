"""Fixtures for the staff workspace: checklist templates, isolated requests and logged-in clients."""

import pytest
from flask import g, request_started, request_tearing_down

from registry.extensions import db


@pytest.fixture(autouse=True)
def isolated_requests(app):
    """Give every request a fresh ``g`` and end its transaction, as its own app context would in production.

    The ``app`` fixture keeps one app context pushed for the whole test and Flask reuses it for the test
    client's requests. Without this, the logged-in user (Flask-Login caches it in ``g``) and the locale
    (Flask-Babel) would carry over from one request, and from one client, to the next, and a request's
    uncommitted changes would stay visible to the following ones.
    """

    def clear_globals(sender, **_extra):
        for name in list(vars(g)):
            delattr(g, name)

    def end_transaction(sender, **_extra):
        db.session.rollback()

    request_started.connect(clear_globals, app, weak=False)
    request_tearing_down.connect(end_transaction, app, weak=False)
    yield
    request_started.disconnect(clear_globals, app)
    request_tearing_down.disconnect(end_transaction, app)


@pytest.fixture
def checklists(factories):
    """The shipped checklist templates, loaded as `flask checklists load` does on deployment."""
    factories.checklist_templates()


@pytest.fixture
def client_for(app, login):
    """A new test client logged in as the given user (each actor gets its own cookie jar)."""

    def make(user):
        return login(user, test_client=app.test_client())

    return make
