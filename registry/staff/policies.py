"""Who may use the staff workspace: active staff, scoped to their own municipality."""

from registry.staff.scope import association_in_scope

__all__ = ["can_manage_staff", "can_view_as_staff", "is_administrator", "is_staff"]


def is_staff(user, **_) -> bool:
    """An active officer or administrator of a municipality."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def is_administrator(user, **_) -> bool:
    """An active municipal administrator."""
    return is_staff(user) and user.role == "administrator"


def can_view_as_staff(user, association, **_) -> bool:
    """Staff see associations whose home or active municipality is theirs, once handed in."""
    return is_staff(user) and association_in_scope(association, user.municipality_id)


def can_manage_staff(user, member, **_) -> bool:
    """Administrators manage staff of their own municipality (not themselves)."""
    return (is_administrator(user) and member.municipality_id == user.municipality_id
            and member.id != user.id and member.role in ("officer", "administrator"))
