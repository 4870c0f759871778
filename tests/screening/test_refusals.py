"""Refusals: a blocking item, reasons, the hearing (partshøring) and the second approval (four eyes)."""

import io
from datetime import date, timedelta

from flask_babel import force_locale, gettext
from sqlalchemy import select

from registry.extensions import db
from registry.screening.models import Decision, Hearing
from tests.factories import PDF
from tests.screening.helpers import (
    REASONS,
    assessed_case,
    assessment,
    count,
    decisions_of,
    field_error,
    flashes,
    follow,
    form_fields,
    item_error,
    link_in,
    mails_to,
    screenable,
    text_of,
    textarea,
)

BLOCKING = "This criterion is not met, so the association cannot be found eligible."


def test_missing_child_certificate_declaration_is_refused(app, factories, client_for, officer, colleague, owner,
                                                          outbox):
    """No børneattest declaration: eligible is refused; a reasoned refusal without a hearing needs its reason."""
    association = screenable(factories, owner, child_declaration=False)
    staff = client_for(officer)
    case = assessed_case(staff, association, fol4_child_certificate_declaration={"answer": "not_met"})
    # The pre-fill had already said "not met"; the officer kept it.
    assert case.answer_for("fol4_child_certificate_declaration").answer == "not_met"
    assert case.answer_for("fol4_child_certificate_declaration").note == "The declaration has not been given."
    decide = f"/staff/screening/{case.id}/decision"

    response = staff.post(decide, data={"decision-grant_outcome": "eligible"})
    assert response.status_code == 200
    assert item_error(response.get_data(as_text=True), case, "fol4_child_certificate_declaration") == BLOCKING

    for missing, message in (("decision-rules_applied", "Name the rules applied."),
                             ("decision-considerations", "State the main considerations."),
                             ("decision-facts", "Describe the facts the decision relies on.")):
        typed = {name: text for name, text in REASONS.items() if name != missing}
        response = staff.post(decide, data={"decision-grant_outcome": "not_eligible", **typed})
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert field_error(page, missing) == message
        for name, text in typed.items():
            assert textarea(page, name) == text

    response = staff.post(decide, data={"decision-grant_outcome": "not_eligible", **REASONS})
    assert field_error(response.get_data(as_text=True), "decision-hearing_not_needed_because").startswith(
        "Send a hearing first")
    assert count(Decision) == 0

    response = staff.post(decide, data={
        "decision-grant_outcome": "not_eligible", **REASONS,
        "decision-hearing_not_needed_because": "The association has not given the declaration itself."})
    assert "The decision awaits approval by a second staff member." in flashes(follow(staff, response), "success")
    (decision,) = decisions_of(case)
    assert (decision.status, decision.grant_outcome, case.status) == ("proposed", "not_eligible", "proposed")
    assert decision.hearing_not_needed_because == "The association has not given the declaration itself."
    assert mails_to(outbox, owner.email) == []  # nothing is sent before the approval

    second = client_for(colleague)
    assert association.name in second.get("/staff/").get_data(as_text=True)  # awaiting their approval
    response = second.post(f"/staff/screening/decisions/{decision.id}/approve")
    assert "The decision is approved and the association has been notified." in flashes(
        follow(second, response), "success")
    (decision,) = decisions_of(case)
    assert (decision.status, decision.approved_by_id, case.status) == ("final", colleague.id, "decided")
    assert decision.valid_until is not None
    assert len(mails_to(outbox, owner.email)) == 1


