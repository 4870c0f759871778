"""The audit trail as people read it: who did what, when, and what changed."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from registry.audit.models import AuditEvent
from registry.extensions import db

ACTIONS = {
    "association.created": _l("Association created"),
    "association.identity_saved": _l("Identity changed"),
    "association.purpose_saved": _l("Purpose and activities changed"),
    "association.target_groups_saved": _l("Target groups changed"),
    "association.governance_saved": _l("Governance changed"),
    "association.board_saved": _l("Board changed"),
    "association.roles_saved": _l("Roles and motivations changed"),
    "association.motivations_saved": _l("Motivations changed"),
    "association.collaborations_saved": _l("Forms of collaboration changed"),
    "association.submitted": _l("Submitted to the municipality"),
    "association.resubmitted": _l("Submitted again after changes"),
    "association.public_profile_changed": _l("Public profile consent changed"),
    "document.uploaded": _l("Document uploaded"),
    "document.deleted": _l("Document removed"),
    "declaration.given": _l("Declaration given"),
    "representative.invited": _l("Representative invited"),
    "representative.joined": _l("Representative joined"),
    "representative.removed": _l("Representative removed"),
    "representative.invitation_revoked": _l("Invitation withdrawn"),
    "qualification.opened": _l("Qualification opened"),
    "qualification.answers_saved": _l("Qualification answers saved"),
    "qualification.concluded": _l("Qualification concluded"),
    "qualification.superseded": _l("Qualification superseded by a new one"),
    "checklist.local_item_added": _l("Local checklist item added"),
}

FIELDS = {
    "name": _l("Name"), "country": _l("Country"), "registration_number": _l("CVR number or organisationsnummer"),
    "no_registration_number": _l("No CVR number or organisationsnummer"),
    "home_municipality_id": _l("Home municipality"), "active_municipalities": _l("Also active in"),
    "address": _l("Address"), "postcode": _l("Postcode"), "city": _l("Town"), "website": _l("Website"),
    "email": _l("E-mail address"), "phone": _l("Phone"), "purpose": _l("Purpose"), "activities": _l("Activities"),
    "target_groups_other": _l("Other target groups, or a closer description"), "local_areas": _l("Local areas"),
    "languages": _l("Languages"), "member_count": _l("Members"), "paying_member_count": _l("Paying members"),
    "volunteer_count": _l("Volunteers"), "founded_year": _l("Year founded"), "board": _l("Board"),
    "assembly_elects_board": _l("Does the general assembly elect the board?"),
    "open_to_all": _l("Is membership open to everyone who supports the purpose?"),
    "non_commercial": _l("Is the association run without a commercial aim?"),
    "role": _l("Roles"), "motivation": _l("Motivations"), "collaboration": _l("Forms of collaboration"),
    "target_group": _l("Target groups"), "status": _l("Status"), "public_profile": _l("Public profile"),
    "kind": _l("Type"), "filename": _l("File"), "recommendation": _l("Recommendation"),
    "template": _l("Checklist version"), "superseded_by": _l("Superseded by case"),
}


@dataclass
class Change:
    """One field's value before and after."""

    field: str
    before: object
    after: object


@dataclass
class HistoryEntry:
    """One event, ready to show."""

    at: datetime
    who: str | None
    action: str
    changes: list[Change]


def describe(event: AuditEvent) -> HistoryEntry:
    """Turn an audit event into translated, readable lines."""
    before, after = event.before or {}, event.after or {}
    keys = [key for key in dict.fromkeys([*before, *after]) if key not in ("sha256",)]
    changes = [Change(str(FIELDS.get(key, key)), _show(before.get(key)), _show(after.get(key))) for key in keys]
    label = ACTIONS.get(event.action, event.action)
    return HistoryEntry(at=event.occurred_at, who=event.actor.display_name if event.actor else None,
                        action=str(label), changes=changes)


def _show(value) -> object:
    if isinstance(value, list):
        return ", ".join(" ".join(str(part) for part in item if part) if isinstance(item, list) else str(item)
                         for item in value) or "–"
    return "–" if value in (None, "") else value


def history_for_association(association_id: int, limit: int = 200) -> list[HistoryEntry]:
    """The association's events, newest first."""
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.association_id == association_id)
        .options(selectinload(AuditEvent.actor)).order_by(AuditEvent.id.desc()).limit(limit))
    return [describe(event) for event in events]


def history_for_case(case_id: int, table: str = "qualification_cases") -> list[HistoryEntry]:
    """A case's own events, newest first."""
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == table, AuditEvent.object_id == case_id)
        .options(selectinload(AuditEvent.actor)).order_by(AuditEvent.id.desc()))
    return [describe(event) for event in events]
