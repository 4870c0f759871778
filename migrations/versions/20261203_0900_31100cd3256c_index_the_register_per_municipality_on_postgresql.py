"""index the register per municipality for the PostgreSQL search

Revision ID: 31100cd3256c
Revises: f06858b8227b
Create Date: 2026-12-03 09:00:00

PostgreSQL: search_documents gains scope (the municipalities whose staff may see the association) and facets
(its selections as kind:key), kept by triggers, and one GIN index over (scope, facets, vector) replaces the GIN
index over the vector alone (registry/search/postgres_index.py). Both columns are filled from the existing rows.
The index of a municipality's associations by status includes the id, so that their ids come from the index
alone, as on SQLite. SQLite gets the two columns too, always NULL, as it has the vector: its search uses its own
index.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '31100cd3256c'
down_revision = 'f06858b8227b'
branch_labels = None
depends_on = None

# This revision's functions and triggers, frozen here: later revisions may change postgres_index.py.
FUNCTIONS = {
    "search_scope": (
        "CREATE OR REPLACE FUNCTION search_scope(association integer) RETURNS integer[] LANGUAGE sql STABLE AS $$ "
        "SELECT coalesce(array_agg(scope.municipality_id ORDER BY scope.municipality_id), '{}') FROM ("
        "SELECT a.home_municipality_id AS municipality_id FROM associations AS a WHERE a.id = association "
        "AND a.status <> 'draft' AND a.home_municipality_id IS NOT NULL "
        "UNION SELECT l.municipality_id FROM association_municipalities AS l JOIN associations AS a "
        "ON a.id = l.association_id WHERE l.association_id = association AND a.status <> 'draft') AS scope $$"),
    "search_facets": (
        "CREATE OR REPLACE FUNCTION search_facets(association integer) RETURNS text[] LANGUAGE sql STABLE AS $$ "
        "SELECT coalesce(array_agg(s.kind || ':' || s.key ORDER BY s.kind, s.key), '{}') "
        "FROM association_selections AS s WHERE s.association_id = association $$"),
    "search_documents_fill": (
        "CREATE OR REPLACE FUNCTION search_documents_fill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.scope := search_scope(NEW.association_id); NEW.facets := search_facets(NEW.association_id); "
        "RETURN NEW; END $$"),
    "search_documents_refresh": (
        "CREATE OR REPLACE FUNCTION search_documents_refresh() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE changed integer[] := '{}'; BEGIN "
        "IF TG_OP <> 'INSERT' THEN changed := changed || (to_jsonb(OLD) ->> TG_ARGV[0])::integer; END IF; "
        "IF TG_OP <> 'DELETE' THEN changed := changed || (to_jsonb(NEW) ->> TG_ARGV[0])::integer; END IF; "
        "UPDATE search_documents SET scope = search_scope(association_id), facets = search_facets(association_id) "
        "WHERE association_id = ANY(changed); RETURN NULL; END $$"),
}
TRIGGERS = {
    "search_documents_fill_bi": ("search_documents", "BEFORE INSERT ON search_documents FOR EACH ROW "
                                 "EXECUTE FUNCTION search_documents_fill()"),
    "associations_search_au": ("associations", "AFTER UPDATE OF status, home_municipality_id ON associations "
                               "FOR EACH ROW WHEN ((OLD.status = 'draft') IS DISTINCT FROM (NEW.status = 'draft') "
                               "OR OLD.home_municipality_id IS DISTINCT FROM NEW.home_municipality_id) "
                               "EXECUTE FUNCTION search_documents_refresh('id')"),
    "association_municipalities_search_aiud": (
        "association_municipalities", "AFTER INSERT OR UPDATE OR DELETE ON association_municipalities "
        "FOR EACH ROW EXECUTE FUNCTION search_documents_refresh('association_id')"),
    "association_selections_search_aiud": (
        "association_selections", "AFTER INSERT OR UPDATE OR DELETE ON association_selections "
        "FOR EACH ROW EXECUTE FUNCTION search_documents_refresh('association_id')"),
}


def upgrade():
    op.add_column('search_documents', sa.Column(
        'scope', sa.Text().with_variant(postgresql.ARRAY(sa.Integer()), 'postgresql'), nullable=True))
    op.add_column('search_documents', sa.Column(
        'facets', sa.Text().with_variant(postgresql.ARRAY(sa.Text()), 'postgresql'), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in FUNCTIONS.values():
        op.execute(statement)
    for name, (_, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("UPDATE search_documents SET scope = search_scope(association_id), "
               "facets = search_facets(association_id)")
    op.execute("DROP INDEX IF EXISTS ix_search_documents_vector")
    op.execute("CREATE INDEX ix_search_documents_search ON search_documents USING gin (scope, facets, vector)")
    op.drop_index('ix_associations_home_municipality_status', table_name='associations')
    op.create_index('ix_associations_home_municipality_status', 'associations', ['home_municipality_id', 'status'],
                    postgresql_include=['id'])


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index('ix_associations_home_municipality_status', table_name='associations')
        op.create_index('ix_associations_home_municipality_status', 'associations',
                        ['home_municipality_id', 'status'])
        op.execute("DROP INDEX IF EXISTS ix_search_documents_search")
        op.execute("CREATE INDEX ix_search_documents_vector ON search_documents USING gin (vector)")
        for name, (table, _) in TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for name in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {name}")
        op.drop_column('search_documents', 'facets')
        op.drop_column('search_documents', 'scope')
    else:
        # A plain DROP COLUMN (SQLite 3.35+): a batch copy of the table would drop the search index's triggers.
        op.execute("ALTER TABLE search_documents DROP COLUMN facets")
        op.execute("ALTER TABLE search_documents DROP COLUMN scope")
