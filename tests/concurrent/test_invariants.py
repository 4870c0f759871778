"""The invariants hold when several app processes write at the same moment, on SQLite and on PostgreSQL.

Each test starts real processes (tests/concurrency.py) that log in and post through the app's own pages at
once: the audit chain stays one chain, an association keeps an owner, a double submission is one submission,
a refusal is approved once.
"""

from datetime import date, timedelta

from flask import current_app
from sqlalchemy import func, select

from registry.associations.models import Document, Representative
from registry.associations.services import files
from registry.audit.models import AuditEvent
from registry.audit.services import verify_chain
from registry.checklists.services import load_templates
from registry.extensions import db
from registry.screening.models import Decision
from registry.screening.services import cases, decisions
from tests.concurrency import Actor, run_together
from tests.factories import PDF

WRITERS = 4
ROUNDS = 3


def _count(model, *conditions) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*conditions))


def _events(action: str) -> int:
    return _count(AuditEvent, AuditEvent.action == action)


def _no_errors(answers) -> None:
    assert [answer for per_actor in answers for answer in per_actor if answer[0] in ("error", 500)] == []


def test_the_audit_chain_stays_one_chain_with_concurrent_writers(app, factories):
    """Four owners each delete and upload documents at the same moment: every event links to the one before."""
    actors = []
    for number in range(WRITERS):
        owner = factories.user(email=f"owner{number}@forening.example")
        association = factories.association(owner=owner)
        documents = [files.add_document(owner, association, "other", f"old{round_}.pdf", PDF).id
                     for round_ in range(ROUNDS)]
        requests = []
        for document_id in documents:
            requests += [(f"/associations/{association.id}/documents/{document_id}/delete", {}),
                         (f"/associations/{association.id}/documents", {"kind": "other",
                                                                        "file": (PDF, "new.pdf")})]
        actors.append(Actor(owner.email, requests))
    before = _count(AuditEvent)

    answers = run_together(actors)

    _no_errors(answers)
    db.session.expire_all()
    assert _count(AuditEvent) == before + WRITERS * ROUNDS * 2
    assert _events("document.deleted") == WRITERS * ROUNDS
    assert verify_chain() == []


def test_two_owners_removing_each_other_leave_one_owner(app, factories):
    """Each owner removes the other at the same moment: one removal succeeds, the association keeps an owner."""
    first, second = factories.user(email="first@forening.example"), factories.user(email="second@forening.example")
    association = factories.association(owner=first)
    db.session.add(Representative(association_id=association.id, user_id=second.id, rights="owner"))
    db.session.commit()
    ids = {rep.user_id: rep.id for rep in db.session.scalars(select(Representative).where(
        Representative.association_id == association.id))}
    actors = [Actor(first.email, [(f"/associations/{association.id}/people/{ids[second.id]}/remove", {})]),
              Actor(second.email, [(f"/associations/{association.id}/people/{ids[first.id]}/remove", {})])]

    answers = run_together(actors)

    _no_errors(answers)
    db.session.expire_all()
    assert _count(Representative, Representative.association_id == association.id,
                  Representative.rights == "owner") == 1
    assert _events("representative.removed") == 1
    assert verify_chain() == []


def test_a_double_submission_is_one_submission(app, factories):
    """Two owners (or a double click) submit at the same moment: one first submission, then a resubmission."""
    owner, other = factories.user(email="owner@forening.example"), factories.user(email="other@forening.example")
    association = factories.association(owner=owner, complete=True)
    db.session.add(Representative(association_id=association.id, user_id=other.id, rights="owner"))
    db.session.commit()
    submit = [(f"/associations/{association.id}/submit", {})]

    answers = run_together([Actor(owner.email, submit), Actor(other.email, submit)])

    _no_errors(answers)
    db.session.expire_all()
    assert _events("association.submitted") == 1
    assert _events("association.resubmitted") == 1
    assert verify_chain() == []


def test_a_refusal_is_approved_once_by_someone_other_than_the_proposer(app, factories):
    """Two colleagues approve at the same moment and the proposer tries too: one approval, by a colleague."""
    load_templates()
    factories.decision_settings()
    officer = factories.staff(email="officer@aarhus.example")
    colleagues = [factories.staff(email=f"colleague{number}@aarhus.example") for number in range(2)]
    association = factories.submitted_association(complete=True)
    with current_app.test_request_context(method="POST"):
        case, _opened = cases.open_screening(officer, association, "dk_fol_stk3", True, False, "en")
        cases.save_screening_answers(officer, case, case.lock_version, _all_met(case))
        decision = decisions.propose_decision(officer, case, decisions.DecisionInput(
            grant_outcome="not_eligible", premises_outcome=None, conditions=None,
            rules_applied="Folkeoplysningsloven § 4 a.", considerations="Adfærden.", facts="Opslaget.",
            hearing_not_needed_because="Foreningens egne udtalelser."))
    approve = [(f"/staff/screening/decisions/{decision.id}/approve", {})]

    answers = run_together([Actor(user.email, approve) for user in (*colleagues, officer)])

    _no_errors(answers)
    db.session.expire_all()
    decision = db.session.get(Decision, decision.id)
    assert decision.status == "final" and decision.approved_by_id in {user.id for user in colleagues}
    assert _events("screening.decided") == 1
    assert verify_chain() == []


def _all_met(case):
    from registry.checklists.answering import AnswerInput

    return [AnswerInput(item_key=item["key"], answer="met", note="Vurderet.", evidence_type="observation",
                        evidence_observed_on=date.today() - timedelta(days=1), evidence_source="Besøg")
            for item in case.items]


def test_documents_survive_concurrent_uploads(app, factories):
    """Uploads from four processes at once are all stored, each with its own event."""
    owner = factories.user(email="owner@forening.example")
    association = factories.association(owner=owner)
    upload = (f"/associations/{association.id}/documents", {"kind": "other", "file": (PDF, "a.pdf")})
    before = _count(Document)

    answers = run_together([Actor(owner.email, [upload], repeat=ROUNDS) for _ in range(WRITERS)])

    _no_errors(answers)
    db.session.expire_all()
    assert _count(Document) == before + WRITERS * ROUNDS
    assert verify_chain() == []
