"""Outgoing e-mail: SMTP when MAIL_SERVER is set, otherwise printed to the console."""

import smtplib
import sys
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, render_template
from flask_babel import force_locale


def render_mail(template: str, locale: str, **context) -> tuple[str, str]:
    """Render a mail template (first line is the subject) in the recipient's language."""
    with force_locale(locale):
        text = render_template(template, **context)
    subject, _, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def send_mail(to: str, template: str, locale: str, **context) -> EmailMessage:
    """Compose a plain-text message from a template and deliver it."""
    subject, body = render_mail(template, locale, **context)
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="partnerregister")
    message.set_content(body)
    _deliver(message)
    return message


def _deliver(message: EmailMessage) -> None:
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
