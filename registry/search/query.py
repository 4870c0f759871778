"""Searching a municipality's register over SQLite FTS5 or PostgreSQL full-text search.

A search is built once per *shape* (which filters are set, the sort, the engine) with named bind parameters,
and cached: the values of a request are passed when it runs. Building a SELECT of this size costs more than
running it on a small register, and a cached statement also hits SQLAlchemy's compiled-SQL cache every time.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Float, Integer, String, Text, bindparam, cast, exists, false, func, literal_column, select, text
from sqlalchemy.dialects.postgresql import ARRAY, REGCONFIG, array
from sqlalchemy.orm import aliased
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from registry.associations.models import Association, AssociationSelection
from registry.extensions import db
from registry.municipalities.models import Municipality
from registry.search.models import SearchDocument
from registry.search.services import LANGUAGES
from registry.search.sqlite_index import SCOPE_SPAN
from registry.staff.models import PartnerStatus
from registry.staff.scope import visible_ids

SORTS = ("relevance", "name", "newest", "updated")
SELECTION_KINDS = ("role", "motivation", "collaboration", "target_group")
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
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

    @property
    def words(self) -> list[str]:
        """The words of the query that take part in the match (at most 12)."""
        return WORD.findall(self.query)[:12]


class Shape(NamedTuple):
    """Which parts a search statement has; one statement is built and cached per shape."""

    engine: str
    language: str
    text: bool
    status: str  # "", "submitted" (no status row, or that status) or "other"
    selections: tuple[str, ...]
    local_area: bool
    has_number: str
    documents_complete: bool
    sort: str


def shape_of(filters: Filters, country: str) -> Shape:
    """The shape of a search: everything about it except the values it compares with."""
    return Shape(
        engine=db.engine.dialect.name, language=LANGUAGES.get(country, "simple"), text=bool(filters.query),
        status="" if not filters.status else ("submitted" if filters.status == "submitted" else "other"),
        selections=tuple(kind for kind in SELECTION_KINDS if getattr(filters, kind)),
        local_area=bool(filters.local_area), has_number=filters.has_number,
        documents_complete=filters.documents_complete, sort=filters.sort if filters.sort in SORTS else "relevance")


@lru_cache(maxsize=4096)
def stem(word: str, language: str) -> str:
    """The Snowball stem of a word ("fodbolden" → "fodbold", "barnen" → "barn"); unchanged for "simple".

    Snowball only takes endings off, so the stem is a prefix of every form of the word: searching for
    ``stem*`` finds "barn", "barnen" and "barnens" whichever of them was typed.
    """
    if language not in snowballstemmer.algorithms():
        return word
    return snowballstemmer.stemmer(language).stemWord(word.lower())


def parameters_of(filters: Filters, municipality_id: int, shape: Shape) -> dict:
    """The values a statement of shape_of(filters) runs with."""
    params = {"municipality_id": municipality_id, "status": filters.status,
              "local_area": f"%{filters.local_area}%"}
    params.update({kind: getattr(filters, kind) for kind in SELECTION_KINDS})
    words = filters.words
    if shape.engine == "postgresql":  # to_tsquery stems with the text-search configuration itself
        params["match"] = " & ".join(f"{word}:*" for word in words)
        params["facets"] = [f"{kind}:{getattr(filters, kind)}" for kind in shape.selections]
    else:  # FTS5's tokenizer does not stem: match every word that starts with the stem
        params["match"] = " ".join(f'"{stem(word, shape.language)}"*' for word in words)
        params["scope_start"] = municipality_id * SCOPE_SPAN
        params["scope_end"] = (municipality_id + 1) * SCOPE_SPAN - 1
    return params


def _text_match(shape: Shape):
    """A subquery (association_id, score) of associations matching :match that the municipality may see;
    higher score is better."""
    if shape.engine == "postgresql":
        # One GIN index answers the scope, the selections and the words together (postgres_index.py).
        tsquery = func.to_tsquery(cast(shape.language, REGCONFIG), bindparam("match", type_=String))
        conditions = [SearchDocument.scope.op("@>")(array([bindparam("municipality_id", type_=Integer)])),
                      SearchDocument.vector.op("@@")(tsquery)]
        if shape.selections:
            conditions.append(SearchDocument.facets.op("@>")(bindparam("facets", type_=ARRAY(Text))))
        return (select(SearchDocument.association_id.label("association_id"),
                       func.ts_rank_cd(SearchDocument.vector, tsquery).label("score"))
                .where(*conditions).subquery("matches"))
    # The municipality's range of the index holds exactly the associations it may see (sqlite_index.py).
    return (text("SELECT rowid - :scope_start AS association_id, -bm25(search_fts, 10.0, 1.0) AS score "
                 "FROM search_fts WHERE search_fts MATCH :match AND rowid BETWEEN :scope_start AND :scope_end")
            .columns(association_id=Integer, score=Float).subquery("matches"))


#: The association row in _ranked(), aliased so that callers can join Association itself.
_CANDIDATE = aliased(Association, name="candidate")


def _unindexed(column):
    """``+column``: the same value, but SQLite's planner may not drive the query through it.

    Used on the id coming out of the full-text match: the match must be the outer loop, with everything else
    looked up by id. Were the planner to start from another index instead (say, the municipality's
    associations), it would run the full-text query once per association: seconds instead of milliseconds.
    """
    return UnaryExpression(column, operator=operators.custom_op("+"))


def _selection(kind: str, association_id):
    return exists(select(AssociationSelection.association_id).where(
        AssociationSelection.association_id == association_id, AssociationSelection.kind == kind,
        AssociationSelection.key == bindparam(kind)))


def _status_condition(shape: Shape, association_id):
    row = select(PartnerStatus.association_id).where(
        PartnerStatus.association_id == association_id, PartnerStatus.municipality_id == bindparam("municipality_id"))
    if shape.status == "submitted":
        return ~exists(row.where(PartnerStatus.status != "submitted"))
    return exists(row.where(PartnerStatus.status == bindparam("status")))


def _id_conditions(shape: Shape, association_id) -> list:
    """Conditions answered from narrow tables and indexes, by association id alone.

    A full-text match already holds only what the municipality may see, and on PostgreSQL only what has the
    selections asked for (see _text_match).
    """
    conditions = [] if shape.text else [association_id.in_(visible_ids(bindparam("municipality_id")))]
    if shape.status:
        conditions.append(_status_condition(shape, association_id))
    if not (shape.text and shape.engine == "postgresql"):
        conditions.extend(_selection(kind, association_id) for kind in shape.selections)
    return conditions


def _row_conditions(shape: Shape, row) -> list:
    """Conditions that need the association's own row."""
    conditions = []
    if shape.local_area:
        conditions.append(row.local_areas.ilike(bindparam("local_area")))
    if shape.has_number == "yes":
        conditions.append(row.registration_number.is_not(None))
    elif shape.has_number == "no":
        conditions.append(row.registration_number.is_(None))
    if shape.documents_complete:
        conditions.append(row.documents_complete.is_(True))
    return conditions


