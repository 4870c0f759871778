"""Qualification cases through the pages: open, answer with evidence, conclude, lock, reassess."""

import pytest

from registry.associations.services.files import documents_of
from registry.extensions import db
from registry.qualification.models import CaseAnswer, QualificationCase
from registry.staff.models import PartnerStatus
from tests.staff.helpers import case_form, dashboard_counts, form_fields, item_index

BLOCKING = "democracy"


@pytest.fixture
def setup(factories, client_for, checklists):
    """An Aarhus officer (English), an association with documents, and a second association."""
    officer = factories.staff(code="751", locale="en", display_name="Olga Officer")
    return {
        "officer": officer,
        "client": client_for(officer),
        "association": factories.submitted_association(name="Fodboldklubben Gellerup", complete=True),
        "stranger": factories.submitted_association(name="Fremmed Forening", complete=True),
    }


def _open(client, association) -> QualificationCase:
    response = client.post(f"/staff/qualification/associations/{association.id}/open")
    assert response.status_code == 303
    assert response.location.startswith("/staff/qualification/")
    return db.session.get(QualificationCase, int(response.location.rsplit("/", 1)[1]))


def _all(case, answer="met", **overrides) -> dict:
    """Form data answering every item (``key=answer`` for exceptions), each with a note."""
    return case_form(case, **{item["key"]: {"answer": overrides.get(item["key"], answer),
                                            "note": f"Note on {item['key']}"} for item in case.template.items})


def _conclude(client, case, recommendation, summary="Solid partner."):
    return client.post(f"/staff/qualification/{case.id}/conclude", data={
        "conclude-lock_version": str(case.lock_version), "conclude-recommendation": recommendation,
        "conclude-summary": summary})


def _status(association, officer) -> str | None:
    row = db.session.get(PartnerStatus, (association.id, officer.municipality_id))
    return row.status if row else None


def test_opening_a_case_redirects_to_it_and_sets_in_qualification(setup):
    """Opening answers 303 to the case page; the partner status and dashboard move to "in qualification"."""
    client, association = setup["client"], setup["association"]
    assert dashboard_counts(client.get("/staff/").text)["submitted"] == 2
    case = _open(client, association)
    assert (case.status, case.association_id, case.opened_by_id) == ("open", association.id, setup["officer"].id)
    assert case.lock_version == 1
    page = client.get(f"/staff/qualification/{case.id}")
    assert page.status_code == 200 and "Qualification of Fodboldklubben Gellerup" in page.text
    assert _status(association, setup["officer"]) == "in_qualification"
    counts = dashboard_counts(client.get("/staff/").text)
    assert counts["in_qualification"] == 1 and counts["submitted"] == 1


def test_opening_again_continues_the_open_case(setup):
    """A second "open" while a case is open leads to the same case, not a new one."""
    first = _open(setup["client"], setup["association"])
    assert _open(setup["client"], setup["association"]).id == first.id
    assert db.session.query(QualificationCase).count() == 1


def test_saving_answers_with_evidence(setup):
    """All items posted with answers, notes and each kind of evidence are stored and shown again."""
    client, case = setup["client"], _open(setup["client"], setup["association"])
    document = documents_of(setup["association"])[0]
    data = _all(case)
    data.update({
        "answers-0-evidence_type": "document", "answers-0-evidence_document_id": str(document.id),
        "answers-1-evidence_type": "link", "answers-1-evidence_url": "https://forening.example/aarsberetning",
        "answers-2-evidence_type": "observation", "answers-2-evidence_observed_on": "2026-05-04",
        "answers-2-evidence_source": "Besøg til træning i Gellerup",
        f"answers-{item_index(case, BLOCKING)}-answer": "partly_met",
    })
    response = client.post(f"/staff/qualification/{case.id}", data=data)
    assert response.status_code == 303 and response.location == f"/staff/qualification/{case.id}"

    db.session.refresh(case)
    assert case.lock_version == 2
    answers = {answer.item_key: answer for answer in case.answers}
    assert len(answers) == 12
    first, second, third = (answers[item["key"]] for item in case.template.items[:3])
    assert (first.evidence_type, first.evidence_document_id) == ("document", document.id)
    assert (second.evidence_type, second.evidence_url) == ("link", "https://forening.example/aarsberetning")
    assert (third.evidence_type, str(third.evidence_observed_on), third.evidence_source) == (
        "observation", "2026-05-04", "Besøg til træning i Gellerup")
    assert answers[BLOCKING].answer == "partly_met"

    shown = form_fields(client.get(f"/staff/qualification/{case.id}").text, f"/staff/qualification/{case.id}")
    assert shown["lock_version"] == "2"
    assert shown["answers-0-answer"] == "met" and shown["answers-0-note"] == f"Note on {first.item_key}"
    assert shown["answers-0-evidence_document_id"] == str(document.id)
    assert shown["answers-1-evidence_url"] == "https://forening.example/aarsberetning"
    assert shown["answers-2-evidence_observed_on"] == "2026-05-04"


