"""A published yearly list."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db
from registry.municipalities.models import Municipality


class PublishedList(db.Model):
    """The associations a municipality granted or refused support in a year, as published.

    A snapshot: later decisions change nothing until the administrator publishes again.
    Holds association names and numbers only, never personal data.
    """

    __tablename__ = "published_lists"
    __table_args__ = (UniqueConstraint("municipality_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    #: [{"name", "registration_number", "grant", "premises"}] with "granted" / "refused" / None.
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    municipality: Mapped[Municipality] = relationship()
