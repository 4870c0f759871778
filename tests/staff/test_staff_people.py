"""Staff management: inviting colleagues, the one-time join link, deactivation and its limits."""

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from registry.accounts.models import User, UserSession
from registry.audit.models import AuditEvent
from registry.extensions import db
from tests.conftest import link_in

STRONG = "Kanelsnegle med kardemomme 2026"


@pytest.fixture
def admin(factories):
    """An Aarhus administrator who reads English."""
    return factories.staff(role="administrator", code="751", locale="en", display_name="Ada Admin",
                           email="ada@aarhus.example")


@pytest.fixture
def admin_client(admin, client_for):
    """The administrator, logged in."""
    return client_for(admin)


def _invite(client, email="nina@aarhus.example", role="officer"):
    return client.post("/staff/people/invite", data={"display_name": "Nina Ny", "email": email, "role": role})


def _user(email) -> User:
    return db.session.scalars(select(User).where(User.email == email)).one()


def _sessions_of(user) -> list[UserSession]:
    db.session.expire_all()
    return list(db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)))


def _can_log_in(app, email, password) -> bool:
    response = app.test_client().post("/account/login", data={"email": email, "password": password})
    return response.status_code == 303


def test_invitation_creates_the_account_and_mails_a_join_link(admin_client, admin, outbox):
    """The invited colleague gets an officer account in the municipality and an e-mail with a /staff/join/ link."""
    response = _invite(admin_client)
    assert response.status_code == 303 and response.location == "/staff/people"
    assert len(outbox) == 1 and outbox[0]["To"] == "nina@aarhus.example"
    assert urlsplit(link_in(outbox[0])).path.startswith("/staff/join/")
    assert "Ada Admin" in outbox[0].get_content()
    invited = _user("nina@aarhus.example")
    assert (invited.role, invited.municipality_id, invited.is_verified) == ("officer", admin.municipality_id, False)
    page = admin_client.get("/staff/people").text
    assert "Nina Ny" in page and "Invited" in page


def test_following_the_link_sets_a_password_and_reaches_the_workspace(app, admin_client, outbox):
    """The link asks for a password; a strong one logs the colleague in and leads to /staff/."""
    assert _invite(admin_client).status_code == 303
    path = urlsplit(link_in(outbox[0])).path
    newcomer = app.test_client()
    form = newcomer.get(path)
    assert form.status_code == 200 and "Nina Ny" in form.text

    weak = newcomer.post(path, data={"password": "kort", "password_confirm": "kort"})
    assert weak.status_code == 200 and not _can_log_in(app, "nina@aarhus.example", "kort")

    joined = newcomer.post(path, data={"password": STRONG, "password_confirm": STRONG})
    assert joined.status_code == 303 and joined.location == "/staff/"
    assert newcomer.get("/staff/").status_code == 200
    assert len(_sessions_of(_user("nina@aarhus.example"))) == 1  # logged in through a session that can be ended
    assert _user("nina@aarhus.example").is_verified
    assert _can_log_in(app, "nina@aarhus.example", STRONG)


def test_join_link_works_only_once(app, admin_client, outbox):
    """Once the password is set, the same link answers 400 and cannot set another password."""
    assert _invite(admin_client).status_code == 303
    path = urlsplit(link_in(outbox[0])).path
    assert app.test_client().post(path, data={"password": STRONG, "password_confirm": STRONG}).status_code == 303
    other = "Et helt andet kodeord til Aarhus 99"
    assert app.test_client().get(path).status_code == 400
    assert app.test_client().post(path, data={"password": other, "password_confirm": other}).status_code == 400
    assert not _can_log_in(app, "nina@aarhus.example", other)


def test_tampered_join_link_is_400(app):
    """A made-up token is refused."""
    assert app.test_client().get("/staff/join/not-a-real-token").status_code == 400


def test_invitation_to_an_existing_address_is_refused(admin_client, factories, outbox):
    """Inviting an address that already has an account is an error on the form, and no mail is sent."""
    factories.user(email="taken@example.org")
    response = _invite(admin_client, email="Taken@Example.org")
    assert response.status_code == 200
    assert "An account with this e-mail address already exists." in response.text
    assert outbox == []


def test_administrator_can_invite_an_administrator(admin_client):
    """The role chosen in the invitation is the role the account gets."""
    assert _invite(admin_client, email="chef@aarhus.example", role="administrator").status_code == 303
    assert _user("chef@aarhus.example").role == "administrator"


