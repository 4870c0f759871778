"""Changing the password while logged in, and resetting it through a mailed link."""

from urllib.parse import urlsplit

import pytest

from registry.accounts.passwords import verify_password
from registry.accounts.services import RESET, VERIFY
from registry.core.tokens import make_token
from registry.extensions import db
from tests.accounts.helpers import (
    OTHER_STRONG,
    STRONG,
    field_error,
    flashes,
    is_logged_in,
    log_in,
    page_shows,
    reload,
)
from tests.conftest import link_in

NOT_VALID = "The link is not valid. It may have been copied incompletely, or it has already been used."
ONE_HOUR = 3600


def _change(client, current, new, confirm=None):
    return client.post("/account/password", data={
        "current_password": current, "password": new, "password_confirm": confirm or new})


def _ask_for_reset(client, email):
    return client.post("/account/password/forgot", data={"email": email})


def _reset_path(outbox) -> str:
    assert len(outbox) == 1
    return urlsplit(link_in(outbox[0])).path


def _set_new_password(client, path, password=STRONG, confirm=None):
    return client.post(path, data={"password": password, "password_confirm": confirm or password})


# --- change while logged in -------------------------------------------------------------------


def test_change_password_wrong_current_refused(client, factories, login, translate):
    """A wrong current password is refused with the message next to that field; nothing changes."""
    user = factories.user()
    login(user)

    response = _change(client, "this is not my password", STRONG)

    assert response.status_code == 200
    assert field_error(response, "current_password") == translate("The current password is not correct.")
    assert field_error(response, "password") is None
    assert verify_password(reload(user).password_hash, factories.PASSWORD)


def test_change_password_weak_new_refused(client, factories, login, translate):
    """The new password must pass the same strength rule as at registration."""
    user = factories.user()
    login(user)

    response = _change(client, factories.PASSWORD, "password1234")

    assert response.status_code == 200
    assert field_error(response, "password") == translate(
        "This password is too common or too easy to guess. Try a sentence of several unrelated words.")
    assert verify_password(reload(user).password_hash, factories.PASSWORD)


def test_change_password_success(app, client, factories, login, translate):
    """After a change the new password logs in and the old one no longer does."""
    user = factories.user()
    login(user)

    response = _change(client, factories.PASSWORD, STRONG)

    assert response.status_code == 303
    assert response.headers["Location"] == "/account/settings"
    changed = translate("Your password has been changed. You are logged out on every other device.")
    assert ("success", changed) in flashes(client.get("/account/settings"))
    assert log_in(app.test_client(), user.email, STRONG).status_code == 303
    old = log_in(app.test_client(), user.email, factories.PASSWORD)
    assert old.status_code == 200
    assert field_error(old, "password") == translate("The e-mail address or the password is not correct.")


def test_change_password_requires_login(client):
    """The change-password page sends anonymous visitors to log in."""
    response = client.post("/account/password", data={"current_password": "x", "password": STRONG,
                                                       "password_confirm": STRONG})

    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/account/login"


# --- reset through a mailed link --------------------------------------------------------------


def test_reset_request_same_answer_for_unknown_and_known(app, factories, outbox, translate):
    """Unknown and known addresses get the same redirect and flash; only the known one gets mail."""
    user = factories.user(email="anna@example.org")

    unknown_client = app.test_client()
    unknown = _ask_for_reset(unknown_client, "nobody@example.org")
    assert outbox == []
    known_client = app.test_client()
    known = _ask_for_reset(known_client, user.email)

    assert unknown.status_code == known.status_code == 303
    assert unknown.headers["Location"] == known.headers["Location"] == "/account/login"
    unknown_flashes = flashes(unknown_client.get("/account/login"))
    known_flashes = flashes(known_client.get("/account/login"))
    message = ("If an account exists for %(email)s, we have sent it a link to choose a new password. "
               "The link works for one hour.")
    assert unknown_flashes == [("success", translate(message, email="nobody@example.org"))]
    assert known_flashes == [("success", translate(message, email="anna@example.org"))]
    assert len(outbox) == 1
    assert outbox[0]["To"] == "anna@example.org"
    assert "/account/password/reset/" in link_in(outbox[0])


def test_reset_mail_in_users_language(client, factories, outbox, translate):
    """The reset mail uses the account's language, not the language of the page it was asked from."""
    user = factories.user(locale="sv")

    _ask_for_reset(client, user.email.upper())

    assert outbox[0]["To"] == user.email
    assert outbox[0]["Subject"] == translate("Choose a new password for Partnerregister", "sv")


def test_reset_request_for_deactivated_account_sends_nothing(client, factories, outbox):
    """A deactivated account gets no reset link."""
    user = factories.user(active=False)

    assert _ask_for_reset(client, user.email).status_code == 303
    assert outbox == []


