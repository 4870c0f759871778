"""Services behind the public pages."""

from registry.extensions import db


def remember_locale(user, language: str) -> None:
    """Store a user's language choice so it follows them to other devices and e-mails."""
    if user.locale != language:
        user.locale = language
        db.session.commit()
