"""Backups of the SQLite database while the app runs, restores into the configured file, pg_dump's command.

A plain file copy of a live SQLite database in WAL mode is not a backup: committed transactions may still
be in the ``-wal`` file beside it, and a write during the copy leaves pages of two states in one file. The
online backup API reads one committed state through SQLite itself, whatever the app writes meanwhile.
"""

import os
import shlex
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL

#: Tables only the register's own use fills. Reference data (municipalities, checklist templates) is loaded on
#: every fresh install and is in the backup too, so it does not make a database one that a restore would lose.
REGISTER_TABLES = ("users", "associations", "audit_events")


class BackupError(Exception):
    """A backup or restore that was refused or failed; the message says why."""


@dataclass(frozen=True)
class Summary:
    """What a database file holds, as the backup and restore commands report it."""

    path: Path
    size: int
    associations: int
    audit_head: str | None

    def lines(self) -> list[str]:
        """The summary as lines for the terminal; the audit head in the form `verify-audit --anchors` reads."""
        return [f"  size: {self.size:,} bytes", f"  associations: {self.associations}",
                f"  audit head: {self.audit_head or 'none (the audit trail is empty)'}"]


def sqlite_path(url: URL) -> Path:
    """The file of a SQLite database URL; an in-memory database has none to back up or restore into."""
    if not url.database or url.database == ":memory:":
        raise BackupError("The configured database is in memory: there is no file to back up or restore.")
    return Path(url.database)


def backup_sqlite(source: Path, target: Path, force: bool = False) -> Summary:
    """Copy the live database ``source`` to ``target`` in one consistent state, checked before it is kept."""
    if not source.is_file():
        raise BackupError(f"{source} does not exist.")
    if not target.parent.is_dir():
        raise BackupError(f"The directory {target.parent} does not exist.")
    if target.exists():
        if target.samefile(source):
            raise BackupError("The backup cannot overwrite the database itself.")
        if not force:
            raise BackupError(f"{target} exists; pass --force to overwrite it.")
    # Written under another name first, so that a failed or interrupted backup never replaces a good one; mkstemp
    # makes the file readable by its owner only, as befits a copy of every document and account.
    handle, partial_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    partial = Path(partial_name)
    try:
        _copy_snapshot(source, partial)
        _check(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return summarize(target)


def restore_sqlite(source: Path, target: Path, force: bool = False) -> Summary:
    """Replace the database file ``target`` with the backup ``source``, refusing to overwrite data unless forced."""
    if not source.is_file():
        raise BackupError(f"{source} does not exist.")
    _check(source)
    if target.exists() and target.samefile(source):
        raise BackupError("The backup is the configured database itself.")
    if not force and holds_register_data(target):
        raise BackupError(f"{target} already holds users, associations or audit events; "
                          "pass --force to replace them with the backup.")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Through SQLite rather than a file copy: a -wal file left beside the target would otherwise be replayed
    # over the restored pages, and the app's own connections take part in the locking.
    try:
        with closing(sqlite3.connect(source)) as backup, closing(sqlite3.connect(target, timeout=30)) as database:
            backup.backup(database)
    except sqlite3.Error as error:
        raise BackupError(f"Restoring into {target} failed: {error}") from error
    return summarize(target)


def _copy_snapshot(source: Path, target: Path) -> None:
    """Copy every page of ``source`` in one step, i.e. inside one read transaction: one committed state.

    Copied in several steps, every write between two steps would restart the copy, and a busy register might
    never finish. In WAL mode the reader does not block the app's writers while it copies.
    """
    try:
        with closing(sqlite3.connect(source, timeout=30)) as live, closing(sqlite3.connect(target)) as copy:
            live.backup(copy, pages=-1)
            # One self-contained file, without a -wal beside it, that can be read from read-only media too.
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupError(f"Backing up {source} failed: {error}") from error


def _check(path: Path) -> None:
    """Refuse a file that is damaged or is not a Partnerregister database."""
    try:
        with closing(sqlite3.connect(path)) as connection:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            tables = _tables(connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a readable SQLite database: {error}") from error
    if verdict != "ok":
        raise BackupError(f"{path} is damaged: {verdict}")
    missing = [name for name in REGISTER_TABLES if name not in tables]
    if missing:
        raise BackupError(f"{path} is not a Partnerregister database (no table {', '.join(missing)}).")


def holds_register_data(path: Path) -> bool:
    """The file exists and has a user, an association or an audit event in it."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        with closing(sqlite3.connect(path, timeout=30)) as connection:
            present = [name for name in REGISTER_TABLES if name in _tables(connection)]
            return any(connection.execute(f"SELECT EXISTS (SELECT 1 FROM {name})").fetchone()[0]
                       for name in present)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a readable SQLite database ({error}); pass --force to replace it.") from error


def summarize(path: Path) -> Summary:
    """Size, associations and the newest audit event of a database file."""
    with closing(sqlite3.connect(path)) as connection:
        associations = connection.execute("SELECT count(*) FROM associations").fetchone()[0]
        head = connection.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    # The anchor's own line format (registry.audit.services.Anchor), without importing the app's models here.
    return Summary(path, path.stat().st_size, associations, f"audit-anchor {head[0]} {head[1]}" if head else None)


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def libpq_url(url: URL) -> str:
    """The database URL as pg_dump and pg_restore read it: no SQLAlchemy driver name, and no password."""
    # The password stays out of the command line (and so out of `ps` and shell history): the PostgreSQL tools
    # read it from ~/.pgpass or PGPASSWORD.
    plain = URL.create("postgresql", username=url.username, host=url.host, port=url.port, database=url.database,
                       query=url.query)
    return plain.render_as_string(hide_password=False)


def pg_dump_command(url: URL, path: Path) -> str:
    """The pg_dump command that writes the database to ``path`` in the custom format pg_restore reads."""
    return shlex.join(["pg_dump", "--format=custom", f"--file={path}", libpq_url(url)])


def pg_restore_command(url: URL, path: Path) -> str:
    """The pg_restore command that replaces the database's contents with the dump at ``path``."""
    return shlex.join(["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={libpq_url(url)}",
                       str(path)])
