"""Supervision is run by the municipality's administrators; officers may record findings."""

from registry.staff.policies import is_administrator, is_staff

__all__ = ["can_work_on_supervision", "is_administrator", "is_staff"]


def can_work_on_supervision(user, case, **_) -> bool:
    """Staff of the round's municipality."""
    return is_staff(user) and case.round.municipality_id == user.municipality_id


def can_view_round(user, supervision, **_) -> bool:
    """Staff of the round's municipality."""
    return is_staff(user) and supervision.municipality_id == user.municipality_id
