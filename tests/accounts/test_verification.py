"""E-mail verification: the mailed link confirms the address; bad, old or foreign links do not."""

from urllib.parse import urlsplit

from registry.accounts.services import RESET, VERIFY
from registry.core.tokens import make_token
from registry.extensions import db
from tests.accounts.helpers import STRONG, flashes, log_in, page_shows, register, reload, user_by_email
from tests.conftest import link_in

THREE_DAYS = 3 * 24 * 3600
NOT_VALID = "The link is not valid. It may have been copied incompletely, or it has already been used."


def _path(link: str) -> str:
    parts = urlsplit(link)
    return parts.path


def _tampered(path: str) -> str:
    """The same link with the first character of its signature changed."""
    head, signature = path.rsplit(".", 1)
    return f"{head}.{'B' if signature[0] == 'A' else 'A'}{signature[1:]}"


def test_link_from_mail_verifies(client, outbox, translate):
    """Following the mailed link marks the address as confirmed and says so (here logged in meanwhile)."""
    register(client, email="anna@example.org")
    user = user_by_email("anna@example.org")
    assert not user.is_verified
    assert log_in(client, "anna@example.org", STRONG).status_code == 303

    response = client.get(_path(link_in(outbox[0])))

    assert response.status_code == 302
    assert response.headers["Location"] == "/associations/"
    assert reload(user).is_verified
    page = client.get("/account/settings")
    assert ("success", translate("Thank you. Your e-mail address is confirmed.")) in flashes(page)


def test_link_verifies_when_logged_out(app, client, outbox):
    """The link also works in a browser that is not logged in, and then leads to the login page."""
    register(client, email="anna@example.org")
    other_browser = app.test_client()

    response = other_browser.get(_path(link_in(outbox[0])))

    assert response.status_code == 302
    assert response.headers["Location"] == "/account/login"
    assert user_by_email("anna@example.org").is_verified


def test_link_keeps_first_verification_time(client, outbox):
    """Opening the link twice is harmless and keeps the time of the first confirmation."""
    register(client, email="anna@example.org")
    path = _path(link_in(outbox[0]))
    client.get(path)
    first = user_by_email("anna@example.org").email_verified_at

    assert client.get(path).status_code == 302
    assert user_by_email("anna@example.org").email_verified_at == first


def test_tampered_link_refused(client, outbox, translate):
    """A link whose signature was changed answers 400 with the 'not valid' text."""
    register(client, email="anna@example.org")

    response = client.get(_tampered(_path(link_in(outbox[0]))))

    assert response.status_code == 400
    assert page_shows(response, translate(NOT_VALID))
    assert not page_shows(response, translate("The link has expired."))
    assert not user_by_email("anna@example.org").is_verified


def test_expired_link_refused(client, factories, outbox, translate, signed_ago):
    """A link older than EMAIL_VERIFY_MAX_AGE answers 400 with the 'expired' text."""
    user = factories.user(verified=False)
    with signed_ago(THREE_DAYS + 60):
        token = make_token(VERIFY, {"uid": user.id, "email": user.email})

    response = client.get(f"/account/verify/{token}")

    assert response.status_code == 400
    assert page_shows(response, translate("The link has expired."))
    assert not page_shows(response, translate(NOT_VALID))
    assert not reload(user).is_verified


def test_link_just_inside_max_age_works(client, factories, signed_ago):
    """A link a little younger than EMAIL_VERIFY_MAX_AGE still verifies."""
    user = factories.user(verified=False)
    with signed_ago(THREE_DAYS - 60):
        token = make_token(VERIFY, {"uid": user.id, "email": user.email})

    assert client.get(f"/account/verify/{token}").status_code == 302
    assert reload(user).is_verified


def test_reset_token_cannot_verify(client, factories, translate):
    """A token signed for password reset is useless as a verification link (purpose separation)."""
    user = factories.user(verified=False)
    token = make_token(RESET, {"uid": user.id, "email": user.email})

    response = client.get(f"/account/verify/{token}")

    assert response.status_code == 400
    assert page_shows(response, translate(NOT_VALID))
    assert not reload(user).is_verified


def test_link_for_previous_address_refused(client, factories, translate):
    """A link for an address the account no longer has does not confirm the new one."""
    user = factories.user(email="old@example.org", verified=False)
    token = make_token(VERIFY, {"uid": user.id, "email": "old@example.org"})
    user.email = "new@example.org"
    db.session.commit()

    response = client.get(f"/account/verify/{token}")

    assert response.status_code == 400
    assert page_shows(response, translate(NOT_VALID))
    assert not reload(user).is_verified


def test_resend_sends_new_working_link(client, factories, login, outbox):
    """An unverified user can ask for the link again, and the new link works."""
    user = factories.user(verified=False)
    login(user)

    response = client.post("/account/verify/resend", data={"next": "/account/settings"})

    assert response.status_code == 303
    assert response.headers["Location"] == "/account/settings"
    assert [message["To"] for message in outbox] == [user.email]
    client.get(_path(link_in(outbox[0])))
    assert reload(user).is_verified


def test_resend_does_nothing_for_verified_user(client, factories, login, outbox):
    """A verified user gets no new mail from the resend button."""
    login(factories.user(verified=True))

    assert client.post("/account/verify/resend").status_code == 303
    assert outbox == []


def test_resend_requires_login(client, outbox):
    """The resend button is for logged-in users only."""
    response = client.post("/account/verify/resend")

    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/account/login"
    assert outbox == []
