"""Representatives: invitations by e-mail, acceptance, removal."""

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from registry.accounts.models import User
from registry.accounts.services import normalise_email
from registry.associations.models import Association, Invitation, Representative
from registry.audit.services import record_audit
from registry.core.forms import FieldValueError
from registry.core.locking import lock
from registry.core.mail import send_mail
from registry.core.models import utcnow
from registry.core.tokens import TokenError, make_token, read_token
from registry.extensions import db

PURPOSE = "invitation"


def representatives_of(association: Association) -> list[Representative]:
    """Everyone acting for the association, owners first."""
    return sorted(db.session.scalars(select(Representative).where(Representative.association_id == association.id)),
                  key=lambda r: (r.rights != "owner", r.user.display_name.lower()))


def open_invitations(association: Association) -> list[Invitation]:
    """Invitations neither accepted nor revoked."""
    return list(db.session.scalars(select(Invitation).where(
        Invitation.association_id == association.id, Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None)).order_by(Invitation.created_at)))


def invite_representative(actor, association: Association, email: str, rights: str, locale: str) -> Invitation:
    """Invite someone by e-mail to act for the association."""
    email = normalise_email(email)
    already = db.session.scalar(select(Representative).join(User, User.id == Representative.user_id).where(
        Representative.association_id == association.id, User.email == email))
    if already is not None:
        raise FieldValueError("email", _("This person already represents the association."))
    invitation = Invitation(association_id=association.id, email=email, rights=rights, invited_by_id=actor.id)
    db.session.add(invitation)
    db.session.flush()
    record_audit(actor, "representative.invited", invitation, association_id=association.id,
                 after={"email": email, "rights": rights})
    link = url_for("associations.accept_invitation", token=make_token(PURPOSE, {"id": invitation.id}),
                   _external=True)
    send_mail(email, "associations/mail/invitation.txt", locale, association=association, inviter=actor,
              link=link, days=current_app.config["INVITATION_MAX_AGE"] // 86400)
    db.session.commit()
    return invitation


def invitation_from_token(token: str) -> Invitation:
    """The open invitation a link is for; TokenError if tampered, expired, used or revoked."""
    payload = read_token(PURPOSE, token, current_app.config["INVITATION_MAX_AGE"])
    invitation = db.session.get(Invitation, payload.get("id")) if isinstance(payload, dict) else None
    if invitation is None or not invitation.is_open:
        raise TokenError(expired=False)
    return invitation


def accept_invitation(user, invitation: Invitation) -> Representative:
    """Make the invited user a representative; only the invited address may accept."""
    if normalise_email(user.email) != invitation.email:
        raise PermissionError("invitation addressed to another e-mail")
    representative = db.session.scalar(select(Representative).where(
        Representative.association_id == invitation.association_id, Representative.user_id == user.id))
    if representative is None:
        representative = Representative(association_id=invitation.association_id, user_id=user.id,
                                        rights=invitation.rights)
        db.session.add(representative)
    invitation.accepted_at = utcnow()
    db.session.flush()
    record_audit(user, "representative.joined", representative, association_id=invitation.association_id,
                 after={"user": user.email, "rights": representative.rights})
    db.session.commit()
    return representative


def revoke_invitation(actor, invitation: Invitation) -> None:
    """Withdraw an invitation that has not been accepted."""
    invitation.revoked_at = utcnow()
    record_audit(actor, "representative.invitation_revoked", invitation, association_id=invitation.association_id,
                 before={"email": invitation.email})
    db.session.commit()


def remove_representative(actor, representative: Representative) -> None:
    """Remove a representative; the last owner cannot be removed, even by two owners removing each other at once."""
    lock(representative.association)
    if representative.rights == "owner":
        owners = db.session.scalar(select(func.count()).select_from(Representative).where(
            Representative.association_id == representative.association_id, Representative.rights == "owner"))
        if owners <= 1:
            raise FieldValueError("representative", _("The association must keep at least one owner."))
    record_audit(actor, "representative.removed", representative, association_id=representative.association_id,
                 before={"user": representative.user.email, "rights": representative.rights})
    db.session.delete(representative)
    db.session.commit()
