"""Answers to checklist items, shared by qualification and eligibility screening cases."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from registry.core.forms import FieldValueError
from registry.extensions import db


class AnswerColumns:
    """The columns of one answer: assessment, note and the evidence relied on."""

    id: Mapped[int] = mapped_column(primary_key=True)
    item_key: Mapped[str] = mapped_column(String(60))
    #: An answer key of the item's answer type; None until answered.
    answer: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
    #: none, document, link or observation.
    evidence_type: Mapped[str] = mapped_column(String(20), default="none")
    evidence_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    evidence_url: Mapped[str | None] = mapped_column(String(500))
    #: A dated observation: when, and where it was made or read.
    evidence_observed_on: Mapped[date | None] = mapped_column(Date)
    evidence_source: Mapped[str | None] = mapped_column(String(300))

    @declared_attr
    def evidence_document(cls):
        return relationship("Document")


@dataclass
class AnswerInput:
    """One item's answer as submitted."""

    item_key: str
    answer: str | None
    note: str | None
    evidence_type: str = "none"
    evidence_document_id: int | None = None
    evidence_url: str | None = None
    evidence_observed_on: date | None = None
    evidence_source: str | None = None


def evidence_problems(association_id: int, answer: AnswerInput, index: int, item: dict) -> list[FieldValueError]:
    """Evidence must be complete for its type, and required (with a reasoned note) where the item says so."""
    from registry.associations.models import Document

    field = f"answers-{index}-"
    found = []
    if answer.evidence_type == "document":
        document = db.session.get(Document, answer.evidence_document_id) if answer.evidence_document_id else None
        if document is None or document.association_id != association_id:
            found.append(FieldValueError(field + "evidence_document_id", _("Choose one of the association's "
                                                                           "documents.")))
    elif answer.evidence_type == "link" and not answer.evidence_url:
        found.append(FieldValueError(field + "evidence_url", _("Type the web address of the evidence.")))
    elif answer.evidence_type == "observation" and not (answer.evidence_observed_on and answer.evidence_source):
        found.append(FieldValueError(field + "evidence_source", _("Give the date of the observation and where it "
                                                                  "was made.")))
    if answer.answer == "applies" and not answer.note:
        found.append(FieldValueError(field + "note", _("Give the special reasons.")))
    if item.get("requires_evidence") and answer.answer and answer.answer != "information_missing":
        if answer.evidence_type == "none":
            found.append(FieldValueError(field + "evidence_type", _(
                "This assessment needs evidence: a document, a link or a dated observation with its source.")))
        if not answer.note:
            found.append(FieldValueError(field + "note", _("Give the reasons for the assessment.")))
    return found


def apply_answers(case, answers: list[AnswerInput], answer_class) -> dict[str, str | None]:
    """Write the answers onto the case's rows; returns the items whose answer or note changed."""
    changed = {}
    for answer in answers:
        row = case.answer_for(answer.item_key)
        if row is None:
            row = answer_class(item_key=answer.item_key)
            case.answers.append(row)
        before = (row.answer, row.note)
        for name, value in vars(answer).items():
            if name != "item_key":
                setattr(row, name, value)
        if answer.evidence_type != "document":
            row.evidence_document_id = None
        if before != (row.answer, row.note):
            changed[answer.item_key] = row.answer
    return changed


def answer_problems(case, answers: list[AnswerInput], items: list[dict],
                    allowed: Callable[[dict], tuple[str, ...]]) -> list[FieldValueError]:
    """Every problem with the answers at once: each must belong to one of ``items``, with an answer it allows."""
    by_key = {item["key"]: item for item in items}
    found = []
    for index, answer in enumerate(answers):
        item = by_key.get(answer.item_key)
        if item is None:
            return [FieldValueError("answers", _("The checklist has changed; reload the page."))]
        if answer.answer and answer.answer not in allowed(item):
            found.append(FieldValueError(f"answers-{index}-answer", _("Choose one of the answers.")))
        found += evidence_problems(case.association_id, answer, index, item)
    return found
