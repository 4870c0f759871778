"""Project-wide commands: `flask translate …` and `flask demo load`."""

import subprocess
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from config import BASE_DIR

TRANSLATIONS = BASE_DIR / "translations"
POT = TRANSLATIONS / "messages.pot"

translate = AppGroup("translate", help="Extract, update, compile and check the da/sv/en catalogues.")
demo = AppGroup("demo", help="Demonstration content.")
registry_group = AppGroup("registry", help="Operator commands.")


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=BASE_DIR)


@translate.command("extract")
def extract() -> None:
    """Collect every translatable string into messages.pot."""
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--add-comments=TRANSLATORS:", "--sort-by-file",
             "--no-wrap", "--project=Partnerregister", "-o", str(POT), ".")


@translate.command("update")
def update() -> None:
    """Extract, then merge new strings into the da, sv and en catalogues."""
    extract.callback()
    _pybabel("update", "-i", str(POT), "-d", str(TRANSLATIONS), "--no-wrap", "--ignore-obsolete")
    from registry.core.catalogues import fill_source_language

    filled = fill_source_language(TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po")
    click.echo(f"en: {filled} new entries take the source text.")


@translate.command("compile")
def compile_() -> None:
    """Compile the catalogues to .mo files."""
    _pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


@translate.command("check")
def check() -> None:
    """Fail on empty or fuzzy entries in any catalogue."""
    from registry.core.catalogues import catalogue_problems

    problems = catalogue_problems(Path(TRANSLATIONS))
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise SystemExit(1)
    click.echo("All catalogues complete.")


@demo.command("load")
@click.option("--force", is_flag=True, help="Load even if demo content exists.")
def load_demo(force: bool) -> None:
    """Add demo associations and staff accounts on first start (idempotent)."""
    from flask import current_app

    from registry.demo import load_demo_content

    # The demo sends notifications with absolute links, which need a request context.
    with current_app.test_request_context(base_url="http://127.0.0.1:5000"):
        click.echo(load_demo_content(force=force))


_PROBLEMS = {
    "content": "altered",
    "link": "chain broken (an event before it was deleted or altered)",
    "anchor": "differs from its anchor (the trail was rewritten)",
    "missing": "anchored but no longer in the trail (deleted)",
}


@registry_group.command("verify-audit")
@click.option("--anchors", type=click.File("r", encoding="utf-8"),
              help="A file of anchors written by `flask registry audit-anchor`; each must still hold.")
def verify_audit(anchors) -> None:
    """Recompute the audit hash chain; exit 1 and list events that were altered or deleted."""
    from registry.audit.services import parse_anchors, verify_chain

    known = parse_anchors(anchors.read()) if anchors else []
    problems = verify_chain(known)
    for problem in problems:
        click.echo(f"audit event {problem.event_id}: {_PROBLEMS[problem.reason]}", err=True)
    if problems:
        raise SystemExit(1)
    checked = f", {len(known)} anchors hold" if known else ""
    click.echo(f"Audit trail intact{checked}.")


@registry_group.command("audit-anchor")
def audit_anchor() -> None:
    """Print the newest audit event's id and hash, to be kept outside the database (e.g. a daily log line)."""
    from registry.audit.services import chain_head

    head = chain_head()
    if head is None:
        click.echo("The audit trail is empty.", err=True)
        return
    click.echo(head.line())


def register(app: Flask) -> None:
    """Attach the project-wide command groups."""
    app.cli.add_command(translate)
    app.cli.add_command(demo)
    app.cli.add_command(registry_group)


@registry_group.command("reindex")
def reindex() -> None:
    """Rebuild the search documents of every association and the search index (after an upgrade or a restore)."""
    from sqlalchemy import select

    from registry.associations.models import Association
    from registry.extensions import db
    from registry.search.services import reindex_association

    count = 0
    for association in db.session.scalars(select(Association).execution_options(yield_per=500)):
        reindex_association(association)
        count += 1
        if count % 500 == 0:
            db.session.commit()
    # And the index from them, should it have been damaged: SQLite's entries, PostgreSQL's scopes and facets.
    from registry.search import postgres_index, sqlite_index

    index = {"sqlite": sqlite_index, "postgresql": postgres_index}.get(db.engine.dialect.name)
    if index is not None:
        index.rebuild(db.session.connection())
    db.session.commit()
    click.echo(f"Search documents rebuilt for {count} associations.")
