"""The audit event model."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db


class AuditEvent(db.Model):
    """One change to a record: who, when, what, before and after; chained by hash."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: When the change was made.
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Who made it (None for the system, e.g. a command-line import).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: A stable action key, e.g. "association.identity_saved".
    action: Mapped[str] = mapped_column(String(80))
    #: The record changed: table name and primary key.
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int] = mapped_column(Integer)
    #: The association concerned, so its history can be listed in one query.
    association_id: Mapped[int | None] = mapped_column(Integer, index=True)
    #: Changed fields before and after.
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: Hash of the previous event and of this one.
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    actor = relationship("User")

    def __repr__(self) -> str:
        return f"<AuditEvent {self.id} {self.action} {self.object_type}:{self.object_id}>"
