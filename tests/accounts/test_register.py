"""Registration: the account, its password rule, and the form kept on errors."""

import pytest
from flask_babel import get_locale

import registry.core.mail
from registry.accounts.passwords import verify_password
from tests.accounts.helpers import (
    STRONG,
    field_error,
    input_value,
    is_logged_in,
    register,
    user_by_email,
    user_count,
)


def test_register_creates_logged_in_account(client, outbox):
    """A valid form creates a member with a lower-cased address and an argon2 hash, and logs in."""
    response = register(client, display_name="Anna Berg", email="Anna.Berg@Example.ORG")

    assert response.status_code == 303
    assert response.headers["Location"] == "/associations/"
    user = user_by_email("anna.berg@example.org")
    assert user is not None
    assert user.display_name == "Anna Berg"
    assert user.role == "member"
    assert user.active and not user.is_verified
    assert user.password_hash.startswith("$argon2id$")
    assert STRONG not in user.password_hash
    assert verify_password(user.password_hash, STRONG)
    assert is_logged_in(client)
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


def test_duplicate_email_refused_case_insensitively(client, factories, outbox, translate):
    """An address already taken, in any letter case, is refused without a second account or mail."""
    factories.user(email="taken@example.org")

    response = register(client, display_name="Bo Ek", email="Taken@EXAMPLE.org")

    _assert_form_kept(response, "Bo Ek", "Taken@EXAMPLE.org")
    assert field_error(response, "email") == translate(
        "An account with this e-mail address already exists. "
        "Log in, or reset your password if you have forgotten it.")
    assert user_count() == 1
    assert outbox == []
    assert not is_logged_in(client)


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
