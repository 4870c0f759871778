"""Schema objects that autogenerate must leave alone: dialect-specific search structures."""

HAND_MADE_INDEXES = {"ix_search_documents_vector"}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Skip the SQLite FTS5 tables and the PostgreSQL GIN index, which migrations create by hand."""
    if name and name.startswith("association_fts"):
        return False
    return not (type_ == "index" and name in HAND_MADE_INDEXES)
