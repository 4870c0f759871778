"""Opening a screening, answering it, and the hearing (partshøring)."""

from datetime import date

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from registry.associations.models import Association, Representative
from registry.associations.services.files import add_document
from registry.audit.services import record_audit
from registry.checklists.answering import AnswerInput, answer_problems, apply_answers
from registry.checklists.services import current_template
from registry.core.forms import FieldValueError, raise_all
from registry.core.mail import send_mail
from registry.core.models import utcnow
from registry.extensions import db
from registry.screening import criteria
from registry.screening.choices import BASES_BY_COUNTRY, TEMPLATE_FOR_BASIS
from registry.screening.models import Hearing, ScreeningAnswer, ScreeningCase
from registry.screening.prefill import prefilled_answers
from registry.screening.services.settings import period_start, settings_for

EDITABLE = ("open", "hearing")
#: A case in progress: at most one per association, municipality and legal basis (a unique index holds it).
IN_PROGRESS = ("open", "hearing", "proposed")


class StaleCaseError(Exception):
    """Someone else saved the case since this form was loaded."""


def in_progress(association_id: int, municipality_id: int, legal_basis: str) -> ScreeningCase | None:
    """The case on this legal basis that is open, in hearing or awaiting approval, if any."""
    return db.session.scalars(select(ScreeningCase).where(
        ScreeningCase.association_id == association_id, ScreeningCase.municipality_id == municipality_id,
        ScreeningCase.legal_basis == legal_basis, ScreeningCase.status.in_(IN_PROGRESS))).first()


def open_screening(actor, association: Association, legal_basis: str, grant: bool, premises: bool,
                   locale: str) -> tuple[ScreeningCase, bool]:
    """Open a screening on a legal basis of the association's country, pre-filled from its registration.

    Returns (case, opened): an association has one case in progress per legal basis, so where one exists
    already that case is returned, and nothing is opened.
    """
    if legal_basis not in BASES_BY_COUNTRY.get(association.country, ()):
        raise FieldValueError("legal_basis", _("Choose a legal basis of the association's country."))
    if not (grant or premises):
        raise FieldValueError("applies_grant", _("Choose grant, premises or both."))
    existing = in_progress(association.id, actor.municipality_id, legal_basis)
    if existing is not None:
        return existing, False
    template = current_template(TEMPLATE_FOR_BASIS[legal_basis], actor.municipality_id)
    case = ScreeningCase(association_id=association.id, municipality_id=actor.municipality_id,
                         template_id=template.id, legal_basis=legal_basis, applies_grant=grant,
                         applies_premises=premises, opened_by_id=actor.id, status="open")
    db.session.add(case)
    try:
        db.session.flush()
    except (IntegrityError, OperationalError):
        # Another app server opened the same case a moment ago: the unique index refuses this one (SQLite may
        # instead refuse the write because this transaction read before that case was committed).
        db.session.rollback()
        existing = in_progress(association.id, actor.municipality_id, legal_basis)
        if existing is None:
            raise
        return existing, False
    db.session.refresh(case)
    settings = settings_for(actor.municipality_id)
    apply_answers(case, prefilled_answers(association, case.items, legal_basis, locale,
                                          period_start(settings, date.today())), ScreeningAnswer)
    record_audit(actor, "screening.opened", case, association_id=association.id,
                 after={"legal_basis": legal_basis, "grant": grant, "premises": premises, "template": template.label})
    db.session.commit()
    return case, True


def claim(case: ScreeningCase, lock_version: int) -> None:
    """Bump the lock version only if nobody else did first."""
    result = db.session.execute(update(ScreeningCase).where(
        ScreeningCase.id == case.id, ScreeningCase.lock_version == lock_version).values(
        lock_version=lock_version + 1))
    if result.rowcount != 1:
        db.session.rollback()
        raise StaleCaseError()
    db.session.refresh(case)