def test_democracy_refusal_with_hearing_return_and_second_approval(app, factories, client_for, officer, colleague,
                                                                   outsider, owner, outbox):
    """Hearing answered with a document, refusal sent back once, proposed again and approved by a colleague."""
    association = screenable(factories, owner, name="Foreningen Østerbro")
    staff = client_for(officer)
    case = assessed_case(staff, association, premises=True, democracy_conduct={
        "answer": "not_met", "note": "Opfordringer til vold på foreningens Facebook-side."})
    hearing_url = f"/staff/screening/{case.id}/hearing"
    facts = "Kommunen har set opslag på foreningens Facebook-side den 3. oktober."

    response = staff.post(hearing_url, data={"hearing-facts": facts, "hearing-deadline": date.today().isoformat()})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert field_error(page, "hearing-deadline") == "The deadline must be after today."
    assert textarea(page, "hearing-facts") == facts
    assert count(Hearing) == 0

    deadline = date.today() + timedelta(days=14)
    response = staff.post(hearing_url, data={"hearing-facts": facts, "hearing-deadline": deadline.isoformat()})
    assert "The hearing has been sent to the association." in flashes(follow(staff, response), "success")
    hearing = db.session.scalars(select(Hearing)).one()
    assert (hearing.deadline, hearing.sent_by_id, case.status) == (deadline, officer.id, "hearing")
    (mail,) = mails_to(outbox, owner.email)
    assert link_in(mail).endswith(f"/associations/{association.id}/hearings/{hearing.id}")

    representative = client_for(owner)
    overview = representative.get(f"/associations/{association.id}/screenings").get_data(as_text=True)
    assert "Your answer is requested" in overview
    assert f"/associations/{association.id}/hearings/{hearing.id}" in overview
    hearing_page = f"/associations/{association.id}/hearings/{hearing.id}"
    assert facts in text_of(representative.get(hearing_page).get_data(as_text=True))
    answer = "Opslaget var ikke skrevet af foreningen, og vi har taget afstand fra det."
    response = representative.post(hearing_page, data={"answer": answer, "file": (io.BytesIO(PDF), "svar.pdf")},
                                   content_type="multipart/form-data")
    assert response.status_code == 303 and response.location.endswith(f"/associations/{association.id}/screenings")
    db.session.expire_all()
    assert (hearing.answer, hearing.answered_by_id, case.status) == (answer, owner.id, "open")
    (document,) = hearing.documents
    assert (document.association_id, document.kind, document.filename) == (association.id, "other", "svar.pdf")
    (notice,) = mails_to(outbox, officer.email)
    assert link_in(notice).endswith(f"/staff/screening/{case.id}")
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    assert answer in text_of(page)
    assert f"/associations/{association.id}/documents/{document.id}" in page

    decide = f"/staff/screening/{case.id}/decision"
    response = staff.post(decide, data={"decision-grant_outcome": "not_eligible",
                                        "decision-premises_outcome": "not_eligible", **REASONS})
    assert response.status_code == 303
    (first,) = decisions_of(case)
    assert (first.status, case.status) == ("proposed", "proposed")

    response = staff.post(f"/staff/screening/decisions/{first.id}/approve")
    assert "Another staff member must approve a decision you proposed." in flashes(follow(staff, response), "error")
    (first,) = decisions_of(case)
    assert first.status == "proposed" and first.approved_by_id is None
    assert f"/staff/screening/decisions/{first.id}/approve" not in staff.get(
        f"/staff/screening/{case.id}").get_data(as_text=True)

    for other in ("/letter", "/letter.pdf"):
        assert client_for(outsider).get(f"/staff/screening/decisions/{first.id}{other}").status_code == 403
    intruder = client_for(outsider)
    assert intruder.get(f"/staff/screening/{case.id}").status_code == 403
    assert intruder.post(f"/staff/screening/decisions/{first.id}/approve").status_code == 403
    assert decisions_of(case)[0].status == "proposed"

    second = client_for(colleague)
    response = second.post(f"/staff/screening/decisions/{first.id}/return", data={"review-comment": ""})
    assert response.status_code == 200
    assert field_error(response.get_data(as_text=True), "review-comment") is not None
    comment = "Beskriv også foreningens svar i partshøringen."
    response = second.post(f"/staff/screening/decisions/{first.id}/return", data={"review-comment": comment})
    assert "The decision has been sent back." in flashes(follow(second, response), "success")
    (first,) = decisions_of(case)
    assert (first.status, first.return_comment, case.status) == ("returned", comment, "open")
    assert comment in text_of(staff.get(f"/staff/screening/{case.id}").get_data(as_text=True))

    considerations = REASONS["decision-considerations"] + " Foreningens svar ændrer ikke vurderingen."
    response = staff.post(decide, data={"decision-grant_outcome": "not_eligible",
                                        "decision-premises_outcome": "not_eligible", **REASONS,
                                        "decision-considerations": considerations})
    assert response.status_code == 303
    first, again = decisions_of(case)
    assert (first.status, again.status, case.status) == ("returned", "proposed", "proposed")

    response = second.post(f"/staff/screening/decisions/{again.id}/approve")
    assert response.status_code == 303
    first, again = decisions_of(case)
    assert (again.status, again.approved_by_id, case.status) == ("final", colleague.id, "decided")
    assert first.status == "returned"
    assert len(mails_to(outbox, owner.email)) == 2  # the hearing, then the decision

    letter = text_of(staff.get(f"/staff/screening/decisions/{again.id}/letter").get_data(as_text=True))
    for text in (REASONS["decision-rules_applied"], considerations, REASONS["decision-facts"]):
        assert text in letter
    read = representative.get(f"/associations/{association.id}/decisions/{again.id}")
    assert read.status_code == 200 and considerations in text_of(read.get_data(as_text=True))
    # The returned proposal never reaches the association.
    assert representative.get(f"/associations/{association.id}/decisions/{first.id}").status_code == 403

    intruder = client_for(outsider)
    assert intruder.get(f"/staff/screening/{case.id}").status_code == 403
    assert intruder.get(f"/staff/screening/decisions/{again.id}/letter").status_code == 403
    assert intruder.post(f"/staff/screening/decisions/{again.id}/approve").status_code == 403


