"""Project-wide commands: `flask translate …`, `flask demo load` and the operator's `flask registry …`."""

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
@click.option("--base-url", default="http://127.0.0.1:5000", show_default=True,
              help="Where the app is served: the links in the demo's e-mails point there (`make run PORT=…`).")
def load_demo(force: bool, base_url: str) -> None:
    """Add demo associations and staff accounts on first start (idempotent)."""
    from flask import current_app

    from registry.demo import load_demo_content

    # The demo sends notifications with absolute links, which need a request context.
    with current_app.test_request_context(base_url=base_url):
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
    _report_chain(verify_chain(known))
    checked = f", {len(known)} anchors hold" if known else ""
    click.echo(f"Audit trail intact{checked}.")


def _report_chain(problems) -> None:
    """List the audit events that were altered or deleted, and exit 1 if there are any."""
    for problem in problems:
        click.echo(f"audit event {problem.event_id}: {_PROBLEMS[problem.reason]}", err=True)
    if problems:
        raise SystemExit(1)


@registry_group.command("send-mail")
def send_mail_command() -> None:
    """Deliver the e-mails still waiting in the outbox (run it from cron, e.g. every 10 minutes)."""
    from registry.core.outbox import retry_unsent

    sent, waiting = retry_unsent()
    click.echo(f"E-mail: {sent} sent, {waiting} waiting.")
    if waiting:
        raise SystemExit(1)


@registry_group.command("audit-anchor")
def audit_anchor() -> None:
    """Print the newest audit event's id and hash, to be kept outside the database (e.g. a daily log line)."""
    from registry.audit.services import chain_head

    head = chain_head()
    if head is None:
        click.echo("The audit trail is empty.", err=True)
        return
    click.echo(head.line())


@registry_group.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def backup(path: Path, force: bool) -> None:
    """Write a consistent copy of the SQLite database to PATH while the app runs (PostgreSQL: use pg_dump)."""
    from registry.backup import BackupError, backup_sqlite, pg_dump_command, sqlite_path
    from registry.extensions import db

    url = db.engine.url
    if url.get_backend_name() == "postgresql":
        _refer_to_postgres_tools("pg_dump", pg_dump_command(url, path), url.password)
    _refuse_other_databases(url)
    try:
        summary = backup_sqlite(sqlite_path(url), path, force)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {summary.path}")
    click.echo("\n".join(summary.lines()))


@registry_group.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True,
              help="Replace a database that already holds users, associations or audit events.")
def restore(path: Path, force: bool) -> None:
    """Replace the SQLite database with the backup at PATH, then verify the audit trail (stop the app first)."""
    from registry.audit.services import verify_chain
    from registry.backup import BackupError, pg_restore_command, restore_sqlite, sqlite_path
    from registry.extensions import db

    url = db.engine.url
    if url.get_backend_name() == "postgresql":
        _refer_to_postgres_tools("pg_restore", pg_restore_command(url, path), url.password)
    _refuse_other_databases(url)
    # Pooled connections would hold on to the database being replaced; the verification below opens a new one.
    db.session.remove()
    db.engine.dispose()
    try:
        summary = restore_sqlite(path, sqlite_path(url), force)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored {summary.path} from {path}")
    click.echo("\n".join(summary.lines()))
    _report_chain(verify_chain())
    click.echo("Audit trail intact. Next: `flask --app wsgi registry reindex`, then start the app.")


def _refer_to_postgres_tools(tool: str, command: str, password: str | None) -> None:
    """Print the PostgreSQL tool's command for the configured database and exit 1: nothing was written."""
    click.echo(f"The database is PostgreSQL: {tool} is the tool for this, not this command. Run:\n\n  {command}\n")
    if password:
        click.echo(f"{tool} reads the password from ~/.pgpass or PGPASSWORD; it is left out of the command.")
    # Exit 1, so that a cron job calling this command on PostgreSQL cannot pass for a backup.
    raise SystemExit(1)


def _refuse_other_databases(url) -> None:
    """Only SQLite files are copied by these commands (PostgreSQL is referred to its own tools above)."""
    if url.get_backend_name() != "sqlite":
        raise click.ClickException(f"Backups of {url.get_backend_name()} databases are not supported.")


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
