"""Representatives: invitations by e-mail, accepting them, removing people."""

import pytest
from sqlalchemy import select

from registry.associations.models import Invitation, Representative
from registry.extensions import db
from tests.associations.helpers import Page, audit_events, count
from tests.conftest import link_in


@pytest.fixture
def association(factories, owner):
    """A Danish association of the owner."""
    return factories.association(owner=owner, name="Boldklubben Nord")


def _invite(test_client, association, email="new@example.org", rights="editor"):
    return test_client.post(f"/associations/{association.id}/people/invite", data={"email": email, "rights": rights})


def _representative(association, user) -> Representative | None:
    return db.session.scalar(select(Representative).where(
        Representative.association_id == association.id, Representative.user_id == user.id))


def _add_editor(association, user) -> Representative:
    representative = Representative(association_id=association.id, user_id=user.id, rights="editor")
    db.session.add(representative)
    db.session.commit()
    return representative


def test_owner_invites_an_editor_by_mail(association, owner_client, outbox):
    """The owner's invitation is stored and mailed to the address with a link to accept it."""
    response = _invite(owner_client, association, email="New@Example.org")

    assert response.status_code == 303
    invitation = db.session.scalars(select(Invitation)).one()
    assert (invitation.email, invitation.rights, invitation.association_id) == (
        "new@example.org", "editor", association.id)
    [message] = outbox
    assert message["To"] == "new@example.org"
    assert "Boldklubben Nord" in message["Subject"]
    assert "/associations/invitations/" in link_in(message)
    assert "new@example.org" in Page(owner_client.get(f"/associations/{association.id}/people")).text


def test_invalid_address_is_refused(association, owner_client, outbox):
    """An invitation to something that is not an e-mail address is an error; nothing is sent."""
    response = _invite(owner_client, association, email="not-an-address")

    assert response.status_code == 200
    assert Page(response).error_for("email")
    assert outbox == [] and count(Invitation) == 0


def test_inviting_an_existing_representative_is_refused(association, owner, owner_client, outbox):
    """Inviting someone who already represents the association is an error; nothing is sent."""
    response = _invite(owner_client, association, email=owner.email.upper())

    assert response.status_code == 200
    assert "already represents" in Page(response).error_for("email")
    assert outbox == [] and count(Invitation) == 0


def test_link_for_another_address_is_forbidden(association, owner_client, outbox, make_user, other_client):
    """A logged-in user with a different address gets 403 and does not become a representative."""
    _invite(owner_client, association)
    stranger = make_user(email="someone.else@example.org")
    response = other_client(stranger).get(link_in(outbox[0]))

    assert response.status_code == 403
    assert "another e-mail address" in Page(response).text
    assert other_client(stranger).post(link_in(outbox[0])).status_code == 403
    assert _representative(association, stranger) is None
    assert db.session.scalars(select(Invitation)).one().is_open


def test_invited_user_accepts(association, owner_client, outbox, make_user, other_client):
    """The invited user sees a confirmation page, accepts by posting it, and becomes an editor."""
    _invite(owner_client, association)
    invited = make_user(email="new@example.org")
    invited_client = other_client(invited)
    link = link_in(outbox[0])

    confirm = invited_client.get(link)
    assert confirm.status_code == 200
    assert "Accept the invitation" in Page(confirm).text
    assert _representative(association, invited) is None

    response = invited_client.post(link)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/associations/{association.id}")
    assert _representative(association, invited).rights == "editor"
    assert db.session.scalars(select(Invitation)).one().accepted_at is not None
    assert audit_events("representative.joined", actor_id=invited.id)
    assert invited_client.get(f"/associations/{association.id}/step/identity").status_code == 200

    assert invited_client.get(link).status_code == 400
    assert invited_client.post(link).status_code == 400


def test_owner_invitation_gives_owner_rights(association, owner_client, outbox, make_user, other_client):
    """An invitation as owner makes the invited user an owner."""
    _invite(owner_client, association, email="co-owner@example.org", rights="owner")
    invited = make_user(email="co-owner@example.org")
    other_client(invited).post(link_in(outbox[0]))

    assert _representative(association, invited).rights == "owner"


