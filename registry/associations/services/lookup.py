"""Loading associations and the lists a representative sees."""

from flask import abort
from sqlalchemy import select

from registry.associations.models import Association, Representative
from registry.extensions import db


def get_association_or_404(association_id: int) -> Association:
    """The association with this id, or a 404."""
    association = db.session.get(Association, association_id)
    if association is None:
        abort(404)
    return association


def associations_of(user) -> list[tuple[Association, str]]:
    """The associations a user represents, with the user's rights, by name."""
    rows = db.session.execute(
        select(Association, Representative.rights)
        .join(Representative, Representative.association_id == Association.id)
        .where(Representative.user_id == user.id)
        .order_by(Association.name))
    return [(association, rights) for association, rights in rows]
