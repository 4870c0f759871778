"""Which associations a municipality's staff may see."""

from sqlalchemy import exists, or_, select, union_all

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


# Aliases for visible_ids(), made once: building an alias of a 35-column table costs more than the query.
_HOME = Association.__table__.alias("visible_home")
_ACTIVE = Association.__table__.alias("visible_active")


def visible_ids(municipality_id: int):
    """The ids visible_to_staff() admits, as a SELECT driven by indexes rather than a scan of every association.

    Home associations come from the (home_municipality_id, status) index alone; the few that are only active
    in the municipality come through association_municipalities.municipality_id. Lists and counts over a
    municipality's register filter on ``id IN (visible_ids(...))`` so their cost follows the municipality's
    size, not the size of the whole register.
    """
    links = association_municipalities
    home = select(_HOME.c.id).where(_HOME.c.home_municipality_id == municipality_id, _HOME.c.status != "draft")
    active = (select(links.c.association_id).join(_ACTIVE, _ACTIVE.c.id == links.c.association_id)
              .where(links.c.municipality_id == municipality_id, _ACTIVE.c.status != "draft",
                     _ACTIVE.c.home_municipality_id.is_distinct_from(municipality_id)))
    return union_all(home, active)


def association_in_scope(association: Association, municipality_id: int | None) -> bool:
    """The same rule for one loaded association."""
    if municipality_id is None or association.status == "draft":
        return False
    return association.home_municipality_id == municipality_id or any(
        m.id == municipality_id for m in association.active_municipalities)
