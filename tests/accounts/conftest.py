"""Fixtures for the accounts tests: translated texts and old tokens."""

import time
from contextlib import contextmanager

import pytest
from flask import current_app
from flask_babel import force_locale, gettext
from itsdangerous.timed import TimestampSigner


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
