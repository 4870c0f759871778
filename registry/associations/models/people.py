"""Who acts for an association: representatives and pending invitations."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.accounts.models import User
from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db


class Representative(db.Model):
    """A user acting for an association, as owner or editor."""

    __tablename__ = "representatives"
    __table_args__ = (UniqueConstraint("association_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: "owner" or "editor".
    rights: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()
    association = relationship("Association")

    def __repr__(self) -> str:
        return f"<Representative user={self.user_id} association={self.association_id} {self.rights}>"


class Invitation(db.Model):
    """An e-mailed invitation to become a co-representative."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    #: Lower-cased address the invitation was sent to; only that account can accept it.
    email: Mapped[str] = mapped_column(String(254))
    rights: Mapped[str] = mapped_column(String(10))
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    invited_by: Mapped[User | None] = relationship()
    association = relationship("Association")

    def __repr__(self) -> str:
        return f"<Invitation {self.email} → {self.association_id}>"

    @property
    def is_open(self) -> bool:
        """Neither accepted nor revoked."""
        return self.accepted_at is None and self.revoked_at is None
