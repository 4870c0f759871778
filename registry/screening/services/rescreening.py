"""Events that mark an association for re-screening, and their resolution by a new decision."""

from sqlalchemy import select

from registry.audit.services import record_audit
from registry.core.models import utcnow
from registry.extensions import db
from registry.screening.models import RescreeningFlag, ScreeningCase


def _municipalities_with_decisions(association_id: int) -> list[int]:
    return list(db.session.scalars(select(ScreeningCase.municipality_id).where(
        ScreeningCase.association_id == association_id, ScreeningCase.status == "decided").distinct()))


def flag_for_rescreening(actor, association_id: int, reason: str, note: str | None = None,
                         municipality_id: int | None = None) -> list[RescreeningFlag]:
    """Mark the association for every municipality that has decided on it (or for one, for a concern).

    Runs inside the caller's transaction; an open flag of the same reason is not repeated.
    """
    targets = [municipality_id] if municipality_id is not None else _municipalities_with_decisions(association_id)
    flags = []
    for target in targets:
        open_flag = db.session.scalars(select(RescreeningFlag).where(
            RescreeningFlag.association_id == association_id, RescreeningFlag.municipality_id == target,
            RescreeningFlag.reason == reason, RescreeningFlag.resolved_at.is_(None))).first()
        if open_flag is not None and reason != "concern":
            continue
        flag = RescreeningFlag(association_id=association_id, municipality_id=target, reason=reason, note=note,
                               created_by_id=getattr(actor, "id", None))
        db.session.add(flag)
        db.session.flush()
        record_audit(actor, "screening.rescreening_flagged", flag, association_id=association_id,
                     after={"reason": reason, "note": note})
        flags.append(flag)
    return flags


def resolve_flags(association_id: int, municipality_id: int) -> None:
    """A new decision answers every open flag of that municipality (caller commits)."""
    for flag in db.session.scalars(select(RescreeningFlag).where(
            RescreeningFlag.association_id == association_id, RescreeningFlag.municipality_id == municipality_id,
            RescreeningFlag.resolved_at.is_(None))):
        flag.resolved_at = utcnow()


def open_flags(municipality_id: int, association_id: int | None = None, limit: int = 50) -> list[RescreeningFlag]:
    """Unresolved flags of a municipality, newest first."""
    statement = select(RescreeningFlag).where(RescreeningFlag.municipality_id == municipality_id,
                                              RescreeningFlag.resolved_at.is_(None))
    if association_id is not None:
        statement = statement.where(RescreeningFlag.association_id == association_id)
    return list(db.session.scalars(statement.order_by(RescreeningFlag.id.desc()).limit(limit)))


def record_concern(actor, association, note: str) -> RescreeningFlag:
    """A staff member's concern marks the association for re-screening in their municipality."""
    flag = flag_for_rescreening(actor, association.id, "concern", note, municipality_id=actor.municipality_id)[0]
    db.session.commit()
    return flag
