"""The audit trail as people read it: who did what, when, and what changed."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from registry.associations.choices import DOCUMENT_KINDS, STATUSES
from registry.audit.models import AuditEvent
from registry.core.i18n import localized
from registry.extensions import db
from registry.qualification.choices import ANSWERS, RECOMMENDATIONS
from registry.qualification.choices import CASE_STATUSES as QUALIFICATION_STATUSES
from registry.screening.choices import CASE_STATUSES as SCREENING_STATUSES
from registry.screening.choices import EXCEPTION_ANSWERS, FLAG_REASONS, LEGAL_BASES, OUTCOMES
from registry.supervision.choices import SANCTION_BASES, SANCTIONS

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
    "screening.opened": _l("Eligibility screening opened"),
    "screening.answers_saved": _l("Eligibility screening answers saved"),
    "screening.hearing_sent": _l("Hearing sent"),
    "screening.hearing_answered": _l("Hearing answered by the association"),
    "screening.decision_proposed": _l("Decision proposed"),
    "screening.decision_returned": _l("Decision sent back"),
    "screening.decided": _l("Decision made"),
    "screening.superseded": _l("Screening superseded by a new one"),
    "screening.rescreening_flagged": _l("Marked for re-screening"),
    "supervision.drawn": _l("Supervision sample drawn"),
    "supervision.findings_saved": _l("Supervision findings saved"),
    "supervision.sanction_recorded": _l("Sanction recorded"),
    "publication.published": _l("Yearly list published"),
    "settings.changed": _l("Settings changed"),
    "staff.created": _l("Staff account created"),
    "staff.invited": _l("Staff member invited"),
    "staff.joined": _l("Staff member joined"),
    "staff.activated": _l("Staff member reactivated"),
    "staff.deactivated": _l("Staff member deactivated"),
    "user.registered": _l("Account created"),
    "user.email_verified": _l("E-mail address confirmed"),
    "user.settings_changed": _l("Account settings changed"),
    "user.password_changed": _l("Password changed"),
    "user.password_reset": _l("Password reset"),
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
    "grant": _l("Grant"), "premises": _l("Premises"), "legal_basis": _l("Legal basis"),
    "deadline": _l("Deadline for the answer"), "documents": _l("Documents"), "comment": _l("Comment"),
    "valid_until": _l("Valid until"), "reason": _l("Reason"), "note": _l("Note"), "findings": _l("Findings"),
    "follow_up_on": _l("Follow-up date"), "year": _l("Year"), "seed": _l("Seed"), "active": _l("Active"),
    "four_eyes": _l("A refusal must be approved by a second staff member"),
    "validity_months": _l("Validity in months"), "complaint_guidance": _l("Complaints"),
}

#: Fields whose stored value is a key: the vocabularies that name it (the first that knows the key wins).
VALUES = {
    "grant": (OUTCOMES,), "premises": (OUTCOMES,), "legal_basis": (LEGAL_BASES, SANCTION_BASES),
    "recommendation": (RECOMMENDATIONS,), "reason": (FLAG_REASONS,), "kind": (DOCUMENT_KINDS, SANCTIONS),
    "status": (STATUSES, QUALIFICATION_STATUSES, SCREENING_STATUSES),
}
#: Checklist answers, as answers_saved events record them against the item's key.
ANSWER_VALUES = (ANSWERS, EXCEPTION_ANSWERS)


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


def describe(event: AuditEvent, item_texts: dict[str, str] | None = None) -> HistoryEntry:
    """Turn an audit event into translated, readable lines; ``item_texts`` names the checklist items it answers."""
    before, after = event.before or {}, event.after or {}
    keys = [key for key in dict.fromkeys([*before, *after]) if key not in ("sha256",)]
    if item_texts is not None:  # the keys are checklist items and the values answers
        changes = [Change(item_texts.get(key, key), _show(before.get(key), ANSWER_VALUES),
                          _show(after.get(key), ANSWER_VALUES)) for key in keys]
    else:
        changes = [Change(str(FIELDS.get(key, key)), _show(before.get(key), VALUES.get(key, ())),
                          _show(after.get(key), VALUES.get(key, ()))) for key in keys]
    label = ACTIONS.get(event.action, event.action)
    return HistoryEntry(at=event.occurred_at, who=event.actor.display_name if event.actor else None,
                        action=str(label), changes=changes)


def _show(value, vocabularies=()) -> object:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, str):
        for choices in vocabularies:
            if value in choices:
                return str(choices.label(value))
    if isinstance(value, list):
        return ", ".join(" ".join(str(part) for part in item if part) if isinstance(item, list)
                         else str(_show(item, vocabularies)) for item in value) or "–"
    return "–" if value in (None, "") else value


def _case_classes() -> dict[str, tuple[type, type]]:
    """Mapped classes with a checklist template, by table name, with their template class."""
    return {mapper.class_.__tablename__: (mapper.class_, mapper.relationships["template"].mapper.class_)
            for mapper in db.Model.registry.mappers if "template" in mapper.relationships}


def _item_texts(events: list[AuditEvent]) -> dict[tuple[str, int], dict[str, str]]:
    """For each case answered in the events: its checklist items' text in the reader's language, by key.

    One statement per kind of case (qualification, screening), however many cases and events there are.
    """
    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.action.endswith(".answers_saved"):
            wanted.setdefault(event.object_type, set()).add(event.object_id)
    locale, classes, texts = str(get_locale()), _case_classes(), {}
    for table, ids in wanted.items():
        if table not in classes:
            continue
        case_class, template_class = classes[table]
        rows = db.session.execute(select(case_class.id, template_class.items).join(case_class.template)
                                  .where(case_class.id.in_(ids)))
        for case_id, items in rows:
            texts[table, case_id] = {item["key"]: localized(item["text"], locale) for item in items}
    return texts


def _described(events: list[AuditEvent]) -> list[HistoryEntry]:
    texts = _item_texts(events)
    return [describe(event, texts.get((event.object_type, event.object_id))
                     if event.action.endswith(".answers_saved") else None) for event in events]


def history_for_association(association_id: int, limit: int = 200) -> list[HistoryEntry]:
    """The association's events, newest first."""
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.association_id == association_id)
        .options(selectinload(AuditEvent.actor)).order_by(AuditEvent.id.desc()).limit(limit))
    return _described(list(events))


def history_for_case(case_id: int, table: str = "qualification_cases") -> list[HistoryEntry]:
    """A case's own events, newest first."""
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == table, AuditEvent.object_id == case_id)
        .options(selectinload(AuditEvent.actor)).order_by(AuditEvent.id.desc()))
    return _described(list(events))
