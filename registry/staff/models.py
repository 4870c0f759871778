"""An association's standing with one municipality."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db


class PartnerStatus(db.Model):
    """Where a municipality stands with an association: in qualification, qualified, not qualified.

    Several municipalities may qualify the same association, so the status belongs to the
    pair; an association submitted but not yet taken up has no row.
    """

    __tablename__ = "partner_statuses"
    __table_args__ = (Index("ix_partner_statuses_municipality_status", "municipality_id", "status"),)

    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), primary_key=True)
    #: in_qualification, qualified or not_qualified.
    status: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<PartnerStatus {self.association_id}@{self.municipality_id} {self.status}>"
