"""Optimistic locking of a qualification case: two officers working on the same case at once."""

import pytest
from sqlalchemy import func, select

from registry.audit.models import AuditEvent
from registry.extensions import db
from registry.qualification.models import CaseAnswer, QualificationCase
from tests.staff.helpers import form_fields

B_NOTE = "Bents note: bestyrelsen skal have nyt valg inden sommer"


@pytest.fixture
def two_officers(factories, client_for, checklists):
    """Officers A and B of Aarhus with the same open case loaded in their browsers (lock_version 1)."""
    officer_a = factories.staff(code="751", locale="en", display_name="Anne A")
    officer_b = factories.staff(code="751", locale="en", display_name="Bent B")
    association = factories.submitted_association(name="Fodboldklubben Gellerup", complete=True)
    case = factories.qualification_case(association, officer_a)
    url = f"/staff/qualification/{case.id}"
    client_a, client_b = client_for(officer_a), client_for(officer_b)
    form_a, form_b = (form_fields(client.get(url).text, url) for client in (client_a, client_b))
    assert form_a["lock_version"] == form_b["lock_version"] == "1"
    return {"case": case, "url": url, "a": client_a, "b": client_b, "form_a": form_a, "form_b": form_b}


def _saved_notes(case_id: int) -> list[str]:
    return list(db.session.scalars(select(CaseAnswer.note).where(CaseAnswer.case_id == case_id)))


def test_second_save_on_a_stale_page_is_refused_and_keeps_typed_answers(two_officers):
    """A saves; B's save from the older page gets 409 with B's typed text still there and nothing of B stored."""
    world = two_officers
    form_a = dict(world["form_a"], **{"answers-0-answer": "met", "answers-0-note": "Annes note"})
    assert world["a"].post(world["url"], data=form_a).status_code == 303

    form_b = dict(world["form_b"], **{"answers-0-answer": "not_met", "answers-0-note": B_NOTE,
                                      "answers-1-answer": "partly_met"})
    events_before = db.session.scalar(select(func.count()).select_from(AuditEvent))
    response = world["b"].post(world["url"], data=form_b)
    assert response.status_code == 409
    assert B_NOTE in response.text
    assert "Someone else saved this case while you were working on it." in response.text
    kept = form_fields(response.text, world["url"])
    assert kept["answers-0-note"] == B_NOTE and kept["answers-0-answer"] == "not_met"
    assert kept["answers-1-answer"] == "partly_met"
    assert kept["lock_version"] == "2"  # the page now carries the version A's save made

    case = db.session.get(QualificationCase, world["case"].id)
    db.session.refresh(case)
    assert case.lock_version == 2
    assert B_NOTE not in _saved_notes(case.id) and "Annes note" in _saved_notes(case.id)
    assert case.answer_for(case.template.items[0]["key"]).answer == "met"
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == events_before


def test_resubmitting_with_the_new_lock_version_succeeds(two_officers):
    """After the conflict, B saves again from the returned page (new lock_version) and B's answers are stored."""
    world = two_officers
    assert world["a"].post(world["url"], data=dict(world["form_a"], **{"answers-0-answer": "met"})).status_code == 303
    conflict = world["b"].post(world["url"], data=dict(world["form_b"], **{
        "answers-0-answer": "not_met", "answers-0-note": B_NOTE}))
    assert conflict.status_code == 409

    again = world["b"].post(world["url"], data=form_fields(conflict.text, world["url"]))
    assert again.status_code == 303
    case = db.session.get(QualificationCase, world["case"].id)
    db.session.refresh(case)
    assert case.lock_version == 3
    first = case.answer_for(case.template.items[0]["key"])
    assert (first.answer, first.note) == ("not_met", B_NOTE)


def test_same_lock_version_cannot_be_used_twice(two_officers):
    """Even the same officer cannot save twice from one page load: the second save is stale."""
    world = two_officers
    assert world["a"].post(world["url"], data=world["form_a"]).status_code == 303
    assert world["a"].post(world["url"], data=world["form_a"]).status_code == 409


def test_concluding_on_a_stale_page_is_refused(two_officers, factories):
    """B's conclusion from an older page is refused and the case stays open; concluding from the returned page works."""
    world = two_officers
    case = world["case"]
    answered = dict(world["form_a"])
    for index, _item in enumerate(case.template.items):
        answered[f"answers-{index}-answer"] = "met"
    assert world["a"].post(world["url"], data=answered).status_code == 303
    response = world["b"].post(f"{world['url']}/conclude", data={
        "conclude-lock_version": "1", "conclude-recommendation": "recommended", "conclude-summary": "Godt."})
    assert response.status_code == 200
    assert "Someone else saved this case meanwhile." in response.text
    db.session.refresh(case)
    assert case.status == "open" and case.lock_version == 2
    retry = form_fields(response.text, f"{world['url']}/conclude")
    assert retry["conclude-lock_version"] == "2" and retry["conclude-recommendation"] == "recommended"
    assert world["b"].post(f"{world['url']}/conclude", data=retry).status_code == 303
    db.session.refresh(case)
    assert (case.status, case.recommendation, case.summary) == ("concluded", "recommended", "Godt.")
