"""Anyone reads published lists; administrators publish them."""

from registry.core.authz import anyone
from registry.staff.policies import is_administrator

__all__ = ["anyone", "is_administrator"]
