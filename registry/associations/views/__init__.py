"""Views of the associations blueprint."""

from registry.associations.services.lookup import get_association_or_404


def load_association(association_id: int) -> dict:
    """URL loader: the association, or 404."""
    return {"association": get_association_or_404(association_id)}
