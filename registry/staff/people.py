"""Staff accounts: an administrator invites colleagues and deactivates them."""

import secrets

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from registry.accounts.models import User
from registry.accounts.passwords import hash_password
from registry.accounts.services import end_sessions, find_user_by_email, normalise_email, password_fingerprint
from registry.audit.services import record_audit
from registry.core.forms import FieldValueError
from registry.core.mail import send_mail
from registry.core.models import utcnow
from registry.core.tokens import TokenError, make_token, read_token
from registry.extensions import db

PURPOSE = "staff-invitation"


def staff_of(municipality_id: int) -> list[User]:
    """Everyone working for the municipality, active first."""
    return list(db.session.scalars(select(User).where(
        User.municipality_id == municipality_id, User.role.in_(("officer", "administrator")))
        .order_by(User.active.desc(), User.display_name)))


def invite_staff(actor, display_name: str, email: str, role: str) -> User:
    """Create a colleague's account and e-mail a link to choose a password."""
    if find_user_by_email(email) is not None:
        raise FieldValueError("email", _("An account with this e-mail address already exists."))
    user = User(email=normalise_email(email), display_name=display_name.strip(), role=role,
                municipality_id=actor.municipality_id, locale=actor.locale,
                password_hash=hash_password(secrets.token_urlsafe(32)))
    db.session.add(user)
    db.session.flush()
    record_audit(actor, "staff.invited", user, after={"email": user.email, "role": role})
    token = make_token(PURPOSE, {"uid": user.id, "fp": password_fingerprint(user)})
    send_mail(user.email, "staff/mail/invitation.txt", user.locale, user=user, inviter=actor,
              link=url_for("staff.accept_invitation", token=token, _external=True),
              days=current_app.config["INVITATION_MAX_AGE"] // 86400)
    db.session.commit()
    return user


def user_for_invitation(token: str) -> User:
    """The invited colleague; TokenError if the link is bad, old or already used."""
    payload = read_token(PURPOSE, token, current_app.config["INVITATION_MAX_AGE"])
    user = db.session.get(User, payload.get("uid")) if isinstance(payload, dict) else None
    if user is None or not user.active or payload.get("fp") != password_fingerprint(user):
        raise TokenError(expired=False)
    return user


def accept_staff_invitation(user: User, password: str) -> None:
    """Set the first password; the link proves the address."""
    user.password_hash = hash_password(password)
    user.email_verified_at = user.email_verified_at or utcnow()
    record_audit(user, "staff.joined", user)
    db.session.commit()


def set_active(actor, member: User, active: bool) -> None:
    """Deactivate (or reactivate) a colleague; deactivation ends their sessions, and they cannot log in."""
    if member.active == active:
        return
    member.active = active
    if active:
        record_audit(actor, "staff.activated", member, before={"active": False}, after={"active": True})
    else:
        # Ended, not just refused while inactive: a reactivation must not bring old cookies back to life.
        ended = end_sessions(member)
        record_audit(actor, "staff.deactivated", member, before={"active": True},
                     after={"active": False, "sessions_ended": ended})
    db.session.commit()
