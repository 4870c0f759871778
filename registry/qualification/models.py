"""Qualification cases and their answers."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.accounts.models import User
from registry.associations.models import Association
from registry.checklists.answering import AnswerColumns
from registry.checklists.models import ChecklistTemplate
from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db


class QualificationCase(db.Model):
    """A municipality's qualification of one association as a partner."""

    __tablename__ = "qualification_cases"
    __table_args__ = (
        # One association's cases with one municipality (the staff association page).
        Index("ix_qualification_cases_association_municipality", "association_id", "municipality_id"),
        # A municipality's concluded cases by review date (the dashboard's "due for renewal").
        Index("ix_qualification_cases_municipality_status_review", "municipality_id", "status", "review_due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"))
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"))
    #: The exact template version the case was made with.
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_templates.id"))
    #: open → concluded → superseded.
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    #: recommended, recommended_with_conditions, not_recommended (set when concluded).
    recommendation: Mapped[str | None] = mapped_column(String(40))
    summary: Mapped[str | None] = mapped_column(Text)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    concluded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    concluded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: When the partnership should be looked at again.
    review_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("qualification_cases.id"))
    #: Optimistic lock: bumped on every save; a save based on an older number is refused.
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    association: Mapped[Association] = relationship()
    template: Mapped[ChecklistTemplate] = relationship()
    opened_by: Mapped[User | None] = relationship(foreign_keys=[opened_by_id])
    concluded_by: Mapped[User | None] = relationship(foreign_keys=[concluded_by_id])
    answers: Mapped[list["CaseAnswer"]] = relationship(back_populates="case", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<QualificationCase {self.id} {self.status}>"

    def answer_for(self, item_key: str) -> "CaseAnswer | None":
        """The answer given to one item, if any."""
        return next((answer for answer in self.answers if answer.item_key == item_key), None)


class CaseAnswer(AnswerColumns, db.Model):
    """The officer's answer to one checklist item, with a note and the evidence relied on."""

    __tablename__ = "case_answers"
    __table_args__ = (UniqueConstraint("case_id", "item_key"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("qualification_cases.id", ondelete="CASCADE"), index=True)

    case: Mapped[QualificationCase] = relationship(back_populates="answers")

    def __repr__(self) -> str:
        return f"<CaseAnswer {self.case_id}:{self.item_key}={self.answer}>"