def test_a_positive_decision_needs_no_second_approval_even_with_four_eyes(app, factories, client_for, officer):
    """Four eyes apply to refusals only: eligible on grant and premises is final at once."""
    association = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, association, premises=True)

    response = staff.post(f"/staff/screening/{case.id}/decision", data={
        "decision-grant_outcome": "eligible", "decision-premises_outcome": "eligible"})

    assert response.status_code == 303
    (decision,) = decisions_of(case)
    assert (decision.status, decision.approved_by_id) == ("final", None)


def test_outcomes_must_match_what_was_applied_for(app, factories, client_for, officer):
    """A grant-only case refuses a premises outcome, and every item must be assessed before deciding."""
    association = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, association, fol4_home_municipality={"answer": None})
    decide = f"/staff/screening/{case.id}/decision"

    response = staff.post(decide, data={"decision-grant_outcome": "eligible"})
    assert item_error(response.get_data(as_text=True), case, "fol4_home_municipality") == "Not assessed yet."
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    assert "1 item has no assessment yet." in text_of(page)
    data = form_fields(page, f"/staff/screening/{case.id}")
    data.update(assessment(page, case))
    assert staff.post(f"/staff/screening/{case.id}", data=data).status_code == 303

    response = staff.post(decide, data={"decision-grant_outcome": "eligible", "decision-premises_outcome": "eligible"})
    assert field_error(response.get_data(as_text=True), "decision-grant_outcome") == (
        "Give an outcome for each thing applied for, and only for those.")
    assert decisions_of(case) == []


def test_unanswered_hearing_blocks_the_decision_until_its_deadline(app, factories, client_for, officer, colleague):
    """While a hearing awaits its answer no decision is made; once the deadline has passed, the officer decides."""
    association = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, association, democracy_conduct={"answer": "not_met"})
    staff.post(f"/staff/screening/{case.id}/hearing", data={
        "hearing-facts": "Opslag på foreningens hjemmeside.",
        "hearing-deadline": (date.today() + timedelta(days=7)).isoformat()})
    decide = f"/staff/screening/{case.id}/decision"
    refusal = {"decision-grant_outcome": "not_eligible", **REASONS}

    response = staff.post(decide, data=refusal)
    assert response.status_code == 200 and decisions_of(case) == []
    assert f'action="{decide}"' not in staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)

    hearing = db.session.scalars(select(Hearing)).one()
    hearing.deadline = date.today() - timedelta(days=1)  # two weeks later, no answer has come
    db.session.commit()
    assert f'action="{decide}"' in staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    response = staff.post(decide, data=refusal)

    assert response.status_code == 303
    (decision,) = decisions_of(case)
    assert decision.status == "proposed"
    client_for(colleague).post(f"/staff/screening/decisions/{decision.id}/approve")
    letter = text_of(staff.get(f"/staff/screening/decisions/{decision.id}/letter").get_data(as_text=True))
    with force_locale("da"):  # the letter is in the association's language
        assert gettext("No answer was received.") in letter