def test_page_posted_back_unchanged_saves(setup):
    """The case form as the page renders it (empty document choice included) can be saved as it is."""
    client, case = setup["client"], _open(setup["client"], setup["association"])
    url = f"/staff/qualification/{case.id}"
    fields = form_fields(client.get(url).text, url)
    assert fields["answers-0-item_key"] == case.template.items[0]["key"]
    fields["answers-0-answer"], fields["answers-0-note"] = "met", "Set from the page"
    response = client.post(url, data=fields)
    assert response.status_code == 303, [line for line in response.text.splitlines() if "error" in line][:3]
    db.session.refresh(case)
    assert case.answer_for(case.template.items[0]["key"]).note == "Set from the page"


def _other_document(setup):
    return documents_of(setup["stranger"])[0].id


@pytest.mark.parametrize(("evidence", "error_field", "message"), [
    ({"evidence_type": "document", "evidence_document_id": _other_document}, "evidence_document_id",
     "Choose one of the association&#39;s documents."),
    ({"evidence_type": "document", "evidence_document_id": ""}, "evidence_document_id",
     "Choose one of the association&#39;s documents."),
    ({"evidence_type": "link", "evidence_url": ""}, "evidence_url", "Type the web address of the evidence."),
    ({"evidence_type": "link", "evidence_url": "forening dot dk"}, "evidence_url",
     "Type a full web address, starting with https://."),
    ({"evidence_type": "observation", "evidence_observed_on": "2026-05-04", "evidence_source": ""},
     "evidence_source", "Give the date of the observation and where it was made."),
    ({"evidence_type": "observation", "evidence_observed_on": "", "evidence_source": "Besøg"},
     "evidence_source", "Give the date of the observation and where it was made."),
])
def test_incomplete_evidence_is_refused_and_typed_notes_kept(setup, evidence, error_field, message):
    """Bad evidence is an error at its field; nothing is saved and every typed note is still on the page."""
    client, case = setup["client"], _open(setup["client"], setup["association"])
    index = item_index(case, "capacity")
    data = _all(case)
    for name, value in evidence.items():
        data[f"answers-{index}-{name}"] = str(value(setup) if callable(value) else value)
    data[f"answers-{index}-note"] = "Min vigtige note, som ikke må gå tabt"
    response = client.post(f"/staff/qualification/{case.id}", data=data)
    assert response.status_code == 200
    assert f'id="answers-{index}-{error_field}-error"' in response.text
    assert message in response.text
    assert "Min vigtige note, som ikke må gå tabt" in response.text
    assert "Note on legitimacy" in response.text
    db.session.refresh(case)
    assert case.lock_version == 1 and case.answers == []


def test_conclusion_requires_every_item_answered(setup):
    """With one item unanswered the case cannot be concluded; it stays open."""
    client, case = setup["client"], _open(setup["client"], setup["association"])
    data = _all(case)
    del data[f"answers-{item_index(case, 'iop_fit')}-answer"]
    assert client.post(f"/staff/qualification/{case.id}", data=data).status_code == 303
    db.session.refresh(case)
    response = _conclude(client, case, "recommended")
    assert response.status_code == 200
    assert "Answer every item before you conclude." in response.text
    db.session.refresh(case)
    assert case.status == "open" and case.recommendation is None
    assert _status(setup["association"], setup["officer"]) == "in_qualification"


@pytest.mark.parametrize("negative", ["not_met", "information_missing"])
def test_blocking_item_prevents_a_positive_recommendation(setup, negative):
    """A blocking item not met (or lacking information) forbids "recommended"; "not recommended" is allowed."""
    client, association = setup["client"], setup["association"]
    case = _open(client, association)
    assert client.post(f"/staff/qualification/{case.id}", data=_all(case, **{BLOCKING: negative})).status_code == 303
    db.session.refresh(case)
    for refused in ("recommended", "recommended_with_conditions"):
        response = _conclude(client, case, refused)
        assert response.status_code == 200, refused
        assert "so the association cannot be recommended" in response.text
        db.session.refresh(case)
        assert case.status == "open"
    response = _conclude(client, case, "not_recommended", "Demokratikravet er ikke opfyldt.")
    assert response.status_code == 303
    db.session.refresh(case)
    assert (case.status, case.recommendation, case.concluded_by_id) == (
        "concluded", "not_recommended", setup["officer"].id)
    assert case.summary == "Demokratikravet er ikke opfyldt." and case.review_due_on is not None
    assert _status(association, setup["officer"]) == "not_qualified"
    counts = dashboard_counts(client.get("/staff/").text)
    assert counts["not_qualified"] == 1 and counts["in_qualification"] == 0


