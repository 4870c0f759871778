"""The search document kept beside each association."""

from sqlalchemy import DDL, ForeignKey, Index, String, Text, event
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from registry.extensions import db


class SearchDocument(db.Model):
    """The searchable text of an association, rebuilt whenever its profile changes."""

    __tablename__ = "search_documents"

    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"),
                                                primary_key=True)
    #: Text-search configuration for stemming: "danish" or "swedish".
    language: Mapped[str] = mapped_column(String(10))
    #: The name, weighted highest.
    name_text: Mapped[str] = mapped_column(Text)
    #: Purpose, activities, target groups (labels in da/sv/en), local areas, municipalities.
    body_text: Mapped[str] = mapped_column(Text)
    #: PostgreSQL only: the weighted tsvector, GIN-indexed (NULL on SQLite, which uses FTS5).
    vector: Mapped[str | None] = mapped_column(Text().with_variant(TSVECTOR(), "postgresql"))

    __table_args__ = (
        Index("ix_search_documents_vector", "vector", postgresql_using="gin").ddl_if(dialect="postgresql"),
    )


# SQLite: an FTS5 index over the table, kept in step by triggers (external-content table).
FTS_STATEMENTS = [
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
]
FTS_DROP = ["DROP TABLE IF EXISTS association_fts"]

for _statement in FTS_STATEMENTS:
    event.listen(SearchDocument.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
event.listen(SearchDocument.__table__, "before_drop", DDL(FTS_DROP[0]).execute_if(dialect="sqlite"))


def is_search_internal(name: str) -> bool:
    """Objects the migrations create by hand (FTS5 tables and their shadows), ignored by autogenerate."""
    return name.startswith("association_fts")


class RegisterGeneration(db.Model):
    """One row counting the committed changes to what the register search shows.

    Cached search pages are keyed by this number (registry/search/freshness.py), so a change committed by any
    app server makes every server's cached pages of the older generation unreachable.
    """

    __tablename__ = "register_generation"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(default=0)
