"""Schema objects that autogenerate must leave alone: dialect-specific search structures."""

HAND_MADE_INDEXES = {"ix_search_documents_search"}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Skip the SQLite full-text index and the PostgreSQL GIN index, which migrations create by hand."""
    from registry.search.sqlite_index import is_internal

    if name and type_ == "table" and is_internal(name):
        return False
    return not (type_ == "index" and name in HAND_MADE_INDEXES)
