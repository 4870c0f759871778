"""The search documents: what of an association is found by the full-text search of both engines."""

from flask_babel import force_locale
from sqlalchemy import cast, func, literal_column
from sqlalchemy.dialects.postgresql import REGCONFIG

from registry.associations.choices import ROLES, TARGET_GROUPS
from registry.associations.models import Association
from registry.extensions import db
from registry.search.models import SearchDocument

LANGUAGES = {"DK": "danish", "SE": "swedish"}


def _labels_in_all_languages(choices, keys: list[str]) -> list[str]:
    """Labels of the chosen keys in da, sv and en, so that a search in any language finds them."""
    words = [key.replace("_", " ") for key in keys]  # the keys are plain English words too ("youth")
    for locale in ("da", "sv", "en"):
        with force_locale(locale):
            words.extend(str(label) for label in choices.labels(keys))
    return words


def document_text(association: Association) -> tuple[str, str]:
    """The name, and everything else worth finding, as plain text."""
    municipalities = [m.name for m in association.active_municipalities]
    if association.home_municipality is not None:
        municipalities.insert(0, association.home_municipality.name)
    parts = [association.purpose, association.activities, association.target_groups_other,
             association.local_areas, association.roles_description, " ".join(municipalities),
             " ".join(_labels_in_all_languages(TARGET_GROUPS, association.selected("target_group"))),
             " ".join(_labels_in_all_languages(ROLES, association.selected("role")))]
    return association.name, "\n".join(part for part in parts if part)


def _pg_vector(language: str, name: str, body: str):
    config = cast(language, REGCONFIG)
    return (func.setweight(func.to_tsvector(config, name), literal_column("'A'"))
            .op("||")(func.setweight(func.to_tsvector(config, body), literal_column("'B'"))))


def reindex_association(association: Association) -> None:
    """Rebuild the association's search document (inside the caller's transaction)."""
    name, body = document_text(association)
    language = LANGUAGES.get(association.country, "simple")
    document = db.session.get(SearchDocument, association.id)
    if document is None:
        document = SearchDocument(association_id=association.id)
        db.session.add(document)
    document.language, document.name_text, document.body_text = language, name, body
    if db.engine.dialect.name == "postgresql":
        document.vector = _pg_vector(language, name, body)
