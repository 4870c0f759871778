"""Account operations: each owns its transaction and writes the audit trail."""

import hashlib

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from registry.accounts.models import User
from registry.accounts.passwords import hash_password, needs_rehash, verify_password
from registry.audit.services import record_audit
from registry.core.forms import FieldValueError
from registry.core.mail import send_mail
from registry.core.models import utcnow
from registry.core.tokens import TokenError, make_token, read_token
from registry.extensions import db

VERIFY, RESET = "verify-email", "reset-password"


def normalise_email(email: str) -> str:
    """E-mail addresses are compared case-insensitively and without surrounding space."""
    return (email or "").strip().lower()


def find_user_by_email(email: str) -> User | None:
    """The user with this address, if any."""
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def register_user(email: str, password: str, display_name: str, locale: str) -> User:
    """Create an account and send the verification link; refuses a taken address."""
    if find_user_by_email(email) is not None:
        raise FieldValueError("email", _("An account with this e-mail address already exists. "
                                         "Log in, or reset your password if you have forgotten it."))
    user = User(email=normalise_email(email), password_hash=hash_password(password),
                display_name=display_name.strip(), locale=locale, role="member")
    db.session.add(user)
    db.session.flush()
    record_audit(user, "user.registered", user, after={"email": user.email})
    db.session.commit()
    send_verification(user)
    return user


def send_verification(user: User) -> None:
    """E-mail a signed link that confirms the address."""
    token = make_token(VERIFY, {"uid": user.id, "email": user.email})
    link = url_for("accounts.verify_email", token=token, _external=True)
    send_mail(user.email, "accounts/mail/verify.txt", user.locale, user=user, link=link,
              hours=current_app.config["EMAIL_VERIFY_MAX_AGE"] // 3600)


def verify_email(token: str) -> User:
    """Mark the address in a valid link as verified; raises TokenError for bad or old links."""
    payload = read_token(VERIFY, token, current_app.config["EMAIL_VERIFY_MAX_AGE"])
    user = db.session.get(User, payload.get("uid"))
    if user is None or user.email != payload.get("email"):
        raise TokenError(expired=False)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        record_audit(user, "user.email_verified", user, after={"email": user.email})
        db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None (the same answer for every failure)."""
    user = find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    if not user.active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Replace the password after checking the current one."""
    if not verify_password(user.password_hash, current_password):
        raise FieldValueError("current_password", _("The current password is not correct."))
    _set_password(user, new_password, "user.password_changed")


def password_fingerprint(user: User) -> str:
    """Part of one-time links: once the password changes, every older link stops working."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def request_password_reset(email: str) -> None:
    """E-mail a reset link if the address belongs to an active account; silent otherwise."""
    user = find_user_by_email(email)
    if user is None or not user.active:
        return
    token = make_token(RESET, {"uid": user.id, "fp": password_fingerprint(user)})
    link = url_for("accounts.reset_password", token=token, _external=True)
    send_mail(user.email, "accounts/mail/reset.txt", user.locale, user=user, link=link,
              minutes=current_app.config["PASSWORD_RESET_MAX_AGE"] // 60)


def user_for_reset_token(token: str) -> User:
    """The user a reset link is for; raises TokenError if tampered, expired or already used."""
    payload = read_token(RESET, token, current_app.config["PASSWORD_RESET_MAX_AGE"])
    user = db.session.get(User, payload.get("uid"))
    if user is None or not user.active or payload.get("fp") != password_fingerprint(user):
        raise TokenError(expired=False)
    return user


def reset_password(user: User, new_password: str) -> None:
    """Set a new password from a reset link; the link proves the address, so verify it too."""
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    _set_password(user, new_password, "user.password_reset")


def _set_password(user: User, new_password: str, action: str) -> None:
    user.password_hash = hash_password(new_password)
    record_audit(user, action, user)
    db.session.commit()


def update_settings(user: User, display_name: str, locale: str) -> None:
    """Save name and language preference."""
    before = {"display_name": user.display_name, "locale": user.locale}
    user.display_name, user.locale = display_name.strip(), locale
    record_audit(user, "user.settings_changed", user, before=before,
                 after={"display_name": user.display_name, "locale": user.locale})
    db.session.commit()
