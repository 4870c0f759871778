"""Mail leaves through an outbox: queued in the transaction that causes it, delivered once that has committed.

A message is stored with the change it reports, so a rolled-back change sends nothing, and a delivery that fails
(the mail server is down, an address is refused) is logged and retried by ``flask registry send-mail`` instead of
failing a request whose data was already saved.
"""

from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app
from sqlalchemy import Integer, String, Text, event, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db

#: A message is tried this often before it is left for an operator to look at.
MAX_ATTEMPTS = 10
_QUEUED = "outbox_queued"


class OutgoingMail(db.Model):
    """A message waiting for delivery, or delivered (kept as the record of what was sent)."""

    __tablename__ = "outgoing_mail"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))


def queue(recipient: str, subject: str, body: str) -> OutgoingMail:
    """Store a message in the caller's transaction; it is delivered after that transaction commits."""
    mail = OutgoingMail(recipient=recipient, subject=subject, body=body,
                        message_id=make_msgid(domain="partnerregister"), attempts=0)
    db.session.add(mail)
    db.session.flush()
    db.session.info.setdefault(_QUEUED, []).append(mail.id)
    return mail


def as_message(mail: OutgoingMail) -> EmailMessage:
    """The stored message as an e-mail, From the configured sender."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = mail.recipient
    message["Subject"] = mail.subject
    message["Message-ID"] = mail.message_id
    message.set_content(mail.body)
    return message


def deliver(ids: list[int]) -> int:
    """Try to deliver these queued messages now; returns how many went. Failures are logged and recorded."""
    from registry.core.mail import transmit

    sent = 0
    with db.engine.connect() as connection:
        rows = connection.execute(select(OutgoingMail.__table__).where(
            OutgoingMail.id.in_(ids), OutgoingMail.sent_at.is_(None))).all()
    for row in rows:
        mail = OutgoingMail(**row._mapping)
        try:
            transmit(as_message(mail))
        except Exception as error:  # any failure of the mail server must not undo or hide the saved change
            current_app.logger.exception("Mail %s to %s not delivered; it will be retried", mail.id, mail.recipient)
            _record(mail.id, attempts=OutgoingMail.attempts + 1, last_error=repr(error)[:500])
        else:
            _record(mail.id, sent_at=utcnow(), attempts=OutgoingMail.attempts + 1, last_error=None)
            sent += 1
    return sent


def retry_unsent() -> tuple[int, int]:
    """Deliver every message not yet sent that has attempts left; returns (sent, still waiting)."""
    with db.engine.connect() as connection:
        ids = list(connection.scalars(select(OutgoingMail.id).where(
            OutgoingMail.sent_at.is_(None), OutgoingMail.attempts < MAX_ATTEMPTS).order_by(OutgoingMail.id)))
    sent = deliver(ids)
    return sent, len(ids) - sent


def _record(mail_id: int, **values) -> None:
    # A transaction of its own: the change the mail reports has committed already, whatever happens here.
    with db.engine.begin() as connection:
        connection.execute(update(OutgoingMail.__table__).where(OutgoingMail.id == mail_id).values(**values))


@event.listens_for(Session, "after_commit")
def _deliver_committed(session: Session) -> None:
    ids = session.info.pop(_QUEUED, None)
    if ids:
        deliver(ids)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_QUEUED, None)
