"""Mail leaves through the outbox: after the change it reports has committed, and a failure never undoes it."""

import logging
import socket
from datetime import date, timedelta

import pytest
from aiosmtpd.controller import Controller
from flask import current_app
from sqlalchemy import func, select

from registry.core.mail import send_mail
from registry.core.outbox import OutgoingMail
from registry.extensions import db
from registry.screening.models import Hearing, ScreeningCase


class Collector:
    """aiosmtpd handler that keeps every envelope it receives."""

    def __init__(self) -> None:
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _outbox() -> list[OutgoingMail]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutgoingMail).order_by(OutgoingMail.id)))


@pytest.fixture
def unreachable(app):
    """The app with a mail server that is down: nothing listens on its port."""
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_free_port(), MAIL_DEFAULT_SENDER="Kommunen <no-reply@test>")
    app.extensions.pop("mail_outbox")
    return app


def _send_hearing(app, factories, login):
    from registry.checklists.services import load_templates

    load_templates()
    officer = factories.staff(email="officer@aarhus.example")
    owner = factories.user(email="owner@forening.example")
    association = factories.submitted_association(owner=owner, complete=True)
    client = login(officer, test_client=app.test_client())
    client.post(f"/staff/screening/associations/{association.id}/open",
                data={"screening-legal_basis": "dk_fol_stk3", "screening-applies_grant": "y"})
    case_id = db.session.scalar(select(ScreeningCase.id).where(ScreeningCase.association_id == association.id))
    return client.post(f"/staff/screening/{case_id}/hearing", data={
        "hearing-facts": "Opslag på foreningens side.", "hearing-deadline": (date.today() + timedelta(days=14))
        .isoformat()}), owner


def test_a_mail_server_that_is_down_neither_fails_nor_undoes_the_saved_change(unreachable, factories, login, caplog):
    """The hearing is saved and the officer sees success; the mail waits, logged, for the next attempt."""
    caplog.set_level(logging.ERROR)
    response, owner = _send_hearing(unreachable, factories, login)
    assert response.status_code == 303
    assert db.session.scalar(select(func.count()).select_from(Hearing)) == 1
    (mail,) = _outbox()
    assert (mail.recipient, mail.sent_at, mail.attempts) == (owner.email, None, 1)
    assert mail.last_error and "not delivered" in caplog.text

    port, collector = _free_port(), Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        unreachable.config["MAIL_PORT"] = port
        db.session.close()  # as cron would, the command runs outside the test's open transaction
        result = unreachable.test_cli_runner().invoke(args=["registry", "send-mail"])
    finally:
        controller.stop()
    assert result.exit_code == 0 and "1 sent, 0 waiting" in result.output
    (mail,) = _outbox()
    assert mail.sent_at is not None and mail.attempts == 2
    assert [envelope.rcpt_tos for envelope in collector.envelopes] == [[owner.email]]


def test_a_change_that_is_rolled_back_sends_nothing(app, outbox):
    """A message queued in a transaction that is rolled back is neither stored nor sent."""
    with current_app.test_request_context():
        send_mail("someone@example.org", "accounts/mail/verify.txt", "da", user=None, link="https://x", hours=1)
    db.session.rollback()
    assert _outbox() == [] and outbox == []


def test_a_queued_message_leaves_when_its_change_commits(app, outbox):
    """Until the commit nothing is sent; after it, the message is delivered once and marked sent."""
    with current_app.test_request_context():
        send_mail("someone@example.org", "accounts/mail/verify.txt", "da", user=None, link="https://x", hours=1)
    assert outbox == []
    db.session.commit()
    assert [message["To"] for message in outbox] == ["someone@example.org"]
    (mail,) = _outbox()
    assert mail.sent_at is not None


def test_a_line_break_typed_into_a_name_cannot_break_the_subject(app, outbox):
    """The subject is one header line whatever a name contains."""
    from registry.core.mail import render_mail

    with current_app.test_request_context():
        subject, _body = render_mail("screening/mail/hearing_answered.txt", "en", user=None,
                                     case=type("Case", (), {"number": "2026-00001"})(),
                                     association=type("Association", (), {"name": "Klub\r\nBcc: x@example.org"})(),
                                     link="https://x")
    assert "\r" not in subject and "\n" not in subject
