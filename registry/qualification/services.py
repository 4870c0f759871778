"""Opening, answering and concluding qualification cases."""

from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from registry.associations.models import Association
from registry.audit.services import record_audit
from registry.checklists.answering import AnswerInput, answer_problems, apply_answers
from registry.checklists.services import current_template
from registry.core.forms import FieldValueError, raise_all
from registry.core.models import utcnow
from registry.extensions import db
from registry.qualification.choices import ANSWERS
from registry.qualification.models import CaseAnswer, QualificationCase
from registry.staff.models import PartnerStatus

TEMPLATE_KEY = "qualification"
RENEWAL_DAYS = 365
NEGATIVE = ("not_met", "information_missing")
ANSWER_KEYS = tuple(ANSWERS.keys)

__all__ = ["AnswerInput", "StaleCaseError", "cases_due_for_renewal", "cases_of", "conclude_case", "open_case",
           "save_answers"]


class StaleCaseError(Exception):
    """Someone else saved the case since this form was loaded."""


def _set_status(association_id: int, municipality_id: int, status: str) -> None:
    row = db.session.get(PartnerStatus, (association_id, municipality_id))
    if row is None:
        db.session.add(PartnerStatus(association_id=association_id, municipality_id=municipality_id, status=status))
    else:
        row.status = status


def open_case(actor, association: Association) -> QualificationCase:
    """Open a case with the municipality's current template; an open case is reused."""
    existing = db.session.scalars(select(QualificationCase).where(
        QualificationCase.association_id == association.id,
        QualificationCase.municipality_id == actor.municipality_id, QualificationCase.status == "open")).first()
    if existing is not None:
        return existing
    template = current_template(TEMPLATE_KEY, actor.municipality_id)
    case = QualificationCase(association_id=association.id, municipality_id=actor.municipality_id,
                             template_id=template.id, opened_by_id=actor.id, status="open")
    db.session.add(case)
    db.session.flush()
    _set_status(association.id, actor.municipality_id, "in_qualification")
    record_audit(actor, "qualification.opened", case, association_id=association.id,
                 after={"template": template.label})
    db.session.commit()
    return case


def _claim(case: QualificationCase, lock_version: int) -> None:
    """Bump the lock version only if nobody else did first (atomic in the database)."""
    result = db.session.execute(update(QualificationCase).where(
        QualificationCase.id == case.id, QualificationCase.lock_version == lock_version,
        QualificationCase.status == "open").values(lock_version=lock_version + 1))
    if result.rowcount != 1:
        db.session.rollback()
        raise StaleCaseError()
    db.session.refresh(case)


def problems_with_answers(case: QualificationCase, answers: list[AnswerInput]) -> list[FieldValueError]:
    """Every problem with these answers, at once."""
    return answer_problems(case, answers, case.template.items, lambda item: ANSWER_KEYS)


def save_answers(actor, case: QualificationCase, lock_version: int, answers: list[AnswerInput]) -> None:
    """Save the officer's answers; refused if the case is concluded or was saved by someone else meanwhile."""
    raise_all(problems_with_answers(case, answers))
    _claim(case, lock_version)
    changed = apply_answers(case, answers, CaseAnswer)
    record_audit(actor, "qualification.answers_saved", case, association_id=case.association_id, after=changed)
    db.session.commit()


def blocking_problems(case: QualificationCase) -> list[str]:
    """Keys of blocking items answered "not met" or "information missing"."""
    return [item["key"] for item in case.template.items if item.get("blocking")
            and (case.answer_for(item["key"]) is not None and case.answer_for(item["key"]).answer in NEGATIVE)]


def unanswered(case: QualificationCase) -> list[str]:
    """Keys of items without an answer."""
    return [item["key"] for item in case.template.items
            if case.answer_for(item["key"]) is None or not case.answer_for(item["key"]).answer]


def conclude_case(actor, case: QualificationCase, lock_version: int, recommendation: str, summary: str) -> None:
    """Conclude with a recommendation and summary; the case is locked afterwards."""
    if unanswered(case):
        raise FieldValueError("recommendation", _("Answer every item before you conclude."))
    if recommendation != "not_recommended" and blocking_problems(case):
        raise FieldValueError("recommendation", _("A blocking item is not met or lacks information, "
                                                  "so the association cannot be recommended."))
    _claim(case, lock_version)
    case.status, case.recommendation, case.summary = "concluded", recommendation, summary
    case.concluded_by_id, case.concluded_at = actor.id, utcnow()
    case.review_due_on = date.today() + timedelta(days=RENEWAL_DAYS)
    previous = db.session.scalars(select(QualificationCase).where(
        QualificationCase.association_id == case.association_id, QualificationCase.id != case.id,
        QualificationCase.municipality_id == case.municipality_id, QualificationCase.status == "concluded"))
    for old in previous:
        old.status, old.superseded_by_id = "superseded", case.id
        record_audit(actor, "qualification.superseded", old, association_id=case.association_id,
                     after={"superseded_by": case.id})
    _set_status(case.association_id, case.municipality_id,
                "not_qualified" if recommendation == "not_recommended" else "qualified")
    record_audit(actor, "qualification.concluded", case, association_id=case.association_id,
                 after={"recommendation": recommendation})
    db.session.commit()


def cases_of(association: Association, municipality_id: int) -> list[QualificationCase]:
    """The municipality's cases about an association, newest first."""
    return list(db.session.scalars(select(QualificationCase).where(
        QualificationCase.association_id == association.id, QualificationCase.municipality_id == municipality_id)
        .options(selectinload(QualificationCase.template)).order_by(QualificationCase.id.desc())))


def cases_due_for_renewal(municipality_id: int, within_days: int = 60, limit: int = 20) -> list[QualificationCase]:
    """Concluded cases whose review date falls within the coming weeks (or has passed)."""
    horizon = date.today() + timedelta(days=within_days)
    return list(db.session.scalars(select(QualificationCase).where(
        QualificationCase.municipality_id == municipality_id, QualificationCase.status == "concluded",
        QualificationCase.review_due_on <= horizon)
        .options(selectinload(QualificationCase.association)).order_by(QualificationCase.review_due_on)
        .limit(limit)))
