"""Logging this browser in and out: the server-side session and Flask-Login's cookies, always together.

Views call these instead of Flask-Login's login_user and logout_user, so that no cookie is ever issued
without a session that can be ended on the server (see services.start_session and User.get_id).
"""

from flask import request
from flask_login import current_user, login_user, logout_user

from registry.accounts import services
from registry.accounts.models import User

# Checked in order: Chromium-based browsers also name Chrome and Safari, Chrome names Safari, Android names Linux.
_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"),
             ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
_SYSTEMS = (("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"),
            ("Macintosh", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))


def device_summary(user_agent: str | None) -> str | None:
    """"Firefox, Windows" from a User-Agent header: enough to recognise a device, without storing the header."""
    agent = user_agent or ""
    browser = next((name for token, name in _BROWSERS if token in agent), None)
    system = next((name for token, name in _SYSTEMS if token in agent), None)
    return ", ".join(part for part in (browser, system) if part) or None


def log_in(user: User, remember: bool = False) -> None:
    """Start a server-side session for the user and log this browser in through it."""
    if current_user.is_authenticated:
        services.end_session(current_user)  # a browser logged in as someone else: that session is over
    services.start_session(user, remember, device_summary(request.headers.get("User-Agent")))
    login_user(user, remember=remember)


def log_out() -> None:
    """End this browser's session on the server and drop its session and remember cookies."""
    if current_user.is_authenticated:
        services.end_session(current_user)
    logout_user()
