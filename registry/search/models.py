"""The search document kept beside each association."""

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from registry.extensions import db
from registry.search import postgres_index, sqlite_index


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
    #: PostgreSQL only: the weighted tsvector (NULL on SQLite, which uses FTS5).
    vector: Mapped[str | None] = mapped_column(Text().with_variant(TSVECTOR(), "postgresql"))
    #: PostgreSQL only, kept by triggers: the municipalities whose staff may see the association.
    scope: Mapped[list[int] | None] = mapped_column(Text().with_variant(ARRAY(Integer), "postgresql"))
    #: PostgreSQL only, kept by triggers: the association's selections as "kind:key".
    facets: Mapped[list[str] | None] = mapped_column(Text().with_variant(ARRAY(Text), "postgresql"))

    __table_args__ = (
        Index("ix_search_documents_search", "scope", "facets", "vector",
              postgresql_using="gin").ddl_if(dialect="postgresql"),
    )


# The full-text index per municipality, kept by triggers: registry/search/sqlite_index.py on SQLite,
# registry/search/postgres_index.py on PostgreSQL.
sqlite_index.attach(db.metadata)
postgres_index.attach(db.metadata)


class RegisterGeneration(db.Model):
    """One row counting the committed changes to what the register search shows.

    Cached search pages are keyed by this number (registry/search/freshness.py), so a change committed by any
    app server makes every server's cached pages of the older generation unreachable.
    """

    __tablename__ = "register_generation"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(default=0)
