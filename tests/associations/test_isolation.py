"""One association's representatives never reach another association's private pages."""

import io

import pytest
from sqlalchemy import select

from registry.associations.models import Association, Document, Invitation, Representative
from registry.associations.services import submission
from registry.extensions import db
from tests.associations.helpers import (
    PDF,
    Page,
    audit_events,
    count,
    governance_data,
    identity_data,
    purpose_data,
    roles_data,
)

SECRET_BOARD_MEMBER = "Zenobia Quistgaard"


@pytest.fixture
def setting(factories, make_user, owner, owner_client, other_client):
    """User A owns association A (complete, with a distinctive board member); user B owns association B."""
    from registry.associations.services import profile

    association_a = factories.association(owner=owner, complete=True, name="Forening A")
    profile.save_governance(owner, association_a, profile.Governance(
        board=[profile.BoardRow(SECRET_BOARD_MEMBER, "chair", None)], member_count=10, paying_member_count=5,
        volunteer_count=2, founded_year=1999, assembly_elects_board=True, open_to_all=True, non_commercial=True))
    invitation = Invitation(association_id=association_a.id, email="helper@example.org", rights="editor",
                            invited_by_id=owner.id)
    db.session.add(invitation)
    db.session.commit()
    user_b = make_user(display_name="Bent B")
    association_b = factories.association(owner=user_b, name="Forening B")
    return {
        "a": association_a, "b": association_b, "user_b": user_b, "client_a": owner_client,
        "client_b": other_client(user_b),
        "document": db.session.scalars(select(Document).where(Document.association_id == association_a.id)).first(),
        "owner_rep": db.session.scalars(select(Representative).where(
            Representative.association_id == association_a.id)).one(),
        "invitation": invitation,
    }


PRIVATE_URLS = [
    ("GET", "/associations/{a}", None),
    ("GET", "/associations/{a}/step/identity", None),
    ("POST", "/associations/{a}/step/identity", identity_data),
    ("GET", "/associations/{a}/step/purpose", None),
    ("POST", "/associations/{a}/step/purpose", purpose_data),
    ("GET", "/associations/{a}/step/governance", None),
    ("POST", "/associations/{a}/step/governance", governance_data),
    ("GET", "/associations/{a}/step/roles", None),
    ("POST", "/associations/{a}/step/roles", roles_data),
    ("GET", "/associations/{a}/documents", None),
    ("POST", "/associations/{a}/documents", "upload"),
    ("GET", "/associations/{a}/documents/{document}", None),
    ("POST", "/associations/{a}/documents/{document}/delete", None),
    ("GET", "/associations/{a}/declarations", None),
    ("POST", "/associations/{a}/declarations/democracy", "declaration"),
    ("POST", "/associations/{a}/declarations/child_certificates", "declaration"),
    ("GET", "/associations/{a}/review", None),
    ("POST", "/associations/{a}/submit", None),
    ("POST", "/associations/{a}/consent", {"public_profile": "y"}),
    ("GET", "/associations/{a}/people", None),
    ("POST", "/associations/{a}/people/invite", {"email": "b-friend@example.org", "rights": "owner"}),
    ("POST", "/associations/{a}/people/{owner_rep}/remove", None),
    ("POST", "/associations/{a}/invitations/{invitation}/revoke", None),
]


#: A document of another association answers as one that does not exist (document ids are sequential).
HIDDEN = {"/associations/{a}/documents/{document}", "/associations/{a}/documents/{document}/delete"}


def _payload(kind, url: str) -> tuple[dict | None, str | None]:
    if kind == "upload":
        return {"kind": "statutes", "file": (io.BytesIO(PDF), "b.pdf")}, "multipart/form-data"
    if kind == "declaration":
        name = url.rsplit("/", 1)[-1]
        return {f"{name}-confirm": "y", f"{name}-signer_name": "Bent B", f"{name}-signer_role": "Formand"}, None
    if callable(kind):
        return kind(), None
    return kind, None


@pytest.mark.parametrize(("method", "template", "payload"), PRIVATE_URLS,
                         ids=[f"{m} {t.replace('/associations/{a}', '') or '/'}" for m, t, _ in PRIVATE_URLS])
def test_other_owner_is_forbidden(setting, method, template, payload):
    """User B gets 403 (404 for A's documents) on every private URL of A's association, and changes nothing."""
    a = setting["a"]
    url = template.format(a=a.id, document=setting["document"].id, owner_rep=setting["owner_rep"].id,
                          invitation=setting["invitation"].id)
    data, content_type = _payload(payload, url)
    documents_before = count(Document, Document.association_id == a.id)
    events_before = len(audit_events())

    response = setting["client_b"].open(url, method=method, data=data, content_type=content_type)

    assert response.status_code == (404 if template in HIDDEN else 403)
    assert SECRET_BOARD_MEMBER.encode() not in response.data
    assert PDF not in response.data
    assert len(audit_events()) == events_before
    db.session.expire_all()
    association = db.session.get(Association, a.id)
    assert (association.status, association.public_profile, association.name) == ("draft", False, "Forening A")
    assert [m.name for m in association.board_members] == [SECRET_BOARD_MEMBER]
    assert count(Document, Document.association_id == a.id) == documents_before
    assert count(Representative, Representative.association_id == a.id) == 1
    assert setting["invitation"].is_open


@pytest.mark.parametrize(("method", "template", "payload"), PRIVATE_URLS[:9] + PRIVATE_URLS[16:18],
                         ids=[t for _m, t, _p in PRIVATE_URLS[:9] + PRIVATE_URLS[16:18]])
def test_owner_reaches_the_same_urls(setting, method, template, payload):
    """The same URLs answer A's owner (so the 403s above are about who asks, not about the URL)."""
    url = template.format(a=setting["a"].id)
    data, content_type = _payload(payload, url)

    response = setting["client_a"].open(url, method=method, data=data, content_type=content_type)

    assert response.status_code in (200, 303)


def test_other_users_pages_never_show_the_board_member(setting):
    """None of B's pages, nor the public pages B sees, contain A's board member's name."""
    a, b = setting["a"], setting["b"]
    submission.set_public_profile(setting["owner_rep"].user, a, True)
    submission.submit_association(setting["owner_rep"].user, a)  # a draft's profile is not public at all
    assert SECRET_BOARD_MEMBER in Page(setting["client_a"].get(f"/associations/{a.id}/review")).text

    urls = ["/", "/associations/", f"/associations/{b.id}", f"/associations/{b.id}/review",
            f"/associations/{b.id}/people", f"/associations/{b.id}/documents",
            f"/associations/{b.id}/declarations", "/directory", f"/directory/{a.id}", f"/directory/{b.id}",
            *(f"/associations/{b.id}/step/{step}" for step in ("identity", "purpose", "governance", "roles"))]
    for url in urls:
        response = setting["client_b"].get(url)
        assert response.status_code == 200, url
        assert SECRET_BOARD_MEMBER not in response.get_data(as_text=True), url


def test_my_associations_lists_only_ones_own(setting):
    """The "my associations" page of B lists B's association and not A's."""
    page = Page(setting["client_b"].get("/associations/"))

    assert "Forening B" in page.text
    assert "Forening A" not in page.text


def test_missing_association_is_404(setting):
    """An association id that does not exist is 404, not 403 or 500."""
    assert setting["client_b"].get("/associations/99999").status_code == 404
    assert setting["client_b"].get("/associations/99999/step/identity").status_code == 404
