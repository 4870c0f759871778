"""Role × resource × action: who may do what with an association, through the real routes."""

import pytest

from registry.associations.services import people
from registry.extensions import db

ACTORS = ("anonymous", "owner", "editor", "other_representative", "home_staff", "other_staff")

# action → (method, url template, actors allowed)
ACTIONS = {
    "overview": ("GET", "/associations/{a}", {"owner", "editor"}),
    "edit_identity": ("GET", "/associations/{a}/step/identity", {"owner", "editor"}),
    "edit_governance": ("GET", "/associations/{a}/step/governance", {"owner", "editor"}),
    "list_documents": ("GET", "/associations/{a}/documents", {"owner", "editor"}),
    "download_document": ("GET", "/associations/{a}/documents/{d}", {"owner", "editor", "home_staff"}),
    "declarations": ("GET", "/associations/{a}/declarations", {"owner", "editor"}),
    "review": ("GET", "/associations/{a}/review", {"owner", "editor"}),
    "people": ("GET", "/associations/{a}/people", {"owner", "editor"}),
    "invite": ("POST", "/associations/{a}/people/invite", {"owner"}),
    "submit": ("POST", "/associations/{a}/submit", {"owner"}),
    "consent": ("POST", "/associations/{a}/consent", {"owner"}),
    "delete_document": ("POST", "/associations/{a}/documents/{d}/delete", {"owner", "editor"}),
}
#: Actions on a document answer 404 to whoever may not use them, as for an id that does not exist: ids are sequential.
HIDDEN = {"download_document", "delete_document"}


@pytest.fixture
def world(app, factories):
    """One submitted Aarhus association with owner and editor, a rival association, and staff in two municipalities."""
    owner = factories.user(email="owner@example.org")
    association = factories.submitted_association(owner=owner, complete=True)
    editor = factories.user(email="editor@example.org")
    with app.test_request_context():  # the invitation mail builds an absolute link
        invitation = people.invite_representative(owner, association, editor.email, "editor", "da")
    people.accept_invitation(editor, invitation)
    other = factories.user(email="other@example.org")
    factories.association(owner=other)
    from registry.associations.services.files import documents_of

    return {
        "association": association, "document": documents_of(association)[0],
        "actors": {"owner": owner, "editor": editor, "other_representative": other,
                   "home_staff": factories.staff(code="751", email="home@aarhus.example"),
                   "other_staff": factories.staff(code="101", email="staff@kk.example")},
    }


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("actor", ACTORS)
def test_matrix(app, world, login, actor, action):
    """Allowed actors get through; others get 403 (404 on hidden actions), anonymous visitors are sent to log in."""
    method, template, allowed = ACTIONS[action]
    client = app.test_client()
    if actor != "anonymous":
        login(world["actors"][actor], test_client=client)
    url = template.format(a=world["association"].id, d=world["document"].id)
    response = client.open(url, method=method, data={})
    if actor in allowed:
        assert response.status_code in (200, 303), (actor, action, response.status_code)
    elif actor == "anonymous":
        assert response.status_code == 302 and "/account/login" in response.location
    else:
        refused = 404 if action in HIDDEN else 403
        assert response.status_code == refused, (actor, action, response.status_code)


@pytest.mark.parametrize("actor", ["home_staff", "other_staff", "other_representative"])
def test_drafts_documents_answer_as_if_missing(app, world, login, actor):
    """Until the association submits, its documents are its own: even its home municipality's staff get the 404 of
    a document id that does not exist, and so does everyone else without the right."""
    association, document = world["association"], world["document"]
    association.status, association.submitted_at = "draft", None
    db.session.commit()
    client = login(world["actors"][actor], test_client=app.test_client())
    draft = client.get(f"/associations/{association.id}/documents/{document.id}")
    missing = client.get(f"/associations/{association.id}/documents/{document.id + 1000}")
    assert (draft.status_code, missing.status_code) == (404, 404)
    assert document.data not in draft.data
    owner = login(world["actors"]["owner"], test_client=app.test_client())
    assert owner.get(f"/associations/{association.id}/documents/{document.id}").status_code == 200
