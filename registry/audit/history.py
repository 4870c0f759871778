"""The audit trail as people read it: who did what, when, and what changed."""

import math
from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import get_month_names
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from registry.associations.choices import BOARD_ROLES
from registry.associations.labels import language_labels
from registry.audit.models import AuditEvent
from registry.audit.vocabularies import (
    ACTIONS,
    ANSWER_VALUES,
    DATES,
    FIELDS,
    HIDDEN,
    LANGUAGE_CODES,
    MONTHS,
    MUNICIPALITY_CODES,
    MUNICIPALITY_IDS,
    VALUES,
)
from registry.core.i18n import LANGUAGE_NAMES, format_date, localized
from registry.extensions import db
from registry.municipalities.models import Municipality


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


def describe(event: AuditEvent, item_texts: dict[str, str] | None = None,
             places: dict[int | str, str] | None = None) -> HistoryEntry:
    """Turn an audit event into translated, readable lines.

    ``item_texts`` names the checklist items an answers_saved event answers; ``places`` names the municipalities
    it mentions, by id and by code (looked up here if not given).
    """
    before, after = event.before or {}, event.after or {}
    keys = [key for key in dict.fromkeys([*before, *after]) if key not in HIDDEN]
    if item_texts is not None:  # the keys are checklist items and the values answers
        changes = [Change(item_texts.get(key, key), _show(before.get(key), ANSWER_VALUES),
                          _show(after.get(key), ANSWER_VALUES)) for key in keys]
    else:
        places = _municipality_names([event]) if places is None else places
        changes = [Change(str(FIELDS.get((event.action, key)) or FIELDS.get(key, key)),
                          _field_value(event.action, key, before.get(key), places),
                          _field_value(event.action, key, after.get(key), places)) for key in keys]
    label = ACTIONS.get(event.action, event.action)
    return HistoryEntry(at=event.occurred_at, who=event.actor.display_name if event.actor else None,
                        action=str(label), changes=changes)


def _field_value(action: str, key: str, value, places: dict[int | str, str]) -> object:
    """A stored field value as the reader names it; keys go through their vocabulary."""
    if value in (None, "", []) or isinstance(value, bool):
        return _show(value)
    if key in MUNICIPALITY_IDS or key in MUNICIPALITY_CODES:
        return ", ".join(places.get(item, str(item)) for item in (value if isinstance(value, list) else [value]))
    if key in LANGUAGE_CODES:
        return ", ".join(language_labels(value.split(",") if isinstance(value, str) else value))
    if key in DATES:
        return _date(value)
    if key in MONTHS and isinstance(value, int) and 1 <= value <= 12:
        return get_month_names("wide", locale=str(get_locale()))[value]
    if key == "board":
        return "; ".join(_board_member(*row) for row in value)
    if key == "size" and isinstance(value, int):
        return f"{math.ceil(value / 1024)} kB"
    if isinstance(value, dict):  # texts by language (complaint guidance), else reasons by association
        if set(value) <= set(LANGUAGE_NAMES):
            return localized(value, str(get_locale())) or "–"
        names = VALUES.get(key, ())
        return ", ".join(f"{_show(name, names)}: {text}" for name, text in value.items() if text) or "–"
    return _show(value, VALUES[action, key] if (action, key) in VALUES else VALUES.get(key, ()))


def _show(value, vocabularies=()) -> object:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, str):
        for choices in vocabularies:
            if value in choices:
                return str(choices.label(value))
    if isinstance(value, list):
        return ", ".join(str(_show(item, vocabularies)) for item in value) or "–"
    return "–" if value in (None, "") else value


def _date(value: str) -> str:
    try:
        return format_date(date.fromisoformat(value))
    except (TypeError, ValueError):
        return str(value)


def _board_member(name: str, role: str | None = None, elected_on: str | None = None) -> str:
    """A board row as stored, [name, role key, ISO date], as it reads: "Anna Berg (Chair, 1 Mar 2026)"."""
    details = [str(_show(role, (BOARD_ROLES,)))] if role else []
    details += [_date(elected_on)] if elected_on else []
    return f"{name} ({', '.join(details)})" if details else name


def _municipality_names(events: list[AuditEvent]) -> dict[int | str, str]:
    """The names of the municipalities the events mention, by id and by code, in one statement.

    Codes are unique across the countries (Danish ones have three digits, Swedish ones four).
    """
    ids, codes = set(), set()
    for event in events:
        for values in (event.before or {}, event.after or {}):
            ids.update(values[key] for key in MUNICIPALITY_IDS if isinstance(values.get(key), int))
            for key in MUNICIPALITY_CODES:
                found = values.get(key)
                codes.update(code for code in (found if isinstance(found, list) else [found]) if isinstance(code, str))
    if not ids and not codes:
        return {}
    names: dict[int | str, str] = {}
    for id_, code, name in db.session.execute(select(Municipality.id, Municipality.code, Municipality.name).where(
            or_(Municipality.id.in_(ids), Municipality.code.in_(codes)))):
        if id_ in ids:
            names[id_] = name
        if code in codes:
            names[code] = name
    return names


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
    texts, places = _item_texts(events), _municipality_names(events)
    return [describe(event, texts.get((event.object_type, event.object_id))
                     if event.action.endswith(".answers_saved") else None, places) for event in events]


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