def problems_with_answers(case: ScreeningCase, answers: list[AnswerInput]) -> list[FieldValueError]:
    """Every problem with these answers, at once: each item takes only the answers its criterion allows.

    An item the municipality's rules do not contain needs no evidence: it is not to be assessed at all.
    """
    grounds = settings_for(case.municipality_id).democracy_grounds or {}
    items = [item if criteria.must_be_assessed(item, grounds) else dict(item, requires_evidence=False)
             for item in case.items]
    return answer_problems(case, answers, items, criteria.answers_for)


def save_screening_answers(actor, case: ScreeningCase, lock_version: int, answers: list[AnswerInput]) -> None:
    """Save assessments: each item takes the answers its criterion allows; democracy items need evidence."""
    if case.status not in EDITABLE:
        raise FieldValueError("answers", _("The case can no longer be changed."))
    raise_all(problems_with_answers(case, answers))
    claim(case, lock_version)
    changed = apply_answers(case, answers, ScreeningAnswer)
    record_audit(actor, "screening.answers_saved", case, association_id=case.association_id, after=changed)
    db.session.commit()


def _owners(association_id: int):
    return db.session.scalars(select(Representative).where(Representative.association_id == association_id))


def notify_association(case: ScreeningCase, template: str, **context) -> None:
    """Queue an e-mail to every representative of the association, in their own language (caller commits)."""
    for representative in _owners(case.association_id):
        user = representative.user
        send_mail(user.email, template, user.locale, user=user, case=case, association=case.association, **context)


def send_hearing(actor, case: ScreeningCase, facts: str, deadline: date) -> Hearing:
    """Put facts to the association with a deadline (forvaltningsloven § 19)."""
    if case.status not in EDITABLE:
        raise FieldValueError("facts", _("The case can no longer be changed."))
    if deadline <= date.today():
        raise FieldValueError("deadline", _("The deadline must be after today."))
    hearing = Hearing(case_id=case.id, facts=facts, deadline=deadline, sent_by_id=actor.id)
    db.session.add(hearing)
    case.status = "hearing"
    db.session.flush()
    record_audit(actor, "screening.hearing_sent", case, association_id=case.association_id,
                 after={"deadline": deadline.isoformat()})
    notify_association(case, "screening/mail/hearing.txt", hearing=hearing, link=url_for(
        "association_screening.hearing", association_id=case.association_id, hearing_id=hearing.id, _external=True))
    db.session.commit()
    return hearing


def answer_hearing(user, hearing: Hearing, text: str, uploads: list[tuple[str, bytes]]) -> None:
    """Record the association's answer and documents; the case is back with the officer, who is told."""
    if hearing.answered_at is not None:
        raise FieldValueError("answer", _("The hearing has already been answered."))
    association = hearing.case.association
    for filename, data in uploads:
        # add_document commits, which expires the hearing: load its documents only afterwards, or the append
        # lands on an invalidated collection and the document never joins the hearing.
        document = add_document(user, association, "other", filename, data)
        hearing.documents.append(document)
    hearing.answer, hearing.answered_by_id, hearing.answered_at = text, user.id, utcnow()
    if hearing.case.status == "hearing":
        hearing.case.status = "open"
    record_audit(user, "screening.hearing_answered", hearing.case, association_id=association.id,
                 after={"documents": len(uploads)})
    if hearing.sent_by is not None:
        send_mail(hearing.sent_by.email, "screening/mail/hearing_answered.txt", hearing.sent_by.locale,
                  user=hearing.sent_by, case=hearing.case, association=association,
                  link=url_for("screening.case", case_id=hearing.case_id, _external=True))
    db.session.commit()


def cases_about(association: Association, municipality_id: int | None = None) -> list[ScreeningCase]:
    """Screenings of an association (by one municipality, or all), newest first."""
    statement = select(ScreeningCase).where(ScreeningCase.association_id == association.id)
    if municipality_id is not None:
        statement = statement.where(ScreeningCase.municipality_id == municipality_id)
    return list(db.session.scalars(statement.order_by(ScreeningCase.id.desc())))
