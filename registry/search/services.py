"""One search service over both engines: SQLite FTS5 and PostgreSQL full-text search."""

import re
from dataclasses import dataclass, field

from flask_babel import force_locale
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Float, Integer, cast, exists, false, func, literal_column, select, text
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.orm import aliased, selectinload
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from registry.associations.choices import ROLES, TARGET_GROUPS
from registry.associations.models import Association, AssociationSelection
from registry.extensions import db
from registry.search.models import SearchDocument
from registry.staff.models import PartnerStatus
from registry.staff.scope import visible_ids

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


#: The association row in _ranked(), aliased so that callers can join Association itself; made once, because
#: building an alias of a 35-column entity costs more than running the query on a small register.
_CANDIDATE = aliased(Association, name="candidate")


def _unindexed(column):
    """``+column``: the same value, but SQLite's planner may not drive the query through it.

    Used on the id coming out of the full-text match: the match must be the outer loop, with everything else
    looked up by id. Were the planner to start from another index instead (say, the municipality's
    associations), it would run the full-text query once per association: seconds instead of milliseconds.
    """
    return UnaryExpression(column, operator=operators.custom_op("+"))


def _selection(kind: str, key: str, association_id):
    return exists(select(AssociationSelection.association_id).where(
        AssociationSelection.association_id == association_id, AssociationSelection.kind == kind,
        AssociationSelection.key == key))


def _status_condition(status: str, municipality_id: int, association_id):
    row = select(PartnerStatus.association_id).where(
        PartnerStatus.association_id == association_id, PartnerStatus.municipality_id == municipality_id)
    if status == "submitted":
        return ~exists(row.where(PartnerStatus.status != "submitted"))
    return exists(row.where(PartnerStatus.status == status))


def _id_conditions(filters: Filters, municipality_id: int, association_id) -> list:
    """Conditions answered from narrow tables and indexes, by association id alone."""
    conditions = [association_id.in_(visible_ids(municipality_id))]
    if filters.status:
        conditions.append(_status_condition(filters.status, municipality_id, association_id))
    for kind in ("role", "motivation", "collaboration", "target_group"):
        if getattr(filters, kind):
            conditions.append(_selection(kind, getattr(filters, kind), association_id))
    return conditions


def _row_conditions(filters: Filters, row) -> list:
    """Conditions that need the association's own row."""
    conditions = []
    if filters.local_area:
        conditions.append(row.local_areas.ilike(f"%{filters.local_area}%"))
    if filters.has_number == "yes":
        conditions.append(row.registration_number.is_not(None))
    elif filters.has_number == "no":
        conditions.append(row.registration_number.is_(None))
    if filters.documents_complete:
        conditions.append(row.documents_complete.is_(True))
    return conditions


def _ranked(filters: Filters, municipality_id: int, country: str):
    """SELECT (id, key0[, key1]) of the matching associations the municipality sees, unsorted; None if none can match.

    Sorting by the key columns (see _order) gives the order of the result list. Only ids, scores and sort keys
    are selected, so a big result is ranked without reading every association's full row.
    """
    matches = _text_match(filters.query, country) if filters.query else None
    if filters.query and matches is None:
        return None
    row = _CANDIDATE
    needs_row = matches is None or filters.sort in ("name", "newest", "updated") or bool(_row_conditions(filters, row))
    if matches is not None:
        association_id = _unindexed(matches.c.association_id)
        statement = select(association_id.label("id")).select_from(matches)
        if needs_row:
            statement = statement.join(row, row.id == association_id)
    else:
        association_id = row.id
        statement = select(row.id.label("id"))
    sort_keys = {
        "name": [func.lower(row.name)],
        "newest": [row.submitted_at],
        "updated": [row.updated_at],
    }.get(filters.sort)
    if sort_keys is None:
        sort_keys = [matches.c.score] if matches is not None else [row.submitted_at]
    return (statement.add_columns(*(key.label(f"key{index}") for index, key in enumerate(sort_keys)))
            .where(*_id_conditions(filters, municipality_id, association_id), *_row_conditions(filters, row)))


def _order(ranked, filters: Filters) -> list:
    """ORDER BY over the columns of _ranked(): best match, name, newest submission or latest change first."""
    key = ranked.c.key0
    return [key.asc() if filters.sort == "name" else key.desc(), ranked.c.id]


def search_statement(filters: Filters, municipality_id: int, country: str):
    """The SELECT of matching associations, sorted; callers paginate or export it."""
    ranked = _ranked(filters, municipality_id, country)
    if ranked is None:
        return select(Association).where(false())
    ranked = ranked.subquery("ranked")
    return select(Association).join(ranked, Association.id == ranked.c.id).order_by(*_order(ranked, filters))


class ResultPage(Pagination):
    """One page of results with the total, in the shape of Flask-SQLAlchemy's pagination."""

    def __init__(self, items: list, total: int, page: int, per_page: int) -> None:
        self._found, self._total = items, total
        super().__init__(page=page, per_page=per_page, max_per_page=None, error_out=False)

    def _query_items(self) -> list:
        return self._found

    def _query_count(self) -> int:
        return self._total


def search_associations(filters: Filters, municipality_id: int, country: str, page: int = 1,
                        per_page: int = 25) -> ResultPage:
    """One page of results with the total; relations the result list shows are loaded in bulk.

    The page's ids and the total come from one statement over ids and sort keys (a window count), then only
    the page's own associations are loaded.
    """
    page, per_page = max(page, 1), min(max(per_page, 1), 100)
    ranked = _ranked(filters, municipality_id, country)
    if ranked is None:
        return ResultPage([], 0, page, per_page)
    ranked = ranked.subquery("ranked")
    rows = db.session.execute(
        select(ranked.c.id, func.count().over().label("total")).order_by(*_order(ranked, filters))
        .limit(per_page).offset((page - 1) * per_page)).all()
    if rows:
        total = rows[0].total
    else:  # past the last page (or nothing found): the window saw no rows, so count them apart
        total = db.session.scalar(select(func.count()).select_from(ranked)) if page > 1 else 0
    ids = [row.id for row in rows]
    found = {association.id: association for association in db.session.scalars(
        select(Association).where(Association.id.in_(ids))
        .options(selectinload(Association.home_municipality), selectinload(Association.selections)))} if ids else {}
    return ResultPage([found[id_] for id_ in ids], total, page, per_page)
