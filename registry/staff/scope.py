"""Which associations a municipality's staff may see."""

from sqlalchemy import exists, or_, select

from registry.associations.models import Association, association_municipalities


def in_municipality(municipality_id: int):
    """SQL condition: home municipality, or one of the municipalities it is active in."""
    active = exists(select(association_municipalities.c.association_id).where(
        association_municipalities.c.association_id == Association.id,
        association_municipalities.c.municipality_id == municipality_id))
    return or_(Association.home_municipality_id == municipality_id, active)


def visible_to_staff(municipality_id: int):
    """SQL condition for staff: in the municipality and handed in (drafts stay private)."""
    return in_municipality(municipality_id) & (Association.status != "draft")


def association_in_scope(association: Association, municipality_id: int | None) -> bool:
    """The same rule for one loaded association."""
    if municipality_id is None or association.status == "draft":
        return False
    return association.home_municipality_id == municipality_id or any(
        m.id == municipality_id for m in association.active_municipalities)