def _ranked(shape: Shape):
    """SELECT (id, key0) of the matching associations the municipality sees, unsorted.

    Sorting by key0 (see _order) gives the order of the result list. Only ids, scores and sort keys are
    selected, so a big result is ranked without reading every association's full row.
    """
    matches = _text_match(shape) if shape.text else None
    row = _CANDIDATE
    needs_row = matches is None or shape.sort != "relevance" or bool(_row_conditions(shape, row))
    if matches is not None:
        association_id = _unindexed(matches.c.association_id)
        statement = select(association_id.label("id")).select_from(matches)
        if needs_row:
            statement = statement.join(row, row.id == association_id)
    else:
        association_id = row.id
        statement = select(row.id.label("id"))
    sort_key = {"name": func.lower(row.name), "newest": row.submitted_at, "updated": row.updated_at}.get(shape.sort)
    if sort_key is None:
        sort_key = matches.c.score if matches is not None else row.submitted_at
    return (statement.add_columns(sort_key.label("key0"))
            .where(*_id_conditions(shape, association_id), *_row_conditions(shape, row)))


def _order(ranked, shape: Shape) -> list:
    """ORDER BY over the columns of _ranked(): best match, name, newest submission or latest change first."""
    return [ranked.c.key0.asc() if shape.sort == "name" else ranked.c.key0.desc(), ranked.c.id]


