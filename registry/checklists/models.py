"""A checklist template version, stored whole so that an old case always reads as it was made."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from registry.core.i18n import localized
from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db

ANSWERS = ("met", "partly_met", "not_met", "not_relevant", "information_missing")


class ChecklistTemplate(db.Model):
    """One version of a checklist: the shipped national version, or a municipality's local version."""

    __tablename__ = "checklist_templates"
    __table_args__ = (UniqueConstraint("key", "municipality_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Which checklist, e.g. "qualification".
    key: Mapped[str] = mapped_column(String(40), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    #: "DK", "SE" or "any".
    jurisdiction: Mapped[str] = mapped_column(String(3))
    #: None for the shipped version; a municipality for its local version.
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"), index=True)
    #: Shipped versions count 1, 2, …; a local version counts its revisions on top of base_version.
    version: Mapped[int] = mapped_column(Integer)
    base_version: Mapped[int] = mapped_column(Integer)
    #: {"da": …, "sv": …, "en": …}
    title: Mapped[dict[str, str]] = mapped_column(JSON)
    #: The items in order, each with key, text, guidance, source, source_url, answer_type, blocking, local.
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"<ChecklistTemplate {self.key} {self.label}>"

    @property
    def label(self) -> str:
        """The version as shown: "1" for shipped, "1.2" for the second local revision on version 1."""
        if self.municipality_id is None:
            return str(self.version)
        return f"{self.base_version}.{self.version}"

    def title_in(self, locale: str) -> str:
        """The title in a language."""
        return localized(self.title, locale)

    def item(self, key: str) -> dict[str, Any] | None:
        """One item by key."""
        return next((item for item in self.items if item["key"] == key), None)
