"""Account operations: each owns its transaction and writes the audit trail."""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_login.config import COOKIE_DURATION
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from registry.accounts.models import User, UserSession
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


def register_user(email: str, password: str, display_name: str, locale: str) -> User | None:
    """Create an account and mail its verification link; for a taken address, mail the owner instead (None).

    The caller answers both the same way, so the form cannot be used to find out who has an account.
    """
    # Hashed for a taken address too, so that both answers take the same time.
    password_hash = hash_password(password)
    existing = find_user_by_email(email)
    if existing is not None:
        _tell_owner_of_registration_attempt(existing)
        return None
    user = User(email=normalise_email(email), password_hash=password_hash,
                display_name=display_name.strip(), locale=locale, role="member")
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:
        # The same address registered a moment ago by a parallel request: that one is the account.
        db.session.rollback()
        return None
    record_audit(user, "user.registered", user, after={"email": user.email})
    _queue_verification(user)  # with the account, so it leaves once the account is saved
    db.session.commit()
    return user


def _tell_owner_of_registration_attempt(user: User) -> None:
    """Mail the owner that someone tried to register their address, with the ways back into the account."""
    if not user.active:
        return  # a deactivated account can neither log in nor reset its password: nothing to offer
    send_mail(user.email, "accounts/mail/registration_attempt.txt", user.locale, user=user,
              login_link=url_for("accounts.login", _external=True),
              reset_link=url_for("accounts.forgot_password", _external=True))
    db.session.commit()  # the account is unchanged: this commits only the mail, which leaves once committed


def send_verification(user: User) -> None:
    """E-mail a new signed link that confirms the address."""
    _queue_verification(user)
    db.session.commit()  # only the mail: it leaves once committed


def _queue_verification(user: User) -> None:
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


def change_password(user: User, current_password: str, new_password: str, current_session: str | None) -> None:
    """Replace the password after checking the current one; every session but the current one ends."""
    if not verify_password(user.password_hash, current_password):
        raise FieldValueError("current_password", _("The current password is not correct."))
    _set_password(user, new_password, "user.password_changed", keep_session=current_session)


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
    db.session.commit()  # only the mail: it leaves once committed


def user_for_reset_token(token: str) -> User:
    """The user a reset link is for; raises TokenError if tampered, expired or already used."""
    payload = read_token(RESET, token, current_app.config["PASSWORD_RESET_MAX_AGE"])
    user = db.session.get(User, payload.get("uid"))
    if user is None or not user.active or payload.get("fp") != password_fingerprint(user):
        raise TokenError(expired=False)
    return user


def reset_password(user: User, new_password: str) -> None:
    """Set a new password from a reset link and end every session; the link proves the address, so verify it."""
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    # Whoever knew the old password may be logged in somewhere: the reset ends all sessions, none is kept.
    _set_password(user, new_password, "user.password_reset", keep_session=None)


def _set_password(user: User, new_password: str, action: str, keep_session: str | None) -> None:
    user.password_hash = hash_password(new_password)
    ended = end_sessions(user, keep=keep_session)
    record_audit(user, action, user, after={"sessions_ended": ended})
    db.session.commit()


def update_settings(user: User, display_name: str, locale: str) -> None:
    """Save name and language preference."""
    before = {"display_name": user.display_name, "locale": user.locale}
    user.display_name, user.locale = display_name.strip(), locale
    record_audit(user, "user.settings_changed", user, before=before,
                 after={"display_name": user.display_name, "locale": user.locale})
    db.session.commit()


# --- sessions: one row per login, named by a random token the cookies carry ----------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _lifetime(remember: bool) -> timedelta:
    """How long a session may log in: as long as the remember cookie lasts, else the session lifetime."""
    if not remember:
        return current_app.permanent_session_lifetime
    duration = current_app.config.get("REMEMBER_COOKIE_DURATION", COOKIE_DURATION)
    return duration if isinstance(duration, timedelta) else timedelta(seconds=duration)


def start_session(user: User, remember: bool, device: str | None) -> str:
    """Record a new login of the user and return its token, which becomes the user's id for Flask-Login."""
    now = utcnow()
    # Expired sessions log no one in any more; removing them here keeps the table to sessions that can.
    db.session.execute(delete(UserSession).where(UserSession.expires_at <= now))
    token = secrets.token_urlsafe(32)
    db.session.add(UserSession(user_id=user.id, token_hash=_token_hash(token), created_at=now,
                               expires_at=now + _lifetime(remember), device=device))
    db.session.commit()
    user.session_token = token
    return token


def user_for_session(token: str) -> User | None:
    """The active user whose unexpired session has this token, or None (ended, expired, unknown or deactivated)."""
    user = db.session.scalar(select(User).join(UserSession, UserSession.user_id == User.id).where(
        UserSession.token_hash == _token_hash(token), UserSession.expires_at > utcnow(), User.active))
    if user is not None:
        user.session_token = token
    return user


def end_session(user: User) -> None:
    """End the session the user is logged in through (logging out): its cookies no longer log anyone in."""
    if user.session_token:
        db.session.execute(delete(UserSession).where(UserSession.token_hash == _token_hash(user.session_token)))
        db.session.commit()


def end_sessions(user: User, keep: str | None = None) -> int:
    """End the user's sessions, except the one with the token ``keep``, in the caller's transaction; how many."""
    query = delete(UserSession).where(UserSession.user_id == user.id)
    if keep:
        query = query.where(UserSession.token_hash != _token_hash(keep))
    return db.session.execute(query).rowcount


def log_out_everywhere(user: User) -> None:
    """End every session of the user, the current one included."""
    ended = end_sessions(user)
    record_audit(user, "user.logged_out_everywhere", user, after={"sessions_ended": ended})
    db.session.commit()


def active_sessions(user: User) -> list[tuple[UserSession, bool]]:
    """The user's sessions that can still log in, newest first, each with whether it is the current one."""
    current = _token_hash(user.session_token) if user.session_token else None
    rows = db.session.scalars(select(UserSession).where(UserSession.user_id == user.id,
                                                        UserSession.expires_at > utcnow())
                              .order_by(UserSession.created_at.desc(), UserSession.id.desc()))
    return [(row, row.token_hash == current) for row in rows]
