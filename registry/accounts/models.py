"""The user model, and the server-side record of each login."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin, UserMixin
from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.core.choices import Choices
from registry.core.models import TimestampMixin, UTCDateTime, utcnow
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

    #: The token of the session this request is logged in through (set when the session loads the user; not stored
    #: here). Flask-Login keeps it in the session and remember cookies in place of the user id.
    session_token = None

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"

    def get_id(self) -> str:  # Flask-Login
        """The logged-in session's token: what the cookies carry, so that ending the session ends them."""
        if not self.session_token:
            # A bare user id in a cookie could not be revoked: every login goes through accounts.signin.log_in.
            raise RuntimeError("no server-side session: log in through registry.accounts.signin.log_in")
        return self.session_token

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


class UserSession(db.Model):
    """One login on one device; while it exists (and has not expired) its cookies log the user in."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: SHA-256 of the random token the cookies carry: a copy of this table cannot be turned into cookies.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: When the user logged in.
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: After this the session no longer logs in: the remember cookie's lifetime, or the session lifetime without it.
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    #: Browser and system ("Firefox, Windows") so the owner can tell sessions apart; no full user agent, no address.
    device: Mapped[str | None] = mapped_column(String(60))
