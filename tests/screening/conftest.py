"""Fixtures for screening, supervision and publication: checklist templates, actors and isolated requests."""

import pytest
from flask import request_tearing_down

from registry.checklists.services import load_templates
from registry.extensions import db


@pytest.fixture(autouse=True)
def request_transactions(app):
    """End every request's transaction, as its own app context would in production.

    The ``app`` fixture keeps one app context pushed for the whole test and Flask reuses it for the test
    client's requests (the shared conftest already gives each request a fresh ``g``); without this a
    request's uncommitted changes would stay visible to the test and to the next request.
    """

    def end_transaction(sender, **_extra):
        db.session.rollback()

    request_tearing_down.connect(end_transaction, app, weak=False)
    yield
    request_tearing_down.disconnect(end_transaction, app)


@pytest.fixture(autouse=True)
def checklists(app):
    """The shipped checklist templates, loaded as `flask checklists load` does on deployment."""
    load_templates()


@pytest.fixture(autouse=True)
def decision_settings(checklists, factories):
    """Aarhus, Copenhagen and Göteborg have filled in their decision settings, as before a first decision.

    Tests of what happens without them change the settings themselves.
    """
    for country, code in (("DK", "751"), ("DK", "101"), ("SE", "1480")):
        factories.decision_settings(country, code)


@pytest.fixture
def client_for(app, login):
    """A new test client logged in as the given user (each actor gets its own cookie jar)."""

    def make(user):
        return login(user, test_client=app.test_client())

    return make


@pytest.fixture
def officer(factories):
    """An officer of Aarhus who reads the site in English."""
    return factories.staff(email="officer@aarhus.example", display_name="Olga Officer", locale="en")


@pytest.fixture
def colleague(factories):
    """A second officer of Aarhus, for the second approval."""
    return factories.staff(email="colleague@aarhus.example", display_name="Carl Colleague", locale="en")


@pytest.fixture
def admin(factories):
    """An administrator of Aarhus."""
    return factories.staff(role="administrator", email="admin@aarhus.example", display_name="Ada Admin",
                           locale="en")


@pytest.fixture
def outsider(factories):
    """An officer of Copenhagen, another municipality."""
    return factories.staff(code="101", email="officer@kk.example", display_name="Kim Copenhagen", locale="en")


@pytest.fixture
def owner(factories):
    """The representative (owner) of the association under test."""
    return factories.user(email="owner@forening.example", display_name="Rikke Repræsentant", locale="en")
