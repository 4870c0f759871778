"""The SQLite full-text index: one FTS5 entry per association and municipality that may see it.

Staff search one municipality's register at a time. Keyed by ``municipality_id * SCOPE_SPAN + association_id``,
each municipality's entries form one range of rowids, and FTS5 reads only that range of every posting list:
the municipality's scope costs nothing at query time, and a search follows the size of the municipality's
register rather than the nation's. An association is in a municipality's range while it is handed in (not a
draft) and the municipality is its home or one it is active in: the rule of ``registry.staff.scope``.

``search_entries`` holds the entries (the search document's text, once per municipality) and is kept by
triggers, whatever writes the association, its municipalities or its search document: the ORM, a bulk
load or a migration. ``search_fts`` indexes it as an external-content table, with prefix indexes so that
the stem prefixes the search asks for (``"fodbold"*``) are one posting list each instead of a merge of
every word that starts with them.

Migrations that rebuild one of the tables the triggers hang on (``batch_alter_table`` on SQLite copies the
table) drop its triggers with it: such a migration must create them again, from its own frozen copy of
their statements (as migration f06858b8227b holds one). tests/test_migrations.py fails when a trigger is
missing after an upgrade, or differs from TRIGGERS.
"""

from sqlalchemy import DDL, event

#: The rowids of a municipality's entries: [municipality_id * SCOPE_SPAN, (municipality_id + 1) * SCOPE_SPAN).
SCOPE_SPAN = 2**32

TABLES = [
    "CREATE TABLE search_entries (id INTEGER PRIMARY KEY, association_id INTEGER NOT NULL, "
    "municipality_id INTEGER NOT NULL, name_text TEXT NOT NULL, body_text TEXT NOT NULL)",
    "CREATE INDEX ix_search_entries_association_id ON search_entries (association_id)",
    "CREATE VIRTUAL TABLE search_fts USING fts5(name_text, body_text, content='search_entries', content_rowid='id', "
    "prefix='2 3 4 5 6 7 8', tokenize='unicode61 remove_diacritics 2')",
]

# The municipalities whose range should hold an association: its home and its active ones, unless a draft.
_SCOPE = (
    "SELECT a.id AS association_id, a.home_municipality_id AS municipality_id FROM associations AS a "
    "WHERE a.status != 'draft' AND a.home_municipality_id IS NOT NULL{one_home} "
    "UNION SELECT l.association_id, l.municipality_id FROM association_municipalities AS l "
    "JOIN associations AS a ON a.id = l.association_id WHERE a.status != 'draft'{one_link}")
_FILL = (
    "INSERT INTO search_entries (id, association_id, municipality_id, name_text, body_text) "
    f"SELECT scope.municipality_id * {SCOPE_SPAN} + d.association_id, d.association_id, scope.municipality_id, "
    "d.name_text, d.body_text FROM search_documents AS d JOIN ({scope}) AS scope "
    "ON scope.association_id = d.association_id{one_document}")


def _refresh(association: str) -> str:
    """Trigger body: replace the entries of one association (an expression such as ``new.id``)."""
    scope = _SCOPE.format(one_home=f" AND a.id = {association}", one_link=f" AND l.association_id = {association}")
    fill = _FILL.format(scope=scope, one_document=f" WHERE d.association_id = {association}")
    return f"DELETE FROM search_entries WHERE association_id = {association}; {fill};"


_FTS_INSERT = ("INSERT INTO search_fts (rowid, name_text, body_text) "
               "VALUES (new.id, new.name_text, new.body_text);")
_FTS_DELETE = ("INSERT INTO search_fts (search_fts, rowid, name_text, body_text) "
               "VALUES ('delete', old.id, old.name_text, old.body_text);")

#: Trigger name → (its table, its CREATE statement). The entries' own triggers keep the FTS index in step.
TRIGGERS = {
    "search_entries_ai": ("search_entries", f"AFTER INSERT ON search_entries BEGIN {_FTS_INSERT} END"),
    "search_entries_ad": ("search_entries", f"AFTER DELETE ON search_entries BEGIN {_FTS_DELETE} END"),
    "search_entries_au": ("search_entries",
                          f"AFTER UPDATE ON search_entries BEGIN {_FTS_DELETE} {_FTS_INSERT} END"),
    "search_documents_entries_ai": ("search_documents", "AFTER INSERT ON search_documents BEGIN "
                                    f"{_refresh('new.association_id')} END"),
    "search_documents_entries_au": ("search_documents", "AFTER UPDATE OF name_text, body_text ON search_documents "
                                    f"BEGIN {_refresh('new.association_id')} END"),
    "search_documents_entries_ad": ("search_documents", "AFTER DELETE ON search_documents BEGIN "
                                    "DELETE FROM search_entries WHERE association_id = old.association_id; END"),
    "associations_entries_au": ("associations", "AFTER UPDATE OF status, home_municipality_id ON associations "
                                "WHEN (old.status = 'draft') IS NOT (new.status = 'draft') "
                                "OR old.home_municipality_id IS NOT new.home_municipality_id "
                                f"BEGIN {_refresh('new.id')} END"),
    "association_municipalities_entries_ai": ("association_municipalities",
                                              "AFTER INSERT ON association_municipalities BEGIN "
                                              f"{_refresh('new.association_id')} END"),
    "association_municipalities_entries_ad": ("association_municipalities",
                                              "AFTER DELETE ON association_municipalities BEGIN "
                                              f"{_refresh('old.association_id')} END"),
}
_ENTRY_TRIGGERS = [name for name, (table, _) in TRIGGERS.items() if table == "search_entries"]


def create_statements() -> list[str]:
    """Every statement that makes the index on a schema that has the tables it hangs on, empty or not."""
    return [*TABLES, *(f"CREATE TRIGGER {name} {body}" for name, (_, body) in TRIGGERS.items()),
            *rebuild_statements()]


def drop_statements() -> list[str]:
    """The statements that remove the index, its entries and its triggers."""
    return [*(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS),
            "DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_entries"]


def rebuild_statements() -> list[str]:
    """Statements that make the entries and the FTS index anew from the associations and their documents.

    The entries' triggers are dropped meanwhile: one ``'rebuild'`` reads the finished table in a single pass
    (much faster than an FTS insert per row), then ``'optimize'`` merges the index into one segment.
    """
    fill = _FILL.format(scope=_SCOPE.format(one_home="", one_link=""), one_document="")
    return [*(f"DROP TRIGGER IF EXISTS {name}" for name in _ENTRY_TRIGGERS),
            "DELETE FROM search_entries", f"{fill} ORDER BY 1",
            "INSERT INTO search_fts (search_fts) VALUES ('rebuild')",
            "INSERT INTO search_fts (search_fts) VALUES ('optimize')",
            *(f"CREATE TRIGGER {name} {TRIGGERS[name][1]}" for name in _ENTRY_TRIGGERS)]


def rebuild(connection) -> None:
    """Make the entries and the index anew, inside the caller's transaction (``flask registry reindex``)."""
    for statement in rebuild_statements():
        connection.exec_driver_sql(statement)


def is_internal(name: str) -> bool:
    """Tables of the index, which the migrations create by hand and autogenerate must leave alone."""
    return name == "search_entries" or name.startswith("search_fts")


def attach(metadata) -> None:
    """Create the index with ``metadata.create_all()`` on SQLite (the tests' schemas), after every table."""
    for statement in create_statements():
        event.listen(metadata, "after_create", DDL(statement).execute_if(dialect="sqlite"))
    for statement in drop_statements():
        event.listen(metadata, "before_drop", DDL(statement).execute_if(dialect="sqlite"))
