"""Building and publishing the yearly lists."""

import csv
import io
from datetime import UTC, datetime

from sqlalchemy import select

from registry.associations.models import Association
from registry.audit.services import record_audit
from registry.extensions import db
from registry.municipalities.models import Municipality
from registry.publication.models import PublishedList
from registry.screening.models import Decision, ScreeningCase

GRANTED = ("eligible", "eligible_with_conditions")


def _verdict(outcome: str | None) -> str | None:
    if outcome is None:
        return None
    return "granted" if outcome in GRANTED else "refused"


def list_entries(municipality_id: int, year: int) -> list[dict]:
    """Each association's latest final decision of the year, as granted/refused for grant and premises."""
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    rows = db.session.execute(
        select(Association.id, Association.name, Association.registration_number, Decision.grant_outcome,
               Decision.premises_outcome)
        .join(ScreeningCase, ScreeningCase.association_id == Association.id)
        .join(Decision, Decision.case_id == ScreeningCase.id)
        .where(ScreeningCase.municipality_id == municipality_id, Decision.status == "final",
               Decision.decided_at >= start, Decision.decided_at < end)
        .order_by(Decision.decided_at, Decision.id))
    latest = {}
    for association_id, name, number, grant, premises in rows:
        latest[association_id] = {"name": name, "registration_number": number, "grant": _verdict(grant),
                                  "premises": _verdict(premises)}
    return sorted(latest.values(), key=lambda entry: entry["name"].lower())


def publish_list(actor, year: int) -> PublishedList:
    """Publish (or publish again) the year's list of the actor's municipality."""
    entries = list_entries(actor.municipality_id, year)
    published = db.session.scalars(select(PublishedList).where(
        PublishedList.municipality_id == actor.municipality_id, PublishedList.year == year)).first()
    if published is None:
        published = PublishedList(municipality_id=actor.municipality_id, year=year, entries=entries)
        db.session.add(published)
    published.entries, published.published_by_id = entries, actor.id
    published.published_at = datetime.now(UTC)
    db.session.flush()
    record_audit(actor, "publication.published", published, after={"year": year, "entries": len(entries)})
    db.session.commit()
    return published


def published_lists() -> list[PublishedList]:
    """Every published list, by municipality and year."""
    return list(db.session.scalars(select(PublishedList).join(Municipality).order_by(
        Municipality.country, Municipality.name, PublishedList.year.desc())))


def find_list(country: str, code: str, year: int) -> PublishedList | None:
    """A published list by municipality code and year."""
    return db.session.scalars(select(PublishedList).join(Municipality).where(
        Municipality.country == country, Municipality.code == code, PublishedList.year == year)).first()


def as_csv(published: PublishedList, labels: dict[str, str], header: list[str]) -> bytes:
    """The list as CSV (semicolons, UTF-8 with BOM)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for entry in published.entries:
        writer.writerow([entry["name"], entry.get("registration_number") or "",
                         labels.get(entry["grant"], ""), labels.get(entry["premises"], "")])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
