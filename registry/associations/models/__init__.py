"""Association models: the profile and everything hanging off it."""

from registry.associations.models.association import (
    Association,
    AssociationSelection,
    BoardMember,
    association_municipalities,
)
from registry.associations.models.files import Declaration, Document
from registry.associations.models.people import Invitation, Representative

__all__ = [
    "Association", "AssociationSelection", "BoardMember", "association_municipalities",
    "Declaration", "Document", "Invitation", "Representative",
]
