"""Who may do what with an association.

Representatives act for their own association only (owners manage people and submit);
staff of the home municipality may read the association's documents once it has been submitted.
"""

from sqlalchemy import select

from registry.associations.models import Association, Representative
from registry.core.authz import authenticated
from registry.extensions import db

__all__ = ["authenticated", "can_create_association", "can_edit_association", "can_manage_people",
           "can_read_documents", "can_view_association", "is_representative", "is_submitted"]


def _rights(user, association: Association) -> str | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(select(Representative.rights).where(
        Representative.association_id == association.id, Representative.user_id == user.id))


def is_representative(user, association: Association) -> bool:
    """The user acts for this association (owner or editor)."""
    return _rights(user, association) is not None


def can_create_association(user, **_) -> bool:
    """Any logged-in person who is not municipal staff may register an association."""
    return bool(user.is_authenticated and user.is_active and not user.is_staff)


def can_view_association(user, association: Association, **_) -> bool:
    """See the private overview of an association: its representatives."""
    return is_representative(user, association)


def can_edit_association(user, association: Association, **_) -> bool:
    """Edit the profile, upload documents, give declarations: owners and editors."""
    return is_representative(user, association)


def can_manage_people(user, association: Association, **_) -> bool:
    """Invite and remove representatives, submit to the municipality: owners only."""
    return _rights(user, association) == "owner"


def is_home_municipality_staff(user, association: Association) -> bool:
    """Active staff of the association's home municipality."""
    return bool(user.is_authenticated and user.is_staff and user.is_active
                and association.home_municipality_id == user.municipality_id)


def is_submitted(association: Association) -> bool:
    """The association has handed its profile in; until then it is its representatives' alone."""
    return association.status != "draft"


def can_read_documents(user, association: Association, **_) -> bool:
    """Download documents: the association's representatives, and its home municipality's staff once submitted."""
    return is_representative(user, association) or (
        is_submitted(association) and is_home_municipality_staff(user, association))
