"""Documents handed in by an association, and the declarations it gave."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from registry.accounts.models import User
from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db


class Document(db.Model):
    """An uploaded file, kept in the database so app servers share nothing else."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    #: statutes, minutes, accounts or other.
    kind: Mapped[str] = mapped_column(String(20))
    #: The name the file had on the uploader's computer (sanitised).
    filename: Mapped[str] = mapped_column(String(200))
    #: Media type recognised from the content, never taken from the browser.
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    #: The bytes; deferred so that lists of documents do not load them.
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    uploaded_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Document {self.id} {self.kind} {self.filename!r}>"


class Declaration(db.Model):
    """A declaration given on the association's behalf, with the exact text and its version."""

    __tablename__ = "declarations"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    #: child_certificates (DK, FOL § 4 stk. 4) or democracy.
    kind: Mapped[str] = mapped_column(String(30))
    #: Version key of the declaration text, e.g. "2026-01".
    text_version: Mapped[str] = mapped_column(String(20))
    #: Language the text was shown in, and the text itself as shown.
    locale: Mapped[str] = mapped_column(String(5))
    text: Mapped[str] = mapped_column(Text)
    #: Name and board role typed by the person declaring.
    signer_name: Mapped[str] = mapped_column(String(120))
    signer_role: Mapped[str] = mapped_column(String(120))
    given_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    given_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Declaration {self.kind} v{self.text_version} by {self.signer_name!r}>"
