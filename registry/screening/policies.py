"""Who may screen, decide, approve, and read hearings and decisions."""

from registry.associations.policies import is_representative
from registry.staff.policies import can_view_as_staff, is_administrator, is_staff

__all__ = ["can_answer_hearing", "can_open_screening", "can_read_decision", "can_review_decision",
           "can_work_on_screening", "is_administrator", "is_staff"]


def can_open_screening(user, association, **_) -> bool:
    """Staff may screen associations in their municipality."""
    return can_view_as_staff(user, association)


def can_work_on_screening(user, case, **_) -> bool:
    """Only the case's own municipality sees and edits it."""
    return is_staff(user) and case.municipality_id == user.municipality_id


def can_review_decision(user, decision, **_) -> bool:
    """Staff of the case's municipality may review (the service refuses the proposer)."""
    return can_work_on_screening(user, decision.case)


def can_answer_hearing(user, association, hearing, **_) -> bool:
    """The association's representatives see and answer hearings put to it."""
    return is_representative(user, association)


def can_read_decision(user, association, decision, **_) -> bool:
    """Representatives read final decisions about their association."""
    return is_representative(user, association) and decision.status == "final"
