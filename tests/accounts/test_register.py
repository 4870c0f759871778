"""Registration: the account, its password rule, the form kept on errors, and one answer for taken addresses."""

import re
from urllib.parse import urlsplit

import pytest
from flask_babel import get_locale
from sqlalchemy import func, select

import registry.core.mail
from registry.accounts.passwords import verify_password
from registry.audit.models import AuditEvent
from registry.extensions import db
from tests.accounts.helpers import (
    STRONG,
    field_error,
    flashes,
    input_value,
    is_logged_in,
    log_in,
    register,
    user_by_email,
    user_count,
)
from tests.conftest import link_in

CHECK_MAIL = ("Thank you. We have sent an e-mail to %(email)s. Follow the link in it to confirm your address, "
              "then log in here.")


def test_register_creates_account_and_asks_to_confirm(client, outbox, translate):
    """A valid form creates a member with a lower-cased address and an argon2 hash, and sends the visitor to log
    in with a "check your e-mail" message; the new password logs in."""
    response = register(client, display_name="Anna Berg", email="Anna.Berg@Example.ORG")

    assert response.status_code == 303
    assert response.headers["Location"] == "/account/login"
    assert flashes(client.get("/account/login")) == [
        ("success", translate(CHECK_MAIL, email="Anna.Berg@Example.ORG"))]
    user = user_by_email("anna.berg@example.org")
    assert user is not None
    assert user.display_name == "Anna Berg"
    assert user.role == "member"
    assert user.active and not user.is_verified
    assert user.password_hash.startswith("$argon2id$")
    assert STRONG not in user.password_hash
    assert verify_password(user.password_hash, STRONG)
    assert not is_logged_in(client)  # as for a taken address, which cannot be logged in
    assert log_in(client, "anna.berg@example.org", STRONG).status_code == 303
    assert len(outbox) == 1
    assert outbox[0]["To"] == "anna.berg@example.org"
    assert "/account/verify/" in outbox[0].get_content()


@pytest.mark.parametrize(("accept_language", "locale"),
                         [(None, "da"), ("sv", "sv"), ("en-GB,en;q=0.8", "en")])
def test_verification_mail_in_users_language(client, outbox, translate, monkeypatch, accept_language, locale):
    """The account keeps the page language, and the verification mail is rendered in it."""
    rendered_in = []
    real_render = registry.core.mail.render_template

    def spy(template, **context):
        rendered_in.append((template, str(get_locale())))
        return real_render(template, **context)

    monkeypatch.setattr(registry.core.mail, "render_template", spy)
    headers = {"Accept-Language": accept_language} if accept_language else {}

    assert register(client, headers=headers).status_code == 303

    assert user_by_email("anna@example.org").locale == locale
    assert rendered_in == [("accounts/mail/verify.txt", locale)]
    assert outbox[0]["Subject"] == translate("Confirm your e-mail address for Partnerregister", locale)


def _assert_form_kept(response, display_name, email):
    assert response.status_code == 200
    assert input_value(response, "display_name") == display_name
    assert input_value(response, "email") == email
    assert f'value="{email}"' in response.get_data(as_text=True)


def test_short_password_refused(client, outbox, translate):
    """A password under 12 characters is refused with the length message; the form is kept."""
    response = register(client, display_name="Bo Ek", email="bo@example.org",
                        password="Xk9#mP2$vL4", password_confirm="Xk9#mP2$vL4")

    _assert_form_kept(response, "Bo Ek", "bo@example.org")
    assert field_error(response, "password") == translate(
        "The password must be at least %(n)d characters long.", n=12)
    assert user_count() == 0
    assert outbox == []


@pytest.mark.parametrize("password", ["password1234", "qwertyuiop123", "aaaaaaaaaaaaaaa"])
def test_common_password_refused(client, translate, password):
    """Long enough but common or easily guessed passwords are refused."""
    response = register(client, display_name="Bo Ek", email="bo@example.org",
                        password=password, password_confirm=password)

    _assert_form_kept(response, "Bo Ek", "bo@example.org")
    assert field_error(response, "password") == translate(
        "This password is too common or too easy to guess. Try a sentence of several unrelated words.")
    assert user_count() == 0


def test_password_built_from_own_email_refused(client, translate):
    """A password made of the user's own name and address is too easy to guess."""
    password = "karin.lindqvist@example.org"
    response = register(client, display_name="Karin Lindqvist", email="karin.lindqvist@example.org",
                        password=password, password_confirm=password)

    assert response.status_code == 200
    assert field_error(response, "password") == translate(
        "This password is too common or too easy to guess. Try a sentence of several unrelated words.")
    assert user_count() == 0


