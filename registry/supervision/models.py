"""Supervision rounds, the cases they open, and sanctions."""

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.accounts.models import User
from registry.associations.models import Association
from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db


class SupervisionRound(db.Model):
    """One municipality's supervision of a year: how the sample was drawn, so it can be drawn again."""

    __tablename__ = "supervision_rounds"
    __table_args__ = (UniqueConstraint("municipality_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    #: The seed of the random draw; the same seed and population give the same sample.
    seed: Mapped[int] = mapped_column(Integer)
    #: How the random part was sized: a number, or a percentage of the population.
    sample_size: Mapped[int | None] = mapped_column(Integer)
    sample_percent: Mapped[int | None] = mapped_column(Integer)
    #: Association ids with grants or premises at the time of the draw, in the order drawn from.
    population: Mapped[list[int]] = mapped_column(JSON)
    drawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    drawn_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    drawn_by: Mapped[User | None] = relationship()
    cases: Mapped[list["SupervisionCase"]] = relationship(back_populates="round", order_by="SupervisionCase.id")


class SupervisionCase(db.Model):
    """The supervision of one association in a round."""

    __tablename__ = "supervision_cases"
    __table_args__ = (UniqueConstraint("round_id", "association_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("supervision_rounds.id", ondelete="CASCADE"), index=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    #: random or judgement.
    selection: Mapped[str] = mapped_column(String(20))
    #: Why an association was chosen by judgement.
    reason: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[str | None] = mapped_column(Text)
    #: open or closed.
    status: Mapped[str] = mapped_column(String(10), default="open")

    round: Mapped[SupervisionRound] = relationship(back_populates="cases")
    association: Mapped[Association] = relationship()
    sanctions: Mapped[list["Sanction"]] = relationship(back_populates="case", order_by="Sanction.id")


class Sanction(db.Model):
    """A sanction decided in supervision, with its reasons and a follow-up date."""

    __tablename__ = "sanctions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("supervision_cases.id", ondelete="CASCADE"), index=True)
    #: repayment, stop_payments, withhold_payments or withdraw_premises.
    kind: Mapped[str] = mapped_column(String(30))
    #: fol_33_5 (support under the Act) or fol_44a_2 (support on another basis).
    legal_basis: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(Text)
    follow_up_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    case: Mapped[SupervisionCase] = relationship(back_populates="sanctions")
    created_by: Mapped[User | None] = relationship()