def test_deactivated_officer_cannot_log_in(app, admin_client, factories, client_for):
    """After deactivation the officer's login fails and an open session no longer reaches the workspace."""
    officer = factories.staff(code="751", email="olaf@aarhus.example")
    officer_client = client_for(officer)
    response = admin_client.post(f"/staff/people/{officer.id}/deactivate")
    assert response.status_code == 303
    assert not _can_log_in(app, "olaf@aarhus.example", factories.PASSWORD)
    stale_session = officer_client.get("/staff/")
    assert stale_session.status_code == 302 and stale_session.location.startswith("/account/login")
    assert "Deactivated" in admin_client.get("/staff/people").text
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "staff.deactivated")).one()
    assert event.object_id == officer.id and event.after == {"active": False, "sessions_ended": 1}


def test_deactivation_ends_the_sessions_for_good(app, admin, admin_client, factories):
    """Deactivation ends the officer's sessions: copies of their session and remember cookies log no one in,
    not even after a reactivation, while the administrator's own session stays."""
    officer = factories.staff(code="751", email="olaf@aarhus.example")
    officer_client = app.test_client()
    assert officer_client.post("/account/login", data={"email": officer.email, "password": factories.PASSWORD,
                                                       "remember": "y"}).status_code == 303
    copied = {name: officer_client.get_cookie(name).value for name in ("session", "remember_token")}

    def replay_reaches_workspace() -> dict[str, bool]:
        reached = {}
        for name, value in copied.items():
            replay = app.test_client()
            replay.set_cookie(name, value)
            reached[name] = replay.get("/staff/").status_code == 200
        return reached

    assert replay_reaches_workspace() == {"session": True, "remember_token": True}

    assert admin_client.post(f"/staff/people/{officer.id}/deactivate").status_code == 303
    assert _sessions_of(officer) == []
    assert replay_reaches_workspace() == {"session": False, "remember_token": False}
    assert admin_client.post(f"/staff/people/{officer.id}/reactivate").status_code == 303
    assert replay_reaches_workspace() == {"session": False, "remember_token": False}
    assert officer_client.get("/staff/").status_code == 302
    assert admin_client.get("/staff/people").status_code == 200 and len(_sessions_of(admin)) == 1
    assert _can_log_in(app, officer.email, factories.PASSWORD)


def test_reactivated_officer_can_log_in_again(app, admin_client, factories):
    """Reactivation gives access back."""
    officer = factories.staff(code="751", email="olaf@aarhus.example", active=False)
    assert not _can_log_in(app, "olaf@aarhus.example", factories.PASSWORD)
    assert admin_client.post(f"/staff/people/{officer.id}/reactivate").status_code == 303
    assert _can_log_in(app, "olaf@aarhus.example", factories.PASSWORD)


def test_invitation_link_of_a_deactivated_colleague_is_refused(app, admin_client, outbox):
    """Deactivating a colleague before they joined makes their invitation link useless."""
    assert _invite(admin_client).status_code == 303
    invited = _user("nina@aarhus.example")
    assert admin_client.post(f"/staff/people/{invited.id}/deactivate").status_code == 303
    assert app.test_client().get(urlsplit(link_in(outbox[0])).path).status_code == 400


@pytest.mark.parametrize("target", ["other_municipality", "self", "representative", "other_administrator"])
def test_administrator_cannot_deactivate_outside_their_staff(admin_client, admin, factories, target):
    """Staff of another municipality, oneself and association users are refused with 403 and stay active."""
    member = {
        "other_municipality": lambda: factories.staff(code="101", email="kk@kk.example"),
        "other_administrator": lambda: factories.staff(role="administrator", code="101", email="chef@kk.example"),
        "self": lambda: admin,
        "representative": lambda: factories.user(email="formand@forening.example"),
    }[target]()
    assert admin_client.post(f"/staff/people/{member.id}/deactivate").status_code == 403
    db.session.refresh(member)
    assert member.active


def test_staff_list_shows_only_own_municipality(admin_client, factories):
    """The staff page lists the municipality's own staff, not other municipalities' or association users."""
    factories.staff(code="751", email="kollega@aarhus.example", display_name="Karen Kollega")
    factories.staff(code="101", email="kk@kk.example", display_name="Kim København")
    factories.user(email="formand@forening.example", display_name="Frida Formand")
    page = admin_client.get("/staff/people").text
    assert "Karen Kollega" in page and "Ada Admin" in page
    assert "Kim København" not in page and "Frida Formand" not in page
