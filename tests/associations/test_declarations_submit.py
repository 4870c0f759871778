"""Step 6 (declarations) and step 7 (review and submit)."""

import pytest
from sqlalchemy import select

from registry.associations.declarations import CHILD_CERTIFICATES, DEMOCRACY
from registry.associations.models import Declaration, Representative
from registry.extensions import db
from tests.associations.helpers import Page, audit_events, count

DEMOCRACY_TITLE = "Declaration on democracy and fundamental rights"
CHILD_TITLE = "Declaration on child-protection certificates (børneattest)"


def _declaration_forms(page: Page) -> list[str]:
    return [form.attrs.get("action", "").rsplit("/", 1)[-1] for form in page.find_all("form")
            if "/declarations/" in form.attrs.get("action", "")]


def _declare(test_client, association, kind: str, confirm: bool = True, name: str = "Karin Holm",
             role: str = "Formand"):
    data = {f"{kind}-signer_name": name, f"{kind}-signer_role": role}
    if confirm:
        data[f"{kind}-confirm"] = "y"
    return test_client.post(f"/associations/{association.id}/declarations/{kind}", data=data)


# -- which declarations ----------------------------------------------------------------------------


def test_danish_association_is_asked_for_both(factories, owner, owner_client):
    """A Danish association sees the child-certificate and the democracy declaration."""
    association = factories.association(owner=owner, country="DK")
    page = Page(owner_client.get(f"/associations/{association.id}/declarations"))

    assert sorted(_declaration_forms(page)) == ["child_certificates", "democracy"]
    assert CHILD_CERTIFICATES.text("DK", "en") in page.text
    assert DEMOCRACY.text("DK", "en") in page.text


def test_swedish_association_is_asked_for_democracy_only(factories, owner, owner_client):
    """A Swedish association sees only the democracy declaration; posting the other is 404."""
    association = factories.association(owner=owner, country="SE")
    page = Page(owner_client.get(f"/associations/{association.id}/declarations"))

    assert _declaration_forms(page) == ["democracy"]
    assert CHILD_TITLE not in page.text
    assert DEMOCRACY.text("SE", "en") in page.text
    assert _declare(owner_client, association, "child_certificates").status_code == 404
    assert count(Declaration) == 0


def test_unknown_declaration_kind_is_404(factories, owner, owner_client):
    """A declaration kind that does not exist is 404."""
    association = factories.association(owner=owner)
    assert _declare(owner_client, association, "loyalty").status_code == 404


# -- giving one ------------------------------------------------------------------------------------


def test_declaration_without_confirm_is_refused_and_keeps_name(factories, owner, owner_client):
    """Without ticking the box the declaration is refused, the typed name stays, nothing is stored."""
    association = factories.association(owner=owner)
    response = _declare(owner_client, association, "democracy", confirm=False, name="Karin Holm")

    assert response.status_code == 200
    page = Page(response)
    assert "Tick the box" in page.error_for("democracy-confirm")
    assert page.value("democracy-signer_name") == "Karin Holm"
    assert page.value("democracy-signer_role") == "Formand"
    assert count(Declaration) == 0


def test_declaration_without_name_is_refused(factories, owner, owner_client):
    """The signer's name is required."""
    association = factories.association(owner=owner)
    response = _declare(owner_client, association, "democracy", name=" ")

    assert response.status_code == 200
    assert Page(response).error_for("democracy-signer_name")
    assert count(Declaration) == 0


