"""Who may see public pages: everyone; profiles only when the association consented."""

from registry.core.authz import anyone, open_to_anonymous

__all__ = ["anyone", "can_view_profile"]


@open_to_anonymous
def can_view_profile(user, association) -> bool:
    """A profile is public only if the association consented; its representatives see it anyway."""
    from registry.associations.policies import is_representative

    return association.public_profile or is_representative(user, association)