def test_tampered_link_is_400(association, owner_client, outbox, make_user, other_client):
    """A link whose token was changed is refused with 400."""
    _invite(owner_client, association)
    invited_client = other_client(make_user(email="new@example.org"))
    link = link_in(outbox[0])
    token = link.rsplit("/", 1)[-1]
    tampered = link[: -len(token)] + token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    assert invited_client.get(tampered).status_code == 400
    assert invited_client.post(tampered).status_code == 400
    assert invited_client.get(link[: -len(token)] + "garbage").status_code == 400
    assert count(Representative) == 1


def test_anonymous_following_the_link_is_sent_to_log_in(app, association, owner_client, outbox):
    """Following the link without being logged in leads to the login page."""
    _invite(owner_client, association)
    response = app.test_client().get(link_in(outbox[0]))

    assert response.status_code in (302, 303)
    assert "/account/login" in response.headers["Location"]


def test_editor_cannot_invite_or_remove(association, owner, outbox, make_user, other_client):
    """An editor gets 403 when inviting or removing; nothing changes."""
    editor = make_user()
    _add_editor(association, editor)
    editor_client = other_client(editor)
    owner_rep = _representative(association, owner)

    assert editor_client.get(f"/associations/{association.id}/people").status_code == 200
    assert _invite(editor_client, association).status_code == 403
    assert editor_client.post(
        f"/associations/{association.id}/people/{owner_rep.id}/remove").status_code == 403
    assert outbox == [] and count(Invitation) == 0
    assert count(Representative) == 2


def test_editor_cannot_revoke_an_invitation(association, owner_client, make_user, other_client):
    """An editor gets 403 when withdrawing an invitation."""
    _invite(owner_client, association)
    editor = make_user()
    _add_editor(association, editor)
    invitation = db.session.scalars(select(Invitation)).one()

    response = other_client(editor).post(f"/associations/{association.id}/invitations/{invitation.id}/revoke")
    assert response.status_code == 403
    assert invitation.is_open


def test_owner_removes_an_editor(association, owner, owner_client, make_user):
    """The owner removes an editor; the removal is audited and the editor loses access."""
    editor = make_user(display_name="Eva Editor")
    representative = _add_editor(association, editor)

    response = owner_client.post(f"/associations/{association.id}/people/{representative.id}/remove")

    assert response.status_code == 303
    assert _representative(association, editor) is None
    [event] = audit_events("representative.removed")
    assert (event.actor_id, event.before["user"]) == (owner.id, editor.email)
    assert any("Eva Editor" in text for text in Page(owner_client.get(response.headers["Location"])).flashes())


def test_last_owner_cannot_be_removed(association, owner, owner_client):
    """Removing the only owner is refused with a message; the owner stays."""
    representative = _representative(association, owner)

    response = owner_client.post(f"/associations/{association.id}/people/{representative.id}/remove")

    assert response.status_code == 303
    page = Page(owner_client.get(response.headers["Location"]))
    assert any("at least one owner" in text for text in page.flashes())
    assert _representative(association, owner) is not None
    assert audit_events("representative.removed") == []


def test_representative_of_another_association_cannot_be_removed_here(association, owner_client, factories,
                                                                       make_user):
    """A representative id of another association under this association's URL is 404."""
    other_owner = make_user()
    other = factories.association(owner=other_owner)
    foreign = _representative(other, other_owner)

    assert owner_client.post(f"/associations/{association.id}/people/{foreign.id}/remove").status_code == 404
    assert _representative(other, other_owner) is not None


def test_revoked_invitation_link_is_400(association, owner_client, outbox, make_user, other_client):
    """After the owner withdraws an invitation its link no longer works."""
    _invite(owner_client, association)
    invitation = db.session.scalars(select(Invitation)).one()

    response = owner_client.post(f"/associations/{association.id}/invitations/{invitation.id}/revoke")
    assert response.status_code == 303
    assert invitation.revoked_at is not None
    assert audit_events("representative.invitation_revoked")

    invited = make_user(email="new@example.org")
    invited_client = other_client(invited)
    assert invited_client.get(link_in(outbox[0])).status_code == 400
    assert invited_client.post(link_in(outbox[0])).status_code == 400
    assert _representative(association, invited) is None
    assert owner_client.post(
        f"/associations/{association.id}/invitations/{invitation.id}/revoke").status_code == 404
