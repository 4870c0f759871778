"""Who may see and extend checklist templates."""

from registry.staff.policies import is_administrator, is_staff

__all__ = ["is_administrator", "is_staff"]
