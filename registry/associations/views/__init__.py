"""Views of the associations blueprint."""

from registry.associations.models import Association
from registry.core.authz import loads

#: URL loader: the association, or 404.
load_association = loads(Association, "association")
