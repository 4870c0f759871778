"""The PostgreSQL search index: every search document carries who may see it and what the association selected.

Staff search one municipality's register at a time. ``search_documents.scope`` holds the municipalities whose
staff may see the association: its home and the ones it is active in, none while it is a draft (the rule of
``registry.staff.scope``). ``search_documents.facets`` holds its selections as ``kind:key`` ("target_group:youth").
One GIN index over (scope, facets, vector) answers ``scope @> {m} AND facets @> {...} AND vector @@ query`` by
intersecting posting lists inside the index, so a search reads only the documents it will show or count, instead
of every match in the country tested one by one against the municipality's register and the filters.

Triggers keep both columns in step, whoever writes the association, its municipalities, its selections or its
search document: the ORM, a bulk load or a plain UPDATE of a status. ``rebuild()`` fills them anew
(``flask registry reindex``). Migrations freeze their own copy of these statements.
"""

from sqlalchemy import DDL, event

#: Function name → its CREATE statement. SQL functions give the rule once, for the triggers and for rebuild().
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
        # TG_ARGV[0] names the column holding the association's id in the table the trigger hangs on.
        "CREATE OR REPLACE FUNCTION search_documents_refresh() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE changed integer[] := '{}'; BEGIN "
        "IF TG_OP <> 'INSERT' THEN changed := changed || (to_jsonb(OLD) ->> TG_ARGV[0])::integer; END IF; "
        "IF TG_OP <> 'DELETE' THEN changed := changed || (to_jsonb(NEW) ->> TG_ARGV[0])::integer; END IF; "
        "UPDATE search_documents SET scope = search_scope(association_id), facets = search_facets(association_id) "
        "WHERE association_id = ANY(changed); RETURN NULL; END $$"),
}

#: Trigger name → (its table, the rest of its CREATE statement).
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

_REBUILD = "UPDATE search_documents SET scope = search_scope(association_id), facets = search_facets(association_id)"


def create_statements() -> list[str]:
    """The functions and triggers, on a schema that has the tables they hang on (the index is on the model)."""
    return [*FUNCTIONS.values(), *(f"CREATE TRIGGER {name} {body}" for name, (_, body) in TRIGGERS.items())]


def rebuild(connection) -> None:
    """Work out every document's scope and facets anew, inside the caller's transaction."""
    connection.exec_driver_sql(_REBUILD)


def attach(metadata) -> None:
    """Create the functions and triggers with ``metadata.create_all()`` on PostgreSQL (the tests' schemas).

    Tables dropped take their triggers with them; the functions go after them.
    """
    for statement in create_statements():
        event.listen(metadata, "after_create", DDL(statement).execute_if(dialect="postgresql"))
    for name in FUNCTIONS:
        event.listen(metadata, "after_drop", DDL(f"DROP FUNCTION IF EXISTS {name}").execute_if(dialect="postgresql"))