def test_mismatched_confirmation_refused(client, translate):
    """A confirmation that differs from the password is refused next to the confirmation field."""
    response = register(client, display_name="Bo Ek", email="bo@example.org",
                        password=STRONG, password_confirm=STRONG + "!")

    _assert_form_kept(response, "Bo Ek", "bo@example.org")
    assert field_error(response, "password_confirm") == translate("The two passwords are not the same.")
    assert user_count() == 0


def _answer(client, **fields) -> tuple[int, str | None, str]:
    """Status and target of a registration, and the text of the page it leads to (each browser's own random
    CSRF token masked: it differs between any two browsers and says nothing about the address)."""
    response = register(client, **fields)
    target = response.headers.get("Location")
    page = client.get(target).get_data(as_text=True) if target else response.get_data(as_text=True)
    return response.status_code, target, re.sub(r'(name="csrf_token" value=")[^"]*"', r'\1…"', page)


def test_taken_address_gets_the_same_answer_as_a_new_one(app, outbox):
    """Registering an address that has an account answers exactly as registering a new one did: same status,
    same target, same page. Only the mail differs, and it goes to the address's owner."""
    new = _answer(app.test_client(), display_name="Anna Berg", email="anna@example.org")
    taken = _answer(app.test_client(), display_name="Someone Else", email="anna@example.org",
                    password="another long passphrase here", password_confirm="another long passphrase here")

    assert new == taken
    assert new[:2] == (303, "/account/login")
    assert user_count() == 1
    assert [message["To"] for message in outbox] == ["anna@example.org", "anna@example.org"]
    assert "/account/verify/" in outbox[0].get_content()
    assert "/account/verify/" not in outbox[1].get_content()


def test_taken_address_mails_its_owner_and_changes_nothing(client, factories, outbox, translate):
    """An address taken in any letter case: no second account, the owner's password and login untouched, nothing
    audited, and the owner gets a mail in their language with links to log in and to choose a new password."""
    owner = factories.user(email="taken@example.org", display_name="Tove Holm", locale="sv", verified=False)
    events_before = db.session.scalar(select(func.count()).select_from(AuditEvent))

    response = register(client, display_name="Bo Ek", email="Taken@EXAMPLE.org")

    assert response.status_code == 303 and response.headers["Location"] == "/account/login"
    assert flashes(client.get("/account/login")) == [("success", translate(CHECK_MAIL, email="Taken@EXAMPLE.org"))]
    assert not is_logged_in(client)
    assert user_count() == 1
    stored = user_by_email("taken@example.org")
    assert (stored.display_name, stored.locale, stored.is_verified) == ("Tove Holm", "sv", False)
    assert verify_password(stored.password_hash, factories.PASSWORD) and not verify_password(stored.password_hash,
                                                                                             STRONG)
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == events_before
    assert len(outbox) == 1
    message = outbox[0]
    assert message["To"] == owner.email
    assert message["Subject"] == translate("Someone tried to create an account with your e-mail address", "sv")
    body = message.get_content()
    assert "Tove Holm" in body
    assert urlsplit(link_in(message)).path == "/account/login"
    assert "/account/password/forgot" in body


def test_taken_address_of_a_deactivated_account_mails_nobody(client, factories, outbox):
    """A deactivated account can neither log in nor reset its password, so its owner is not told to; the visitor
    still gets the same answer."""
    factories.user(email="gone@example.org", active=False)

    response = register(client, email="gone@example.org")

    assert response.status_code == 303 and response.headers["Location"] == "/account/login"
    assert outbox == []
    assert user_count() == 1


@pytest.mark.parametrize("email", ["not-an-address", "bo@", "bo at example.org"])
def test_invalid_email_refused(client, outbox, email):
    """A malformed address is refused with an error on the e-mail field."""
    response = register(client, display_name="Bo Ek", email=email)

    _assert_form_kept(response, "Bo Ek", email)
    assert field_error(response, "email")
    assert field_error(response, "password") is None
    assert user_count() == 0
    assert outbox == []


def test_register_page_redirects_logged_in_user(client, factories, login):
    """A logged-in user is sent on instead of seeing the registration form."""
    login(factories.user())

    response = client.get("/account/register")

    assert response.status_code == 302
    assert response.headers["Location"] == "/associations/"
