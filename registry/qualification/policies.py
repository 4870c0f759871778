"""Who may work on qualification cases: staff of the case's own municipality."""

from registry.staff.policies import can_view_as_staff, is_staff

__all__ = ["can_open_case", "can_work_on_case"]


def can_open_case(user, association, **_) -> bool:
    """Staff may open a case about an association in their municipality."""
    return can_view_as_staff(user, association)


def can_work_on_case(user, case, **_) -> bool:
    """Only the case's own municipality sees and edits it."""
    return is_staff(user) and case.municipality_id == user.municipality_id
