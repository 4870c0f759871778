"""`flask registry backup` and `restore`: a consistent copy of a live SQLite database, restored byte for byte.

These tests use SQLite files of their own, also when the suite runs on PostgreSQL (TEST_DATABASE_URL): the
commands copy SQLite files, and on PostgreSQL they only name pg_dump and pg_restore (tested at the end).
"""

import os
import sqlite3
import threading
import time
from contextlib import closing

from config import TestingConfig
from registry import create_app
from registry.accounts.models import User
from registry.associations.models import Association
from registry.associations.services import files
from registry.audit.services import chain_head, verify_chain
from registry.extensions import db
from tests.factories import PDF, Factories


def _file_app(make_app, path):
    """An app on a SQLite file of the test's own, whatever database the suite runs on."""
    return make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}")


def _run(app, *args):
    return app.test_cli_runner().invoke(args=["registry", *map(str, args)])


def _row_counts(path) -> dict[str, int]:
    """Rows in every table of a database file, search index included."""
    with closing(sqlite3.connect(path)) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _count(path, query: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(query).fetchone()[0]


def test_backup_during_a_write_restores_the_same_register(make_app, tmp_path):
    """Backed up during another connection's write, restored afresh: same rows, intact chain, identical download."""
    live_path, backup_path = tmp_path / "live.sqlite", tmp_path / "backup.sqlite"
    restored_path = tmp_path / "restored.sqlite"
    live = _file_app(make_app, live_path)
    factories = Factories()
    owner = factories.user()
    associations = [factories.association(owner=owner, complete=True) for _ in range(3)]
    content = PDF + os.urandom(300_000)
    document = files.add_document(owner, associations[0], "accounts", "regnskab.pdf", content)
    email, association_id, document_id = owner.email, associations[0].id, document.id
    counts = _row_counts(live_path)
    head = chain_head().line()
    db.session.close()

    # The app goes on writing: this connection holds the write lock with a change not yet committed.
    with closing(sqlite3.connect(live_path, isolation_level=None, timeout=5)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        result = _run(live, "backup", backup_path)
        writer.execute("COMMIT")  # the backup did not block the writer either

    assert result.exit_code == 0, result.output
    assert f"Backup written to {backup_path}" in result.output
    assert "associations: 3" in result.output
    assert f"audit head: {head}" in result.output
    assert f"size: {backup_path.stat().st_size:,} bytes" in result.output
    assert _count(live_path, "SELECT count(*) FROM documents") == counts["documents"] - 1

    fresh = _file_app(make_app, restored_path)
    result = _run(fresh, "restore", backup_path)

    assert result.exit_code == 0, result.output
    assert "Audit trail intact" in result.output
    assert _row_counts(restored_path) == counts
    assert verify_chain() == []
    assert chain_head().line() == head
    client = fresh.test_client()
    login = client.post("/account/login", data={"email": email, "password": Factories.PASSWORD})
    assert login.status_code == 303
    download = client.get(f"/associations/{association_id}/documents/{document_id}")
    assert download.status_code == 200
    assert download.data == content


def test_backups_taken_while_the_app_writes_are_consistent(make_app, tmp_path):
    """Taken while a thread keeps uploading, each backup is one committed state whose audit chain verifies."""
    live_path = tmp_path / "live.sqlite"
    live = _file_app(make_app, live_path)
    factories = Factories()
    owner = factories.user()
    ids = owner.id, factories.association(owner=owner).id
    db.session.close()
    uploaded, errors, stop = [], [], threading.Event()

    def upload() -> None:
        with live.app_context():
            try:
                actor, association = db.session.get(User, ids[0]), db.session.get(Association, ids[1])
                while not stop.is_set():
                    uploaded.append(files.add_document(actor, association, "minutes", "referat.pdf", PDF).id)
            except Exception as error:  # reported below, where the test fails on it
                errors.append(error)
            finally:
                db.session.remove()

    thread = threading.Thread(target=upload)
    thread.start()
    backups = []
    try:
        for number in range(3):
            enough = 5 * (number + 1)
            _wait_for(lambda: errors or len(uploaded) >= enough)  # noqa: B023 (called before the next iteration)
            assert errors == []
            before = len(uploaded)
            result = _run(live, "backup", tmp_path / f"backup-{number}.sqlite")
            assert result.exit_code == 0, result.output
            backups.append((tmp_path / f"backup-{number}.sqlite", before, len(uploaded)))
    finally:
        stop.set()
        thread.join(timeout=30)

    assert errors == []
    for path, before, after in backups:
        documents = _count(path, "SELECT count(*) FROM documents")
        assert before <= documents <= after + 1  # the upload under way when the copy began may be in it
        assert documents == _count(path, "SELECT count(*) FROM audit_events WHERE action = 'document.uploaded'")
        result = _run(_file_app(make_app, tmp_path / f"restored-{path.name}"), "restore", path)
        assert result.exit_code == 0, result.output
        assert "Audit trail intact" in result.output


def _wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the writer thread made no progress"
        time.sleep(0.01)


def test_backup_refuses_to_overwrite_unless_forced(make_app, tmp_path):
    """An existing file is kept unless --force; the forced backup replaces it with a whole database."""
    live = _file_app(make_app, tmp_path / "live.sqlite")
    Factories().association()
    target = tmp_path / "backup.sqlite"
    target.write_bytes(b"yesterday's backup")

    refused = _run(live, "backup", target)
    forced = _run(live, "backup", target, "--force")

    assert refused.exit_code == 1
    assert "exists; pass --force" in refused.output
    assert forced.exit_code == 0, forced.output
    assert _count(target, "SELECT count(*) FROM associations") == 1
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []  # no partial file left


def test_restore_refuses_a_database_in_use_unless_forced(make_app, tmp_path):
    """A database with users, associations or audit events is replaced only with --force."""
    source = _file_app(make_app, tmp_path / "source.sqlite")
    Factories().association(name="Backed-up Forening")
    assert _run(source, "backup", tmp_path / "backup.sqlite").exit_code == 0
    in_use = _file_app(make_app, tmp_path / "in-use.sqlite")
    Factories().association(name="Current Forening")

    refused = _run(in_use, "restore", tmp_path / "backup.sqlite")
    forced = _run(in_use, "restore", tmp_path / "backup.sqlite", "--force")

    assert refused.exit_code == 1
    assert "already holds users, associations or audit events" in refused.output
    assert forced.exit_code == 0, forced.output
    db.session.expire_all()
    assert db.session.scalars(db.select(Association.name)).all() == ["Backed-up Forening"]


def test_restore_refuses_what_is_not_a_register_backup(make_app, tmp_path):
    """Neither a damaged file nor another application's SQLite database replaces the register."""
    app = _file_app(make_app, tmp_path / "registry.sqlite")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database" * 100)
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")

    assert "not a readable SQLite database" in _run(app, "restore", garbage).output
    assert "not a Partnerregister database" in _run(app, "restore", other).output


def test_in_memory_database_cannot_be_backed_up(tmp_path):
    """An in-memory database has no file: the command says so instead of writing an empty copy."""
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI="sqlite://")

    result = _run(app, "backup", tmp_path / "backup.sqlite")

    assert result.exit_code == 1
    assert "in memory" in result.output
    assert not (tmp_path / "backup.sqlite").exists()


def test_postgresql_names_pg_dump_and_pg_restore(tmp_path):
    """On PostgreSQL nothing is written: exact pg_dump/pg_restore commands, no password, exit 1 (cron notices)."""
    app = create_app(TestingConfig,
                     SQLALCHEMY_DATABASE_URI="postgresql+psycopg://registry:s3cret@db.example:5433/registry")
    dump = tmp_path / "registry.dump"

    backup = _run(app, "backup", dump)
    dump.write_bytes(b"PGDMP")
    restore = _run(app, "restore", dump)

    assert backup.exit_code == 1
    assert f"pg_dump --format=custom --file={dump} postgresql://registry@db.example:5433/registry" in backup.output
    assert restore.exit_code == 1
    assert (f"pg_restore --clean --if-exists --no-owner --dbname=postgresql://registry@db.example:5433/registry "
            f"{dump}") in restore.output
    assert "s3cret" not in backup.output + restore.output
    assert "~/.pgpass or PGPASSWORD" in backup.output