@pytest.mark.parametrize(("country", "kind", "text", "locale"), [
    ("DK", "child_certificates", CHILD_CERTIFICATES, "en"),
    ("DK", "democracy", DEMOCRACY, "da"),
    ("SE", "democracy", DEMOCRACY, "sv"),
])
def test_valid_declaration_is_recorded_with_its_exact_text(factories, make_user, login, country, kind, text,
                                                           locale):
    """A valid declaration stores signer, giver, text version, locale and the exact text shown."""
    owner = make_user(locale=locale)
    association = factories.association(owner=owner, country=country)
    owner_client = login(owner)
    title = {"child_certificates": CHILD_TITLE, "democracy": DEMOCRACY_TITLE}[kind] if locale == "en" else None

    if title:
        assert title in Page(owner_client.get(f"/associations/{association.id}/review")).list_items("missing-list")
    response = _declare(owner_client, association, kind, name="Karin Holm", role="Kasserer")

    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/associations/{association.id}/declarations")
    declaration = db.session.scalars(select(Declaration)).one()
    assert (declaration.association_id, declaration.kind, declaration.signer_name, declaration.signer_role) == (
        association.id, kind, "Karin Holm", "Kasserer")
    assert declaration.given_by_id == owner.id
    assert declaration.text_version == text.version
    assert declaration.locale == locale
    assert declaration.text == text.text(country, locale)
    assert declaration.given_at is not None
    [event] = audit_events("declaration.given")
    assert event.after["signer"] == "Karin Holm"
    page = Page(owner_client.get(f"/associations/{association.id}/declarations"))
    assert kind not in _declaration_forms(page)
    if title:
        assert title not in Page(owner_client.get(f"/associations/{association.id}/review")).list_items(
            "missing-list")


def test_review_no_longer_lists_a_given_declaration(factories, owner, owner_client):
    """After the democracy declaration the review lists only the child-certificate one as missing."""
    association = factories.association(owner=owner)
    review_url = f"/associations/{association.id}/review"
    before = Page(owner_client.get(review_url)).list_items("missing-list")
    assert DEMOCRACY_TITLE in before and CHILD_TITLE in before

    _declare(owner_client, association, "democracy")

    after = Page(owner_client.get(review_url)).list_items("missing-list")
    assert DEMOCRACY_TITLE not in after and CHILD_TITLE in after


# -- review and submit -----------------------------------------------------------------------------


def test_review_lists_what_is_missing(factories, owner, owner_client):
    """An incomplete profile lists the missing documents and declarations and disables submitting."""
    association = factories.association(owner=owner)
    page = Page(owner_client.get(f"/associations/{association.id}/review"))

    missing = page.list_items("missing-list")
    assert missing == ["Statutes", "Minutes of the last general assembly", "Latest annual accounts",
                       CHILD_TITLE, DEMOCRACY_TITLE]
    [button] = [b for b in page.find_all("button") if "Submit" in b.text]
    assert "disabled" in button.attrs


def test_review_lists_profile_gaps_of_a_new_association(owner, owner_client):
    """A new association also lacks identity, purpose, governance and roles."""
    response = owner_client.post("/associations/new", data={"name": "Ny Forening", "country": "SE"})
    review = Page(owner_client.get(response.headers["Location"].replace("/step/identity", "/review")))

    assert review.list_items("missing-list")[:4] == [
        "Home municipality and contact details", "Purpose and activities", "Board and governance",
        "Roles, motivations and forms of collaboration"]


def test_submit_is_refused_while_something_is_missing(factories, owner, owner_client):
    """Submitting an incomplete profile is refused with a message; the status stays draft."""
    association = factories.association(owner=owner)
    response = owner_client.post(f"/associations/{association.id}/submit")

    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/associations/{association.id}/review")
    page = Page(owner_client.get(response.headers["Location"]))
    assert any("still missing" in text for text in page.flashes())
    assert (association.status, association.submitted_at) == ("draft", None)
    assert audit_events("association.submitted") == []


def test_complete_profile_is_submitted(factories, owner, owner_client):
    """A complete profile is submitted: status, time and an audit event."""
    association = factories.association(owner=owner, complete=True)
    response = owner_client.post(f"/associations/{association.id}/submit")

    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/associations/{association.id}")
    assert association.status == "submitted"
    assert association.submitted_at is not None
    [event] = audit_events("association.submitted")
    assert (event.actor_id, event.association_id) == (owner.id, association.id)
    assert any("Aarhus" in text for text in Page(owner_client.get(response.headers["Location"])).flashes())


def test_second_submission_is_a_resubmission(factories, owner, owner_client):
    """Submitting again records a resubmission, not a second first submission."""
    association = factories.association(owner=owner, complete=True)
    owner_client.post(f"/associations/{association.id}/submit")
    owner_client.post(f"/associations/{association.id}/submit")

    assert len(audit_events("association.submitted")) == 1
    assert len(audit_events("association.resubmitted")) == 1


