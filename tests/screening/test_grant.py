"""A Danish association meeting § 4 stk. 3 is granted; a § 44 a case asks only the democracy items."""

from datetime import date

from registry.associations.services.files import documents_of
from registry.extensions import db
from registry.screening.models import Decision, ScreeningCase
from tests.screening.helpers import (
    assessment,
    field_error,
    flashes,
    follow,
    form_fields,
    item_indexes,
    link_in,
    mails_to,
    only_case,
    screenable,
    text_of,
    textarea,
)


def _open(client, association, basis="dk_fol_stk3", **applies):
    data = {"screening-legal_basis": basis, **{f"screening-applies_{key}": "y" for key in applies}}
    return client.post(f"/staff/screening/associations/{association.id}/open", data=data)


def test_granted_walk_through_the_views(app, factories, client_for, officer, owner, outbox):
    """Open on § 4 stk. 3 for a grant, check the pre-fill, assess all met, decide: final, notified, readable."""
    association = screenable(factories, owner, name="Boldklubben Nord")
    statutes = next(d for d in documents_of(association) if d.kind == "statutes")
    staff = client_for(officer)

    response = _open(staff, association, grant=True)
    case = only_case()
    assert response.status_code == 303 and response.location.endswith(f"/staff/screening/{case.id}")
    assert (case.legal_basis, case.applies_grant, case.applies_premises, case.status) == (
        "dk_fol_stk3", True, False, "open")

    members = case.answer_for("fol4_paying_members_stk3")
    assert members.answer == "met" and "30" in members.note
    child = case.answer_for("fol4_child_certificate_declaration")
    assert child.answer == "met" and "Anna Berg" in child.note
    purpose = case.answer_for("fol4_purpose_in_statutes")
    assert (purpose.evidence_type, purpose.evidence_document_id) == ("document", statutes.id)

    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    fields = form_fields(page, f"/staff/screening/{case.id}")
    index = item_indexes(fields)
    assert fields[f"answers-{index['fol4_paying_members_stk3']}-answer"] == "met"
    assert "30" in fields[f"answers-{index['fol4_paying_members_stk3']}-note"]
    assert fields[f"answers-{index['fol4_purpose_in_statutes']}-evidence_document_id"] == str(statutes.id)
    assert fields[f"answers-{index['fol4_child_certificate_declaration']}-answer"] == "met"

    response = staff.post(f"/staff/screening/{case.id}", data=assessment(page, case))
    assert "The assessments have been saved." in flashes(follow(staff, response), "success")
    assert {answer.item_key: answer.answer for answer in case.answers} == {
        item["key"]: "met" for item in case.items}

    response = staff.post(f"/staff/screening/{case.id}/decision", data={"decision-grant_outcome": "eligible"})
    page = follow(staff, response)
    assert "The decision is made and the association has been notified." in flashes(page, "success")
    decision = db.session.scalars(db.select(Decision).where(Decision.case_id == case.id)).one()
    assert (decision.status, decision.grant_outcome, decision.premises_outcome) == ("final", "eligible", None)
    assert decision.approved_by_id is None and case.status == "decided"
    assert 365 <= (decision.valid_until - date.today()).days <= 366
    assert decision.letter_locale == "da"

    mails = mails_to(outbox, owner.email)
    assert len(mails) == 1 and "Boldklubben Nord" in mails[0]["Subject"]
    link = link_in(mails[0])
    assert link.endswith(f"/associations/{association.id}/decisions/{decision.id}")

    representative = client_for(owner)
    letter = representative.get(f"/associations/{association.id}/decisions/{decision.id}")
    assert letter.status_code == 200
    assert "Boldklubben Nord" in text_of(letter.get_data(as_text=True)) and case.number in letter.get_data(as_text=True)
    pdf = representative.get(f"/associations/{association.id}/decisions/{decision.id}.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    overview = representative.get(f"/associations/{association.id}/screenings").get_data(as_text=True)
    assert f"/associations/{association.id}/decisions/{decision.id}" in overview


def test_democracy_item_met_needs_evidence(app, factories, client_for, officer):
    """Saving a democracy item "met" without evidence puts the error next to its evidence field, note kept."""
    association = screenable(factories)
    staff = client_for(officer)
    _open(staff, association, grant=True)
    case = only_case()
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    index = item_indexes(form_fields(page, f"/staff/screening/{case.id}"))["democracy_purpose"]
    typed = "Formålet er i orden efter vores gennemgang – æøå."
    data = assessment(page, case, democracy_purpose={"evidence_type": "none", "note": typed})

    response = staff.post(f"/staff/screening/{case.id}", data=data)

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert field_error(page, f"answers-{index}-evidence_type").startswith("This assessment needs evidence")
    assert textarea(page, f"answers-{index}-note") == typed
    assert case.answer_for("democracy_purpose").answer is None  # nothing was saved
    assert case.answer_for("fol4_offers_folkeoplysende_activity") is None


def test_democracy_item_met_needs_a_note(app, factories, client_for, officer):
    """Evidence without reasons is refused too: the error sits on the note."""
    association = screenable(factories)
    staff = client_for(officer)
    _open(staff, association, grant=True)
    case = only_case()
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    index = item_indexes(form_fields(page, f"/staff/screening/{case.id}"))["democracy_conduct"]

    response = staff.post(f"/staff/screening/{case.id}", data=assessment(page, case, democracy_conduct={"note": ""}))

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert field_error(page, f"answers-{index}-note") == "Give the reasons for the assessment."
    assert case.answer_for("democracy_conduct") is None  # nothing was saved


def test_section_44a_case_asks_only_the_democracy_items(app, factories, client_for, officer):
    """On § 44 a the case's items, answers and form are the two democracy items, no § 4 criteria."""
    association = screenable(factories)
    staff = client_for(officer)

    response = _open(staff, association, basis="dk_44a", grant=True, premises=True)

    case = only_case()
    assert response.status_code == 303 and case.legal_basis == "dk_44a"
    assert [item["key"] for item in case.items] == ["democracy_purpose", "democracy_conduct"]
    assert {answer.item_key for answer in case.answers} <= {"democracy_purpose", "democracy_conduct"}
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    assert sorted(item_indexes(form_fields(page, f"/staff/screening/{case.id}"))) == [
        "democracy_conduct", "democracy_purpose"]
    assert "fol4_" not in page
    response = staff.post(f"/staff/screening/{case.id}", data=assessment(page, case))
    assert response.status_code == 303
    response = staff.post(f"/staff/screening/{case.id}/decision", data={
        "decision-grant_outcome": "eligible", "decision-premises_outcome": "eligible"})
    assert response.status_code == 303
    assert db.session.get(ScreeningCase, case.id).status == "decided"
