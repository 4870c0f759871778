"""Login, the `next` parameter, and logout."""

import html
import re
from urllib.parse import urlsplit

import pytest
from argon2 import PasswordHasher
from flask import url_for

from registry.accounts.passwords import needs_rehash, verify_password
from registry.core.urls import safe_next
from registry.extensions import db
from tests.accounts.helpers import field_error, flashes, is_logged_in, log_in, reload

WRONG = "The e-mail address or the password is not correct."


def _login_form_action(response) -> str:
    found = re.search(r'<form method="post" novalidate action="([^"]*)">', response.get_data(as_text=True))
    assert found
    return html.unescape(found.group(1))


def test_correct_credentials_log_in(client, factories):
    """The right address and password answer 303 to the member's home and log the user in."""
    user = factories.user()

    response = log_in(client, user.email, factories.PASSWORD)

    assert response.status_code == 303
    assert response.headers["Location"] == "/associations/"
    assert is_logged_in(client)


def test_email_is_case_insensitive(client, factories):
    """The address may be typed in any letter case."""
    factories.user(email="anna@example.org")

    assert log_in(client, "ANNA@Example.org", factories.PASSWORD).status_code == 303


def test_staff_land_on_their_dashboard(app, client, factories):
    """Municipal staff are sent to the staff dashboard, not the members' page, after logging in."""
    staff = factories.staff()
    with app.test_request_context():
        dashboard = url_for("staff.dashboard")

    response = log_in(client, staff.email, factories.PASSWORD)

    assert response.status_code == 303
    assert response.headers["Location"] == dashboard != "/associations/"


def test_wrong_password_and_unknown_email_look_the_same(app, factories, translate):
    """A wrong password and an unknown address give the same status and the same message."""
    user = factories.user(email="anna@example.org")
    wrong_password = log_in(app.test_client(), user.email, "not the right password at all")
    unknown_email = log_in(app.test_client(), "nobody@example.org", factories.PASSWORD)

    assert wrong_password.status_code == unknown_email.status_code == 200
    message = translate(WRONG)
    assert field_error(wrong_password, "password") == field_error(unknown_email, "password") == message
    assert field_error(wrong_password, "email") is None
    assert field_error(unknown_email, "email") is None
    assert "not the right password at all" not in wrong_password.get_data(as_text=True)


def test_deactivated_user_cannot_log_in(client, factories, translate):
    """A deactivated account gets the same answer as a wrong password and stays logged out."""
    user = factories.user(active=False)

    response = log_in(client, user.email, factories.PASSWORD)

    assert response.status_code == 200
    assert field_error(response, "password") == translate(WRONG)
    assert not is_logged_in(client)


def test_deactivated_while_logged_in_loses_access(client, factories, login):
    """Deactivating an account ends its access to logged-in pages on the next request."""
    user = factories.user()
    login(user)
    user.active = False
    db.session.commit()

    assert not is_logged_in(client)


def test_login_required_page_returns_after_login(client, factories):
    """An anonymous visitor is sent to log in and then back to the page asked for."""
    user = factories.user()
    response = client.get("/account/settings")
    assert response.status_code == 302
    login_url = response.headers["Location"]
    assert login_url == "/account/login?next=/account/settings"

    response = client.post(login_url, data={"email": user.email, "password": factories.PASSWORD})

    assert response.status_code == 303
    assert response.headers["Location"] == "/account/settings"


def test_login_form_keeps_relative_next(client):
    """The login form posts back with the same (safe) next parameter."""
    response = client.get("/account/login", query_string={"next": "/directory?q=fodbold"})

    assert _login_form_action(response) == "/account/login?next=/directory?q%3Dfodbold"


@pytest.mark.parametrize("target", [
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "/account\r\nSet-Cookie: session=x",
])
def test_offsite_next_is_ignored(client, factories, target):
    """Off-site or malformed next targets are replaced by the default page (no open redirect)."""
    user = factories.user()

    response = client.post("/account/login", query_string={"next": target},
                           data={"email": user.email, "password": factories.PASSWORD})

    assert response.status_code == 303
    assert response.headers["Location"] == "/associations/"


def test_offsite_next_not_put_in_login_form(client):
    """An off-site next is not echoed into the login form's action."""
    response = client.get("/account/login", query_string={"next": "https://evil.example/"})

    assert response.status_code == 200
    assert _login_form_action(response) == "/account/login"


@pytest.mark.parametrize(("target", "expected"), [
    ("/account/settings", "/account/settings"),
    ("/directory?q=a&country=DK#top", "/directory?q=a&country=DK#top"),
    ("  /directory  ", "/directory"),
    (None, "FALLBACK"),
    ("", "FALLBACK"),
    ("https://evil.example/", "FALLBACK"),
    ("http://localhost/account/settings", "FALLBACK"),
    ("//evil.example", "FALLBACK"),
    ("///evil.example", "FALLBACK"),
    (" //evil.example", "FALLBACK"),
    ("/\\evil.example", "FALLBACK"),
    ("\\\\evil.example", "FALLBACK"),
    ("javascript:alert(1)", "FALLBACK"),
    ("JavaScript:alert(1)", "FALLBACK"),
    ("http:evil.example", "FALLBACK"),
    ("directory", "FALLBACK"),
    ("/\t/evil.example", "FALLBACK"),
    ("/\n/evil.example", "FALLBACK"),
    ("/account\r\nSet-Cookie: a=b", "FALLBACK"),
])
def test_safe_next(target, expected):
    """safe_next accepts paths on this site only."""
    assert safe_next(target, "FALLBACK") == expected


def test_logged_in_user_visiting_login_is_sent_on(client, factories, login):
    """A logged-in user opening the login page is redirected to the (safe) next target."""
    login(factories.user())

    local = client.get("/account/login", query_string={"next": "/directory"})
    offsite = client.get("/account/login", query_string={"next": "//evil.example"})

    assert local.headers["Location"] == "/directory"
    assert offsite.headers["Location"] == "/associations/"


def test_logout_requires_post(client, factories, login):
    """GET /account/logout is not allowed and leaves the user logged in."""
    login(factories.user())

    response = client.get("/account/logout")

    assert response.status_code == 405
    assert is_logged_in(client)


def test_logout_logs_out(client, factories, login, translate):
    """POST /account/logout ends the session and goes to the front page with a message."""
    login(factories.user())

    response = client.post("/account/logout")

    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert ("success", translate("You are logged out.")) in flashes(client.get("/"))
    assert not is_logged_in(client)
    assert urlsplit(client.get("/account/settings").headers["Location"]).path == "/account/login"


def test_login_rehashes_outdated_hash(client, factories):
    """A hash made with weaker argon2 parameters is replaced at the next successful login."""
    user = factories.user()
    outdated = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    user.password_hash = outdated.hash(factories.PASSWORD)
    db.session.commit()
    assert needs_rehash(user.password_hash)

    assert log_in(client, user.email, factories.PASSWORD).status_code == 303

    user = reload(user)
    assert not needs_rehash(user.password_hash)
    assert verify_password(user.password_hash, factories.PASSWORD)
