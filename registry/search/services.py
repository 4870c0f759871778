"""One search service over both engines: SQLite FTS5 and PostgreSQL full-text search."""

import re
from dataclasses import dataclass, field

from flask_babel import force_locale
from sqlalchemy import Float, Integer, and_, cast, exists, func, literal_column, select, text
from sqlalchemy.dialects.postgresql import REGCONFIG

from registry.associations.choices import ROLES, TARGET_GROUPS
from registry.associations.models import Association, AssociationSelection
from registry.extensions import db
from registry.search.models import SearchDocument
from registry.staff.models import PartnerStatus
from registry.staff.scope import visible_to_staff

LANGUAGES = {"DK": "danish", "SE": "swedish"}
SORTS = ("relevance", "name", "newest", "updated")
WORD = re.compile(r"\w+", re.UNICODE)


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


@dataclass
class Filters:
    """What an officer narrowed the search to; empty means no restriction."""

    query: str = ""
    status: str = ""
    role: str = ""
    motivation: str = ""
    collaboration: str = ""
    target_group: str = ""
    local_area: str = ""
    has_number: str = ""  # "yes" / "no" / ""
    documents_complete: bool = False
    sort: str = "relevance"
    extra: dict = field(default_factory=dict)


def _text_match(query: str, country: str):
    """A subquery (association_id, score) of associations matching the words; higher score is better."""
    words = WORD.findall(query)[:12]
    if not words:
        return None
    if db.engine.dialect.name == "postgresql":
        config = cast(LANGUAGES.get(country, "simple"), REGCONFIG)
        tsquery = func.to_tsquery(config, " & ".join(f"{word}:*" for word in words))
        return (select(SearchDocument.association_id.label("association_id"),
                       func.ts_rank_cd(SearchDocument.vector, tsquery).label("score"))
                .where(SearchDocument.vector.op("@@")(tsquery)).subquery("matches"))
    match = " ".join(f'"{word}"*' for word in words)
    return (text("SELECT rowid AS association_id, -bm25(association_fts, 10.0, 1.0) AS score "
                 "FROM association_fts WHERE association_fts MATCH :match")
            .bindparams(match=match).columns(association_id=Integer, score=Float).subquery("matches"))


def _selection(kind: str, key: str):
    return exists(select(AssociationSelection.association_id).where(
        AssociationSelection.association_id == Association.id, AssociationSelection.kind == kind,
        AssociationSelection.key == key))


def _status_condition(status: str, municipality_id: int):
    row = select(PartnerStatus.association_id).where(
        PartnerStatus.association_id == Association.id, PartnerStatus.municipality_id == municipality_id)
    if status == "submitted":
        return ~exists(row.where(PartnerStatus.status != "submitted"))
    return exists(row.where(PartnerStatus.status == status))


def _conditions(filters: Filters, municipality_id: int) -> list:
    conditions = [visible_to_staff(municipality_id)]
    if filters.status:
        conditions.append(_status_condition(filters.status, municipality_id))
    for kind in ("role", "motivation", "collaboration", "target_group"):
        if getattr(filters, kind):
            conditions.append(_selection(kind, getattr(filters, kind)))
    if filters.local_area:
        conditions.append(Association.local_areas.ilike(f"%{filters.local_area}%"))
    if filters.has_number == "yes":
        conditions.append(Association.registration_number.is_not(None))
    elif filters.has_number == "no":
        conditions.append(Association.registration_number.is_(None))
    if filters.documents_complete:
        conditions.append(Association.documents_complete.is_(True))
    return conditions


def search_statement(filters: Filters, municipality_id: int, country: str):
    """The SELECT of matching associations, sorted; callers paginate or export it."""
    statement = select(Association).where(and_(*_conditions(filters, municipality_id)))
    matches = _text_match(filters.query, country) if filters.query else None
    if filters.query and matches is None:
        return statement.where(False)
    if matches is not None:
        statement = statement.join(matches, matches.c.association_id == Association.id)
    order = {
        "name": [func.lower(Association.name)],
        "newest": [Association.submitted_at.desc()],
        "updated": [Association.updated_at.desc()],
    }.get(filters.sort)
    if order is None:
        order = [matches.c.score.desc()] if matches is not None else [Association.submitted_at.desc()]
    return statement.order_by(*order, Association.id)


def search_associations(filters: Filters, municipality_id: int, country: str, page: int = 1,
                        per_page: int = 25):
    """One page of results with the total; relations the result list shows are loaded in bulk."""
    from sqlalchemy.orm import selectinload

    statement = search_statement(filters, municipality_id, country).options(
        selectinload(Association.home_municipality), selectinload(Association.selections))
    return db.paginate(statement, page=max(page, 1), per_page=per_page, error_out=False, max_per_page=100)
