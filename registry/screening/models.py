"""Screening cases, hearings, decisions and each municipality's decision settings."""

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql import text

from registry.accounts.models import User
from registry.associations.models import Association, Document
from registry.checklists.answering import AnswerColumns
from registry.checklists.models import ChecklistTemplate
from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db
from registry.municipalities.models import Municipality


class MunicipalSettings(db.Model):
    """How a municipality decides: its rules, delegation, four eyes, validity, periods and complaint guidance."""

    __tablename__ = "municipal_settings"

    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), primary_key=True)
    #: A "not eligible" decision needs a second staff member's approval.
    four_eyes: Mapped[bool] = mapped_column(Boolean, default=True)
    #: How long a decision stands before the association is screened again.
    validity_months: Mapped[int] = mapped_column(Integer, default=12)
    #: Complaint and review guidance printed in decision letters, {"da": …, "sv": …, "en": …}.
    complaint_guidance: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    #: The month the application period starts (1 = the calendar year); declarations count for one period.
    period_start_month: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: The municipality's adopted grant rules as cited in letters: their name and the date they were adopted.
    rules_name: Mapped[str | None] = mapped_column(String(300))
    rules_adopted_on: Mapped[date | None] = mapped_column(Date)
    #: The delegation under which staff decide, e.g. the committee's delegation plan and its point.
    delegation: Mapped[str | None] = mapped_column(String(500))
    #: Sweden: where the municipality's own rules contain each democracy ground, {ground: section}.
    democracy_grounds: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    municipality: Mapped[Municipality] = relationship()


