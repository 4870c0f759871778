"""Who may record awards: staff of the screening's own municipality."""

from registry.screening.policies import can_work_on_screening

__all__ = ["can_record_award"]


def can_record_award(user, case, **_) -> bool:
    """Staff who may work on the screening may record an award resting on it."""
    return can_work_on_screening(user, case)