def test_reset_link_sets_new_password(app, client, factories, outbox, translate):
    """Following the link and choosing a new password makes it the one that logs in."""
    user = factories.user()
    _ask_for_reset(client, user.email)
    path = _reset_path(outbox)

    assert client.get(path).status_code == 200
    response = _set_new_password(client, path, STRONG)

    assert response.status_code == 303
    assert response.headers["Location"] == "/account/login"
    assert ("success", translate("Your new password is saved. You can log in with it now.")) in flashes(
        client.get("/account/login"))
    assert log_in(app.test_client(), user.email, STRONG).status_code == 303
    assert log_in(app.test_client(), user.email, factories.PASSWORD).status_code == 200


def test_reset_link_works_only_once(client, factories, outbox, translate):
    """The same link is refused once the password has been changed through it."""
    user = factories.user()
    _ask_for_reset(client, user.email)
    path = _reset_path(outbox)
    assert _set_new_password(client, path, STRONG).status_code == 303

    again_page = client.get(path)
    again_post = _set_new_password(client, path, OTHER_STRONG)

    assert again_page.status_code == again_post.status_code == 400
    assert page_shows(again_page, translate(NOT_VALID))
    assert verify_password(reload(user).password_hash, STRONG)


def test_reset_link_dies_when_password_changed_otherwise(client, factories, login, outbox):
    """An unused link stops working when the password is changed on the account page."""
    user = factories.user()
    _ask_for_reset(client, user.email)
    path = _reset_path(outbox)
    login(user)
    assert _change(client, factories.PASSWORD, STRONG).status_code == 303

    assert client.get(path).status_code == 400


def test_reset_tampered_link_refused(client, factories, outbox, translate):
    """A reset link with a changed signature answers 400 'not valid'."""
    user = factories.user()
    _ask_for_reset(client, user.email)
    head, signature = _reset_path(outbox).rsplit(".", 1)
    tampered = f"{head}.{'B' if signature[0] == 'A' else 'A'}{signature[1:]}"

    response = _set_new_password(client, tampered, STRONG)

    assert response.status_code == 400
    assert page_shows(response, translate(NOT_VALID))
    assert verify_password(reload(user).password_hash, factories.PASSWORD)


def test_reset_expired_link_refused(client, factories, outbox, translate, signed_ago):
    """A reset link older than PASSWORD_RESET_MAX_AGE answers 400 'expired'."""
    user = factories.user()
    with signed_ago(ONE_HOUR + 60):
        _ask_for_reset(client, user.email)
    path = _reset_path(outbox)

    response = client.get(path)

    assert response.status_code == 400
    assert page_shows(response, translate("The link has expired."))
    assert _set_new_password(client, path, STRONG).status_code == 400
    assert verify_password(reload(user).password_hash, factories.PASSWORD)


def test_verification_token_cannot_reset(client, factories, translate):
    """A token signed for e-mail verification is useless as a reset link (purpose separation)."""
    user = factories.user()
    token = make_token(VERIFY, {"uid": user.id, "email": user.email})

    response = _set_new_password(client, f"/account/password/reset/{token}", STRONG)

    assert response.status_code == 400
    assert page_shows(response, translate(NOT_VALID))
    assert verify_password(reload(user).password_hash, factories.PASSWORD)


def test_reset_token_for_deactivated_account_refused(client, factories, outbox):
    """A link stops working when the account is deactivated after it was sent."""
    user = factories.user()
    _ask_for_reset(client, user.email)
    user.active = False
    db.session.commit()

    assert client.get(_reset_path(outbox)).status_code == 400


@pytest.mark.parametrize(("password", "confirm", "field", "message"), [
    ("short pass", "short pass", "password", "The password must be at least %(n)d characters long."),
    (STRONG, OTHER_STRONG, "password_confirm", "The two passwords are not the same."),
])
def test_reset_form_validates_new_password(client, factories, outbox, translate,
                                           password, confirm, field, message):
    """The reset form applies the password rules and keeps the link usable after an error."""
    user = factories.user()
    _ask_for_reset(client, user.email)
    path = _reset_path(outbox)

    response = _set_new_password(client, path, password, confirm)

    assert response.status_code == 200
    assert field_error(response, field) == translate(message, n=12)
    assert verify_password(reload(user).password_hash, factories.PASSWORD)
    assert client.get(path).status_code == 200


def test_reset_verifies_address_and_logs_out(client, factories, login, outbox):
    """Resetting proves the address (it gets verified) and ends any logged-in session."""
    user = factories.user(verified=False)
    login(user)
    client.post("/account/logout")
    _ask_for_reset(client, user.email)
    path = _reset_path(outbox)
    login(user)

    assert _set_new_password(client, path, STRONG).status_code == 303

    assert reload(user).is_verified
    assert not is_logged_in(client)


def test_reset_token_without_fingerprint_refused(client, factories):
    """A reset-purpose token without the password fingerprint is refused."""
    user = factories.user()
    token = make_token(RESET, {"uid": user.id})

    assert client.get(f"/account/password/reset/{token}").status_code == 400
