"""Who may see public pages: everyone; profiles only when the association consented and submitted."""

from registry.core.authz import anyone, open_to_anonymous

__all__ = ["anyone", "can_view_profile", "is_public"]


def is_public(association) -> bool:
    """The profile is shown to everyone: the association consented, and has been submitted."""
    from registry.associations.policies import is_submitted

    return association.public_profile and is_submitted(association)


@open_to_anonymous
def can_view_profile(user, association) -> bool:
    """A profile is public only once the association consented and submitted; its representatives see it anyway."""
    from registry.associations.policies import is_representative

    return is_public(association) or is_representative(user, association)
