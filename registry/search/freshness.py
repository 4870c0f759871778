"""Knowing when cached search pages are stale: a generation number bumped by every change they could show.

A transaction that writes an association, its selections or search document, a partner status or a municipality
bumps ``register_generation.value`` just before it commits, in the same transaction. Pages are cached under the
generation read *before* the search ran, so a page is never filed under a newer generation than its data.

The bump is the last lock a transaction takes and is followed only by the commit, so two writers cannot
deadlock on it (PostgreSQL); on SQLite writers are serialised anyway.
"""

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

from registry.associations.models import Association, AssociationSelection
from registry.municipalities.models import Municipality
from registry.search.models import RegisterGeneration, SearchDocument
from registry.staff.models import PartnerStatus

WATCHED = (Association, AssociationSelection, SearchDocument, PartnerStatus, Municipality)
_FLAG = "register_changed"


def _touches_register(session: Session) -> bool:
    return any(isinstance(instance, WATCHED)
               for instance in (*session.new, *session.dirty, *session.deleted))


def _note_changes(session: Session, flush_context) -> None:
    if _touches_register(session):
        session.info[_FLAG] = True


def _bump_before_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:  # the commit's own flush only comes after this hook
        session.flush()
    if session.info.pop(_FLAG, False):
        bump(session)


def _forget(session: Session, *args) -> None:
    session.info.pop(_FLAG, None)


def bump(session: Session) -> None:
    """Count one change to the register (inside the caller's transaction)."""
    changed = session.execute(update(RegisterGeneration).where(RegisterGeneration.id == 1)
                              .values(value=RegisterGeneration.value + 1)).rowcount
    if not changed:  # a schema made without the migrations (tests' create_all) has no row yet
        session.execute(insert(RegisterGeneration).values(id=1, value=1))


_CURRENT = select(RegisterGeneration.value).where(RegisterGeneration.id == 1)


def current_generation(session: Session) -> int:
    """The number of register changes committed so far, as this transaction sees it.

    Read through the session's connection (same transaction) rather than the ORM: this runs on every search.
    """
    return session.connection().execute(_CURRENT).scalar() or 0


def watch(session_class) -> None:
    """Attach the hooks to a session class (once per process)."""
    if event.contains(session_class, "after_flush", _note_changes):
        return
    event.listen(session_class, "after_flush", _note_changes)
    event.listen(session_class, "before_commit", _bump_before_commit)
    event.listen(session_class, "after_rollback", _forget)
