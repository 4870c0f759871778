"""The public profile: shown only with consent, and never with board members or documents."""

import pytest

from tests.associations.helpers import PNG, Page, audit_events, upload
from tests.pages import page_apart_from

BOARD_MEMBER = "Anna Berg"
DOCUMENT_NAME = "hemmelige-vedtaegter.png"
NOT_PUBLIC = "This profile is not public"


@pytest.fixture
def association(factories, owner, owner_client):
    """A complete Danish association with a distinctive document uploaded by the owner."""
    association = factories.association(owner=owner, complete=True, name="Boldklubben Nord")
    assert upload(owner_client, association.id, PNG, DOCUMENT_NAME, kind="other").status_code == 303
    return association


def _consent(test_client, association, public: bool):
    return test_client.post(f"/associations/{association.id}/consent",
                            data={"public_profile": "y"} if public else {})


def _submit(test_client, association) -> None:
    assert test_client.post(f"/associations/{association.id}/submit").status_code == 303


def _listed(test_client, **query) -> list[str]:
    page = Page(test_client.get("/directory", query_string=query))
    return [node.text for node in page.find_all("a") if "/directory/" in node.attrs.get("href", "")]


def test_profile_without_consent_is_hidden(app, association, make_user, other_client):
    """Without consent the profile is 404 for visitors and for other users, and not listed."""
    url = f"/directory/{association.id}"

    assert app.test_client().get(url).status_code == 404
    assert other_client(make_user()).get(url).status_code == 404
    assert "Boldklubben Nord" not in _listed(app.test_client())


def test_representative_sees_own_profile_with_notice(association, owner_client):
    """The association's own representative can preview the profile, marked as not public."""
    response = owner_client.get(f"/directory/{association.id}")

    assert response.status_code == 200
    page = Page(response)
    assert any(NOT_PUBLIC in text for text in page.flashes())
    assert "Boldklubben Nord" in page.text


def test_consent_publishes_the_profile_without_private_data(app, association, owner, owner_client):
    """After the owner's consent anyone sees the submitted association's profile, without board members or
    documents."""
    assert BOARD_MEMBER in Page(owner_client.get(f"/associations/{association.id}/review")).text
    assert DOCUMENT_NAME in Page(owner_client.get(f"/associations/{association.id}/documents")).text
    _submit(owner_client, association)

    response = _consent(owner_client, association, True)

    assert response.status_code == 303
    assert association.public_profile is True and association.public_profile_changed_at is not None
    [event] = audit_events("association.public_profile_changed")
    assert (event.actor_id, event.after) == (owner.id, {"public_profile": True})
    visitor = app.test_client()
    profile = visitor.get(f"/directory/{association.id}")
    assert profile.status_code == 200
    html = profile.get_data(as_text=True)
    page = Page(profile)
    assert "Boldklubben Nord" in page.text
    assert "Fællesskab gennem idræt" in page.text
    assert NOT_PUBLIC not in page.text
    for private in (BOARD_MEMBER, DOCUMENT_NAME, "statutes.pdf", "minutes.pdf", "accounts.pdf",
                    f"/associations/{association.id}/documents"):
        assert private not in html
    assert "Boldklubben Nord" in _listed(visitor)
    assert "Boldklubben Nord" in _listed(visitor, country="DK", q="nord")
    assert "Boldklubben Nord" not in _listed(visitor, country="SE")


def test_withdrawing_consent_hides_the_profile_again(app, association, owner_client):
    """Unticking the consent box hides the profile and removes it from the directory."""
    _submit(owner_client, association)
    _consent(owner_client, association, True)
    assert app.test_client().get(f"/directory/{association.id}").status_code == 200

    response = _consent(owner_client, association, False)

    assert response.status_code == 303
    assert association.public_profile is False
    assert app.test_client().get(f"/directory/{association.id}").status_code == 404
    assert "Boldklubben Nord" not in _listed(app.test_client())
    assert len(audit_events("association.public_profile_changed")) == 2


def test_draft_with_consent_stays_private_until_submitted(app, association, owner_client, make_user, other_client):
    """Consent alone publishes nothing: a draft is neither listed nor at its profile URL, which answers exactly as an
    id that does not exist; its representative's preview says so. Once submitted, the profile is public."""
    url = f"/directory/{association.id}"
    assert _consent(owner_client, association, True).status_code == 303
    assert association.public_profile is True and association.status == "draft"

    for test_client in (app.test_client(), other_client(make_user())):
        hidden, missing = test_client.get(url), test_client.get("/directory/424242")
        assert (hidden.status_code, missing.status_code) == (404, 404)
        assert page_apart_from(hidden, url) == page_apart_from(missing, "/directory/424242")
        assert "Boldklubben Nord" not in _listed(test_client)
        assert "Boldklubben Nord" not in _listed(test_client, country="DK", q="nord")
    preview = owner_client.get(url)
    assert preview.status_code == 200 and any(NOT_PUBLIC in text for text in Page(preview).flashes())
    assert "once the association has been submitted" in Page(
        owner_client.get(f"/associations/{association.id}/review")).text

    _submit(owner_client, association)

    visitor = app.test_client()
    assert visitor.get(url).status_code == 200 and NOT_PUBLIC not in Page(visitor.get(url)).text
    assert "Boldklubben Nord" in _listed(visitor)
    assert NOT_PUBLIC not in Page(owner_client.get(url)).text


def test_editor_cannot_change_consent(association, make_user, other_client):
    """An editor gets 403 when trying to publish the profile."""
    from registry.associations.models import Representative
    from registry.extensions import db

    editor = make_user()
    db.session.add(Representative(association_id=association.id, user_id=editor.id, rights="editor"))
    db.session.commit()

    assert _consent(other_client(editor), association, True).status_code == 403
    assert association.public_profile is False


def test_unknown_profile_is_404(app):
    """A profile id that does not exist is 404."""
    assert app.test_client().get("/directory/424242").status_code == 404