def test_unverified_owner_cannot_submit(factories, make_user, login):
    """An owner whose e-mail address is not confirmed is told to confirm it; nothing is submitted."""
    owner = make_user(verified=False)
    association = factories.association(owner=owner, complete=True)
    owner_client = login(owner)
    response = owner_client.post(f"/associations/{association.id}/submit")

    assert response.status_code == 303
    page = Page(owner_client.get(response.headers["Location"]))
    assert any("Confirm your e-mail address" in text for text in page.flashes())
    assert (association.status, association.submitted_at) == ("draft", None)


def test_editor_cannot_submit(factories, make_user, other_client):
    """An editor of a complete association gets 403 on submit; the status stays draft."""
    association = factories.association(complete=True)
    editor = make_user()
    db.session.add(Representative(association_id=association.id, user_id=editor.id, rights="editor"))
    db.session.commit()
    editor_client = other_client(editor)

    assert editor_client.post(f"/associations/{association.id}/submit").status_code == 403
    assert association.status == "draft"
    review = Page(editor_client.get(f"/associations/{association.id}/review"))
    assert "Only an owner of the association can submit it." in review.text


# -- the børneattest declaration as FOL § 4, stk. 4 reads -------------------------------------------------------

#: Folkeoplysningsloven § 4, stk. 4, 1. pkt., the persons the declaration covers, word for word.
FOL_4_4 = ("personer, der som led i udførelsen af deres opgaver skal have direkte kontakt med børn under 15 år, og "
           "personer, der som led i udførelsen af deres opgaver færdes fast blandt børn under 15 år og derved har "
           "mulighed for at opnå direkte kontakt med disse børn")


def test_the_boerneattest_declaration_quotes_fol_4_4_word_for_word():
    """The Danish text quotes § 4, stk. 4 and says the duty applies even without such persons (2. pkt.)."""
    text = CHILD_CERTIFICATES.text("DK", "da")
    assert FOL_4_4 in text
    assert "ansøgning om tilskud eller anvisning af lokaler" in text
    assert "også selv om foreningen" in text or "også, selv om foreningen" in text
    assert "4 § fjärde stycket i den danska folkbildningslagen (folkeoplysningsloven)" in CHILD_CERTIFICATES.text(
        "DK", "sv")


def test_a_declaration_signed_on_an_older_text_keeps_the_text_it_was_signed_with(factories, owner, owner_client):
    """A new version of the text asks for a new declaration; the old one stays as it was signed."""
    association = factories.association(owner=owner, country="DK")
    _declare(owner_client, association, "child_certificates")
    signed = db.session.scalars(select(Declaration)).one()
    signed.text_version, signed.text = "2026-11", "Den tidligere tekst, som den blev underskrevet."
    db.session.commit()
    page = owner_client.get(f"/associations/{association.id}/declarations").get_data(as_text=True)
    assert "child_certificates" in _declaration_forms(Page(owner_client.get(
        f"/associations/{association.id}/declarations")))
    assert "The text has changed since the declaration was given." in page
    db.session.refresh(signed)
    assert signed.text == "Den tidligere tekst, som den blev underskrevet."


def test_a_declaration_of_an_earlier_application_period_is_asked_for_again(factories, owner, owner_client):
    """§ 4, stk. 4: the declaration belongs to each application; last year's is shown and asked for again."""
    from datetime import UTC, date, datetime

    association = factories.association(owner=owner, country="DK")
    _declare(owner_client, association, "child_certificates")
    signed = db.session.scalars(select(Declaration)).one()
    signed.given_at = datetime(date.today().year - 1, 5, 1, tzinfo=UTC)
    db.session.commit()
    page = owner_client.get(f"/associations/{association.id}/declarations").get_data(as_text=True)
    assert "A declaration counts for one application period." in page
    assert "child_certificates" in _declaration_forms(Page(owner_client.get(
        f"/associations/{association.id}/declarations")))
    assert _declare(owner_client, association, "child_certificates").status_code == 303
    assert count(Declaration) == 2
