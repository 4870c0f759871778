"""Who may use the account pages."""

from registry.core.authz import anonymous_only, anyone, authenticated

__all__ = ["anonymous_only", "anyone", "authenticated"]
