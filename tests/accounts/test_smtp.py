"""Mail over real SMTP: a local aiosmtpd server receives the verification mail."""

import socket
from email import message_from_bytes, policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller

from tests.accounts.helpers import register, user_by_email
from tests.conftest import link_in


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


@pytest.fixture
def smtp_server():
    """A throwaway SMTP server on 127.0.0.1; yields (port, collector)."""
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller.port, collector
    finally:
        controller.stop()


def test_verification_mail_over_smtp(make_app, smtp_server):
    """Registering sends the mail through SMTP; its link, followed, verifies the address."""
    port, collector = smtp_server
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=port,
                   MAIL_DEFAULT_SENDER="Partnerregister <no-reply@test>")
    app.extensions.pop("mail_outbox")
    client = app.test_client()

    assert register(client, email="Anna@Example.org", display_name="Anna Ågren").status_code == 303

    assert len(collector.envelopes) == 1
    envelope = collector.envelopes[0]
    assert envelope.mail_from == "no-reply@test"
    assert envelope.rcpt_tos == ["anna@example.org"]
    message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
    assert message["To"] == "anna@example.org"
    assert "Anna Ågren" in message.get_content()
    assert not user_by_email("anna@example.org").is_verified

    response = client.get(urlsplit(link_in(message)).path)

    assert response.status_code == 302
    assert user_by_email("anna@example.org").is_verified
