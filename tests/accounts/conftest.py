"""Fixtures for the accounts tests: a fresh `g` per request, translated texts and old tokens."""

import time
from contextlib import contextmanager

import pytest
from flask import current_app, g
from flask_babel import force_locale, gettext
from itsdangerous.timed import TimestampSigner


@pytest.fixture
def make_app(make_app):
    """The root make_app, but every request starts with an empty `g`, as it does in production.

    The root fixture keeps one application context pushed for the whole test, and Flask reuses
    it for every test-client request, so `g` would otherwise carry Flask-Login's user and
    Flask-Babel's locale from one request (and one client) to the next.
    """

    def build(**overrides):
        app = make_app(**overrides)

        def fresh_globals() -> None:
            for name in list(g):
                g.pop(name)

        # First, before Flask-Limiter's hook stores this request's limit in `g`.
        app.before_request_funcs.setdefault(None, []).insert(0, fresh_globals)
        return app

    return build


@pytest.fixture
def translate():
    """A message as the current app renders it in a language: translate("Log in", "sv")."""

    def render(message: str, locale: str = "da", **variables) -> str:
        with current_app.test_request_context(), force_locale(locale):
            return gettext(message, **variables)

    return render


@pytest.fixture
def signed_ago(monkeypatch):
    """Context manager: tokens signed inside it carry a timestamp this many seconds old."""

    @contextmanager
    def back(seconds: int):
        now = time.time
        with monkeypatch.context() as patch:
            patch.setattr(TimestampSigner, "get_timestamp", lambda self: int(now()) - seconds)
            yield

    return back
