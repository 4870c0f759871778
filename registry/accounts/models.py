"""The user model."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin, UserMixin
from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.core.choices import Choices
from registry.core.models import TimestampMixin, UTCDateTime
from registry.extensions import db

ROLES = Choices(
    ("member", _l("Association representative")),
    ("officer", _l("Partnership officer")),
    ("administrator", _l("Municipal administrator")),
)
STAFF_ROLES = ("officer", "administrator")


class User(UserMixin, TimestampMixin, db.Model):
    """A person who logs in: an association representative or municipal staff."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stored lower-cased, so uniqueness is case-insensitive.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    #: argon2id hash.
    password_hash: Mapped[str] = mapped_column(String(255))
    #: Shown to other users and in the audit trail.
    display_name: Mapped[str] = mapped_column(String(120))
    #: "da", "sv" or "en"; used for pages and e-mails.
    locale: Mapped[str] = mapped_column(String(5), default="da")
    #: member (association side), officer or administrator (municipal staff).
    role: Mapped[str] = mapped_column(String(20), default="member")
    #: Staff only: the municipality they work for.
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"), index=True)
    #: Deactivated accounts cannot log in.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: When the address was confirmed through the e-mailed link.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    municipality = relationship("Municipality")

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"

    @property
    def is_active(self) -> bool:  # Flask-Login
        """Whether the account may log in."""
        return self.active

    @property
    def is_staff(self) -> bool:
        """Municipal officer or administrator."""
        return self.role in STAFF_ROLES and self.municipality_id is not None

    @property
    def is_verified(self) -> bool:
        """Whether the e-mail address has been confirmed."""
        return self.email_verified_at is not None


class AnonymousUser(AnonymousUserMixin):
    """A visitor who is not logged in."""

    id = None
    locale = None
    role = None
    municipality_id = None
    is_staff = False
    is_verified = False
