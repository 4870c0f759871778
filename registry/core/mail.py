"""Outgoing e-mail: rendered in the recipient's language, queued in the outbox (registry/core/outbox.py), and
transmitted by SMTP when MAIL_SERVER is set, otherwise printed to the console."""

import smtplib
import sys
from email.message import EmailMessage

from flask import current_app, render_template
from flask_babel import force_locale


def render_mail(template: str, locale: str, **context) -> tuple[str, str]:
    """Render a mail template (first line is the subject) in the recipient's language."""
    with force_locale(locale):
        text = render_template(template, **context)
    subject, _, body = text.strip().partition("\n")
    # A subject is one header line: a line break typed into a name must not break (or forge) the header.
    return " ".join(subject.split())[:300], body.strip() + "\n"


def send_mail(to: str, template: str, locale: str, **context) -> None:
    """Compose a plain-text message from a template and queue it with the caller's change.

    It leaves once the caller's transaction commits; a caller that changes nothing else commits it itself.
    """
    from registry.core.outbox import queue

    subject, body = render_mail(template, locale, **context)
    queue(to, subject, body)


def transmit(message: EmailMessage) -> None:
    """Send through SMTP, or print when no server is configured (development)."""
    config = current_app.config
    outbox = current_app.extensions.get("mail_outbox")
    if outbox is not None:
        outbox.append(message)
    if not config.get("MAIL_SERVER"):
        if outbox is None:
            print(f"\n----- e-mail -----\n{message}\n------------------", file=sys.stderr, flush=True)
        return
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=15) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