class ScreeningCase(db.Model):
    """The eligibility check of one association for a grant, premises or both, on one legal basis."""

    __tablename__ = "screening_cases"
    # One case in progress per association, municipality and legal basis, however many app servers try at once.
    __table_args__ = (Index("uq_screening_in_progress", "association_id", "municipality_id", "legal_basis",
                            unique=True, sqlite_where=text("status IN ('open', 'hearing', 'proposed')"),
                            postgresql_where=text("status IN ('open', 'hearing', 'proposed')")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_templates.id"))
    #: dk_fol_stk2, dk_fol_stk3, dk_44a or se_grant_premises.
    legal_basis: Mapped[str] = mapped_column(String(30))
    applies_grant: Mapped[bool] = mapped_column(Boolean, default=True)
    applies_premises: Mapped[bool] = mapped_column(Boolean, default=False)
    #: open → hearing → proposed → decided → superseded.
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("screening_cases.id"))
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    association: Mapped[Association] = relationship()
    municipality: Mapped[Municipality] = relationship()
    template: Mapped[ChecklistTemplate] = relationship()
    opened_by: Mapped[User | None] = relationship(foreign_keys=[opened_by_id])
    answers: Mapped[list["ScreeningAnswer"]] = relationship(back_populates="case", cascade="all, delete-orphan")
    hearings: Mapped[list["Hearing"]] = relationship(back_populates="case", order_by="Hearing.id")
    decisions: Mapped[list["Decision"]] = relationship(back_populates="case", order_by="Decision.id")

    def __repr__(self) -> str:
        return f"<ScreeningCase {self.id} {self.legal_basis} {self.status}>"

    @property
    def number(self) -> str:
        """The case number shown in letters: year opened and id."""
        return f"{self.opened_at:%Y}-{self.id:05d}"

    def answer_for(self, item_key: str) -> "ScreeningAnswer | None":
        """The answer given to one item, if any."""
        return next((answer for answer in self.answers if answer.item_key == item_key), None)

    @property
    def awaiting_hearing(self) -> bool:
        """A hearing is out: not answered, and its deadline has not passed."""
        return any(hearing.is_open for hearing in self.hearings)

    @property
    def can_be_decided(self) -> bool:
        """Open, or in hearing once every hearing is answered or past its deadline."""
        return self.status == "open" or (self.status == "hearing" and not self.awaiting_hearing)

    @property
    def items(self) -> list[dict]:
        """The template items asked on this case's legal basis."""
        return [item for item in self.template.items if self.legal_basis in item.get("applies_to", [self.legal_basis])]


class ScreeningAnswer(AnswerColumns, db.Model):
    """The officer's assessment of one screening item."""

    __tablename__ = "screening_answers"
    __table_args__ = (UniqueConstraint("case_id", "item_key"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("screening_cases.id", ondelete="CASCADE"), index=True)

    case: Mapped[ScreeningCase] = relationship(back_populates="answers")


hearing_documents = Table(
    "hearing_documents",
    db.metadata,
    Column("hearing_id", ForeignKey("hearings.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)


class Hearing(db.Model):
    """A partshøring: facts put to the association before a decision against it, and its answer."""

    __tablename__ = "hearings"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("screening_cases.id", ondelete="CASCADE"), index=True)
    #: The facts the association is asked to comment on.
    facts: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date] = mapped_column(Date)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case: Mapped[ScreeningCase] = relationship(back_populates="hearings")
    sent_by: Mapped[User | None] = relationship(foreign_keys=[sent_by_id])
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id])
    documents: Mapped[list[Document]] = relationship(secondary=hearing_documents)

    @property
    def is_open(self) -> bool:
        """Not yet answered and the deadline has not passed."""
        return self.answered_at is None and self.deadline >= date.today()


def short_of_full_grant(*outcomes: str | None) -> bool:
    """A refusal, a partial grant or conditions: what needs reasons and a hearing (FVL §§ 19, 22; FL 25, 32 §§)."""
    return any(outcome not in (None, "eligible") for outcome in outcomes)


class Decision(db.Model):
    """A decision on eligibility, with reasons. Never edited: a new screening supersedes it."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("screening_cases.id", ondelete="CASCADE"), index=True)
    #: eligible, eligible_with_conditions or not_eligible; None where not applied for.
    grant_outcome: Mapped[str | None] = mapped_column(String(30))
    premises_outcome: Mapped[str | None] = mapped_column(String(30))
    conditions: Mapped[str | None] = mapped_column(Text)
    #: Reasons (forvaltningsloven §§ 22, 24): rules applied, main considerations, facts relied on.
    rules_applied: Mapped[str | None] = mapped_column(Text)
    considerations: Mapped[str | None] = mapped_column(Text)
    facts: Mapped[str | None] = mapped_column(Text)
    #: Why no hearing was needed, when the decision goes against the association without one.
    hearing_not_needed_because: Mapped[str | None] = mapped_column(Text)
    #: proposed (awaiting a second approval), returned (sent back), final.
    status: Mapped[str] = mapped_column(String(20), index=True)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    return_comment: Mapped[str | None] = mapped_column(Text)
    #: Set when final.
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    valid_until: Mapped[date | None] = mapped_column(Date, index=True)
    #: Language of the letter, and the complaint guidance as printed in it.
    letter_locale: Mapped[str] = mapped_column(String(5), default="da")
    complaint_guidance: Mapped[str | None] = mapped_column(Text)
    #: The municipality's rules, delegation and democracy grounds as they stood when the decision became final.
    rules_cited: Mapped[dict | None] = mapped_column(JSON)

    case: Mapped[ScreeningCase] = relationship(back_populates="decisions")
    proposed_by: Mapped[User | None] = relationship(foreign_keys=[proposed_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])

    @property
    def refuses(self) -> bool:
        """The decision finds the association not eligible for something it applied for."""
        return "not_eligible" in (self.grant_outcome, self.premises_outcome)

    @property
    def adverse(self) -> bool:
        """Anything short of a full, unconditional grant of what was applied for (refusal or conditions)."""
        return short_of_full_grant(self.grant_outcome, self.premises_outcome)

    @property
    def decided_by(self) -> User | None:
        """Who made the decision: the second approver of a refusal, else the officer who made it."""
        return self.approved_by or self.proposed_by


class RescreeningFlag(db.Model):
    """An event that calls for a new screening: a board change, amended statutes, a staff concern."""

    __tablename__ = "rescreening_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    #: board_changed, statutes_amended or concern.
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Set when a new screening decision is made.
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    association: Mapped[Association] = relationship()
    created_by: Mapped[User | None] = relationship()