@lru_cache(maxsize=256)
def _page_statement(shape: Shape):
    """SELECT (id, total) of one page of results, sorted; LIMIT and OFFSET are bound per request.

    Bound rather than added with ``.limit(n)``: a new statement object would have its cache key worked out
    again on every request, which costs more than running the statement on a small register.
    """
    ranked = _ranked(shape).subquery("ranked")
    return (select(ranked.c.id, func.count().over().label("total")).order_by(*_order(ranked, shape))
            .limit(bindparam("page_size", type_=Integer)).offset(bindparam("page_start", type_=Integer)))


@lru_cache(maxsize=256)
def _count_statement(shape: Shape):
    """SELECT count(*) of all results."""
    return select(func.count()).select_from(_ranked(shape).subquery("ranked"))


@lru_cache(maxsize=256)
def _export_statement(shape: Shape):
    """SELECT Association of all results, sorted."""
    ranked = _ranked(shape).subquery("ranked")
    return select(Association).join(ranked, Association.id == ranked.c.id).order_by(*_order(ranked, shape))


def search_statement(filters: Filters, municipality_id: int, country: str):
    """The SELECT of matching associations, sorted, with its values bound; callers add options and limits."""
    if filters.query and not filters.words:
        return select(Association).where(false())
    shape = shape_of(filters, country)
    return _export_statement(shape).params(**parameters_of(filters, municipality_id, shape))


class ResultRow(NamedTuple):
    """What the result list shows of one association."""

    id: int
    name: str
    registration_number: str | None
    home_municipality: str | None
    submitted_at: datetime | None
    status: str
    roles: tuple[str, ...]


_ROWS = (select(Association.id, Association.name, Association.registration_number,
                Municipality.name.label("home_municipality"), Association.submitted_at,
                func.coalesce(PartnerStatus.status, literal_column("'submitted'")).label("status"))
         .outerjoin(Municipality, Municipality.id == Association.home_municipality_id)
         .outerjoin(PartnerStatus, (PartnerStatus.association_id == Association.id)
                    & (PartnerStatus.municipality_id == bindparam("municipality_id")))
         .where(Association.id.in_(bindparam("ids", expanding=True))))
_ROLES = (select(AssociationSelection.association_id, AssociationSelection.key)
          .where(AssociationSelection.kind == "role", AssociationSelection.association_id.in_(
              bindparam("ids", expanding=True))))


def result_rows(ids: list[int], municipality_id: int) -> list[ResultRow]:
    """The rows of the given associations, in the order of ids, with the municipality's status for each."""
    if not ids:
        return []
    params = {"ids": ids, "municipality_id": municipality_id}
    roles: dict[int, list[str]] = {}
    for association_id, key in db.session.execute(_ROLES, params):
        roles.setdefault(association_id, []).append(key)
    found = {row.id: row for row in db.session.execute(_ROWS, params)}
    return [ResultRow(*found[id_], tuple(roles.get(id_, ()))) for id_ in ids if id_ in found]


class ResultPage(Pagination):
    """One page of results with the total, in the shape of Flask-SQLAlchemy's pagination."""

    def __init__(self, items: list, total: int, page: int, per_page: int) -> None:
        self._found, self._total = items, total
        super().__init__(page=page, per_page=per_page, max_per_page=None, error_out=False)

    def _query_items(self) -> list:
        return self._found

    def _query_count(self) -> int:
        return self._total


def page_of_ids(filters: Filters, municipality_id: int, country: str, page: int,
                per_page: int) -> tuple[list[int], int]:
    """The ids of one page of results, in order, and the number of results in all."""
    if filters.query and not filters.words:
        return [], 0
    shape = shape_of(filters, country)
    params = parameters_of(filters, municipality_id, shape)
    rows = db.session.execute(_page_statement(shape),
                              {**params, "page_size": per_page, "page_start": (page - 1) * per_page}).all()
    if rows:
        return [row.id for row in rows], rows[0].total
    # Past the last page (or nothing found): the window saw no rows, so count them apart.
    return [], db.session.scalar(_count_statement(shape), params) if page > 1 else 0


def search_associations(filters: Filters, municipality_id: int, country: str, page: int = 1,
                        per_page: int = 25) -> ResultPage:
    """One page of results (ResultRow) with the total: ids and total in one statement, then the page's rows and
    their roles in one statement each."""
    page, per_page = max(page, 1), min(max(per_page, 1), 100)
    ids, total = page_of_ids(filters, municipality_id, country, page, per_page)
    return ResultPage(result_rows(ids, municipality_id), total, page, per_page)
