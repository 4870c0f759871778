"""Writing and verifying the audit trail."""

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select, text

from registry.audit.models import AuditEvent
from registry.core.models import utcnow
from registry.extensions import db

GENESIS = "0" * 64


def _digest(prev_hash: str, event: AuditEvent) -> str:
    payload = {
        "prev": prev_hash,
        "at": event.occurred_at.isoformat(),
        "actor": event.actor_id,
        "action": event.action,
        "type": event.object_type,
        "id": event.object_id,
        "association": event.association_id,
        "before": event.before,
        "after": event.after,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _jsonable(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return json.loads(json.dumps(values, default=str))


def record_audit(actor, action: str, obj, before: dict | None = None, after: dict | None = None,
                 association_id: int | None = None) -> AuditEvent:
    """Append an event to the chain inside the caller's transaction (flushes, never commits)."""
    if db.engine.dialect.name == "postgresql":
        # Serialise appenders so that two transactions cannot chain onto the same event.
        db.session.execute(text("SELECT pg_advisory_xact_lock(727274)"))
    db.session.flush()
    last = db.session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS
    event = AuditEvent(
        occurred_at=utcnow().replace(microsecond=0),
        actor_id=getattr(actor, "id", None),
        action=action,
        object_type=obj.__tablename__,
        object_id=inspect(obj).identity[0],
        association_id=association_id,
        before=_jsonable(before),
        after=_jsonable(after),
        prev_hash=last,
    )
    event.hash = _digest(last, event)
    db.session.add(event)
    db.session.flush()
    return event


@dataclass
class ChainProblem:
    """An event whose stored hash or link does not match the chain."""

    event_id: int
    reason: str


@dataclass(frozen=True)
class Anchor:
    """An event's id and hash as written down outside the database, e.g. in a daily log line."""

    event_id: int
    hash: str

    def line(self) -> str:
        """The anchor as one line of text, the form parse_anchors() reads back."""
        return f"audit-anchor {self.event_id} {self.hash}"


def chain_head() -> Anchor | None:
    """The newest event as an anchor (None while the trail is empty)."""
    newest = db.session.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    return Anchor(newest.id, newest.hash) if newest else None


def parse_anchors(text_: str) -> list[Anchor]:
    """Anchors from lines containing ``audit-anchor <id> <hash>`` (other lines, e.g. log prefixes, are ignored)."""
    found = re.findall(r"audit-anchor (\d+) ([0-9a-f]{64})\b", text_)
    return [Anchor(int(event_id), hash_) for event_id, hash_ in found]


def verify_chain(anchors: list[Anchor] = ()) -> list[ChainProblem]:
    """Recompute the chain; report altered events, breaks left by deleted ones, and anchors it no longer holds.

    The chain alone cannot show that its newest events were removed, or that all of it was rewritten with
    new hashes: an anchor kept outside the database can. An anchored event must still be there, unchanged.
    """
    problems: list[ChainProblem] = []
    prev = GENESIS
    hashes: dict[int, str] = {}
    for event in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        if event.prev_hash != prev:
            problems.append(ChainProblem(event.id, "link"))
        if _digest(event.prev_hash, event) != event.hash:
            problems.append(ChainProblem(event.id, "content"))
        prev = hashes[event.id] = event.hash
    for anchor in anchors:
        if hashes.get(anchor.event_id) != anchor.hash:
            problems.append(ChainProblem(anchor.event_id, "anchor" if anchor.event_id in hashes else "missing"))
    return problems
