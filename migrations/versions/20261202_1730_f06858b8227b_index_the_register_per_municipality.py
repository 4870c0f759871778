"""index the register per municipality for the SQLite search

Revision ID: f06858b8227b
Revises: 50e45d9eece2
Create Date: 2026-12-02 17:30:00

SQLite only: the FTS5 index over search_documents (one entry per association, scope tested per match) makes
way for search_entries and search_fts (one entry per association and municipality that may see it, with
prefix indexes; registry/search/sqlite_index.py). The new index is filled from the existing documents.
PostgreSQL keeps its GIN index.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'f06858b8227b'
down_revision = '50e45d9eece2'
branch_labels = None
depends_on = None

# This revision's index, frozen here: later revisions may change registry/search/sqlite_index.py.
SPAN = 2**32
_SCOPE = (
    "SELECT a.id AS association_id, a.home_municipality_id AS municipality_id FROM associations AS a "
    "WHERE a.status != 'draft' AND a.home_municipality_id IS NOT NULL{one_home} "
    "UNION SELECT l.association_id, l.municipality_id FROM association_municipalities AS l "
    "JOIN associations AS a ON a.id = l.association_id WHERE a.status != 'draft'{one_link}")
_FILL = (
    "INSERT INTO search_entries (id, association_id, municipality_id, name_text, body_text) "
    f"SELECT scope.municipality_id * {SPAN} + d.association_id, d.association_id, scope.municipality_id, "
    "d.name_text, d.body_text FROM search_documents AS d JOIN ({scope}) AS scope "
    "ON scope.association_id = d.association_id{one_document}")


def _refresh(association):
    scope = _SCOPE.format(one_home=f" AND a.id = {association}", one_link=f" AND l.association_id = {association}")
    fill = _FILL.format(scope=scope, one_document=f" WHERE d.association_id = {association}")
    return f"DELETE FROM search_entries WHERE association_id = {association}; {fill};"


_FTS_INSERT = "INSERT INTO search_fts (rowid, name_text, body_text) VALUES (new.id, new.name_text, new.body_text);"
_FTS_DELETE = ("INSERT INTO search_fts (search_fts, rowid, name_text, body_text) "
               "VALUES ('delete', old.id, old.name_text, old.body_text);")
UPGRADE = [
    "DROP TRIGGER IF EXISTS search_documents_ai",
    "DROP TRIGGER IF EXISTS search_documents_ad",
    "DROP TRIGGER IF EXISTS search_documents_au",
    "DROP TABLE IF EXISTS association_fts",
    "CREATE TABLE search_entries (id INTEGER PRIMARY KEY, association_id INTEGER NOT NULL, "
    "municipality_id INTEGER NOT NULL, name_text TEXT NOT NULL, body_text TEXT NOT NULL)",
    "CREATE INDEX ix_search_entries_association_id ON search_entries (association_id)",
    "CREATE VIRTUAL TABLE search_fts USING fts5(name_text, body_text, content='search_entries', content_rowid='id', "
    "prefix='2 3 4 5 6 7 8', tokenize='unicode61 remove_diacritics 2')",
    _FILL.format(scope=_SCOPE.format(one_home="", one_link=""), one_document="") + " ORDER BY 1",
    "INSERT INTO search_fts (search_fts) VALUES ('rebuild')",
    "INSERT INTO search_fts (search_fts) VALUES ('optimize')",
    f"CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN {_FTS_INSERT} END",
    f"CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN {_FTS_DELETE} END",
    f"CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN {_FTS_DELETE} {_FTS_INSERT} END",
    "CREATE TRIGGER search_documents_entries_ai AFTER INSERT ON search_documents BEGIN "
    f"{_refresh('new.association_id')} END",
    "CREATE TRIGGER search_documents_entries_au AFTER UPDATE OF name_text, body_text ON search_documents "
    f"BEGIN {_refresh('new.association_id')} END",
    "CREATE TRIGGER search_documents_entries_ad AFTER DELETE ON search_documents BEGIN "
    "DELETE FROM search_entries WHERE association_id = old.association_id; END",
    "CREATE TRIGGER associations_entries_au AFTER UPDATE OF status, home_municipality_id ON associations "
    "WHEN (old.status = 'draft') IS NOT (new.status = 'draft') "
    "OR old.home_municipality_id IS NOT new.home_municipality_id "
    f"BEGIN {_refresh('new.id')} END",
    "CREATE TRIGGER association_municipalities_entries_ai AFTER INSERT ON association_municipalities BEGIN "
    f"{_refresh('new.association_id')} END",
    "CREATE TRIGGER association_municipalities_entries_ad AFTER DELETE ON association_municipalities BEGIN "
    f"{_refresh('old.association_id')} END",
]
DOWNGRADE = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in (
        "search_entries_ai", "search_entries_ad", "search_entries_au", "search_documents_entries_ai",
        "search_documents_entries_au", "search_documents_entries_ad", "associations_entries_au",
        "association_municipalities_entries_ai", "association_municipalities_entries_ad")),
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_entries",
    "CREATE VIRTUAL TABLE association_fts USING fts5(name_text, body_text, content='search_documents', "
    "content_rowid='association_id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO association_fts(rowid, name_text, body_text) VALUES (new.association_id, new.name_text, "
    "new.body_text); END",
    "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO association_fts(association_fts, rowid, name_text, body_text) VALUES ('delete', "
    "old.association_id, old.name_text, old.body_text); END",
    "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN "
    "INSERT INTO association_fts(association_fts, rowid, name_text, body_text) VALUES ('delete', "
    "old.association_id, old.name_text, old.body_text); "
    "INSERT INTO association_fts(rowid, name_text, body_text) VALUES (new.association_id, new.name_text, "
    "new.body_text); END",
    "INSERT INTO association_fts(association_fts) VALUES ('rebuild')",
]


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        for statement in DOWNGRADE:
            op.execute(statement)