def test_non_blocking_not_met_still_allows_recommendation(setup):
    """A "not met" on an item that is not blocking does not stop a positive recommendation."""
    client, case = setup["client"], _open(setup["client"], setup["association"])
    assert client.post(f"/staff/qualification/{case.id}", data=_all(case, iop_fit="not_met")).status_code == 303
    db.session.refresh(case)
    assert _conclude(client, case, "recommended_with_conditions").status_code == 303
    assert _status(setup["association"], setup["officer"]) == "qualified"


def test_recommendation_qualifies_and_moves_the_dashboard_count(setup):
    """Concluding "recommended" makes the association qualified, and the dashboard counts it there."""
    client, association = setup["client"], setup["association"]
    case = _open(client, association)
    assert dashboard_counts(client.get("/staff/").text) == {
        "submitted": 1, "in_qualification": 1, "qualified": 0, "not_qualified": 0}
    assert client.post(f"/staff/qualification/{case.id}", data=_all(case)).status_code == 303
    db.session.refresh(case)
    response = _conclude(client, case, "recommended")
    assert response.status_code == 303 and response.location == f"/staff/qualification/{case.id}"
    assert _status(association, setup["officer"]) == "qualified"
    assert dashboard_counts(client.get("/staff/").text) == {
        "submitted": 1, "in_qualification": 0, "qualified": 1, "not_qualified": 0}
    page = client.get(f"/staff/associations/{association.id}").text
    assert "Recommended as a partner" in page and "Qualified" in page


def test_concluded_case_is_locked(setup):
    """Posting answers to a concluded case only flashes a message; answers, status and lock stay as they were."""
    client, case = setup["client"], _open(setup["client"], setup["association"])
    assert client.post(f"/staff/qualification/{case.id}", data=_all(case)).status_code == 303
    db.session.refresh(case)
    assert _conclude(client, case, "recommended").status_code == 303
    db.session.refresh(case)
    lock = case.lock_version

    response = client.post(f"/staff/qualification/{case.id}", data=_all(case, answer="not_met"),
                           follow_redirects=True)
    assert response.status_code == 200
    assert "This case is concluded and can no longer be changed." in response.text
    assert 'name="answers-0-answer"' not in response.text  # shown read-only
    db.session.refresh(case)
    assert case.lock_version == lock and case.status == "concluded"
    assert {answer.answer for answer in db.session.query(CaseAnswer).filter_by(case_id=case.id)} == {"met"}

    again = _conclude(client, case, "not_recommended")
    assert again.status_code == 409
    db.session.refresh(case)
    assert case.recommendation == "recommended"


def test_new_case_after_conclusion_supersedes_the_old_one(setup):
    """Reassessing opens a fresh case; concluding it marks the earlier concluded case superseded."""
    client, association = setup["client"], setup["association"]
    old = _open(client, association)
    assert client.post(f"/staff/qualification/{old.id}", data=_all(old)).status_code == 303
    db.session.refresh(old)
    assert _conclude(client, old, "recommended").status_code == 303

    new = _open(client, association)
    assert new.id != old.id and new.status == "open" and new.answers == []
    assert _status(association, setup["officer"]) == "in_qualification"
    assert client.post(f"/staff/qualification/{new.id}", data=_all(new, **{BLOCKING: "not_met"})).status_code == 303
    db.session.refresh(new)
    assert _conclude(client, new, "not_recommended").status_code == 303

    db.session.refresh(old)
    assert (old.status, old.superseded_by_id) == ("superseded", new.id)
    assert old.recommendation == "recommended"  # the old conclusion itself is kept as it was
    assert _status(association, setup["officer"]) == "not_qualified"
    page = client.get(f"/staff/associations/{association.id}").text
    assert f"Case {old.id}" in page and f"Case {new.id}" in page and "Superseded" in page


def test_unknown_case_is_404(setup):
    """A case number that does not exist is a 404, not an error page."""
    assert setup["client"].get("/staff/qualification/999999").status_code == 404
    assert setup["client"].post("/staff/qualification/associations/999999/open").status_code == 404
