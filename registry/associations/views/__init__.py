"""Views of the associations blueprint."""

from registry.associations.models import Association
from registry.core.authz import loads

_load_association = loads(Association, "association")


def load_association(association_id: int, **kwargs) -> dict:
    """URL loader: the association, or 404; also called with the id positionally by the other loaders."""
    return _load_association(association_id=association_id, **kwargs)
