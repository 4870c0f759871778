"""Full-text search over associations with the database's own engine (FTS5 or tsvector)."""
