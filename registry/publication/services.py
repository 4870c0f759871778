"""Building and publishing the yearly lists of folkeoplysningsloven § 35 a.

§ 35 a, stk. 1, asks a Danish municipality to publish the associations that received grants or premises under
the Act, and stk. 2 those it refused. The lists are built from the awards staff record (an eligibility finding
is not an award) and from final refusals, on the Act's own legal bases only: a § 44 a case is support on another
basis, not «efter denne lov». Swedish law has no such duty, so Swedish municipalities get no list.
"""

from datetime import UTC, datetime

from flask_babel import gettext as _
from sqlalchemy import or_, select

from registry.associations.models import Association
from registry.audit.services import record_audit
from registry.awards.models import Award
from registry.core.forms import FieldValueError
from registry.core.spreadsheets import csv_bytes
from registry.extensions import db
from registry.municipalities.models import Municipality
from registry.publication.models import PublishedList
from registry.screening.models import Decision, ScreeningCase

#: The legal bases «efter denne lov» (FOL § 4, stk. 2 and 3).
FOL_BASES = ("dk_fol_stk2", "dk_fol_stk3")
#: Only Danish municipalities publish (folkeoplysningsloven § 35 a).
COUNTRY = "DK"
LISTS = ("granted", "refused")


def _entry(name: str, number: str | None, which: str) -> dict:
    return {"name": name, "registration_number": number, "list": which, "grant": False, "premises": False}


def _awarded(municipality_id: int, year: int) -> dict[int, dict]:
    rows = db.session.execute(
        select(Association.id, Association.name, Association.registration_number, Award.grant, Award.premises)
        .join(Award, Award.association_id == Association.id).join(ScreeningCase, ScreeningCase.id == Award.case_id)
        .where(Award.municipality_id == municipality_id, Award.year == year,
               ScreeningCase.legal_basis.in_(FOL_BASES)))
    found: dict[int, dict] = {}
    for association_id, name, number, grant, premises in rows:
        entry = found.setdefault(association_id, _entry(name, number, "granted"))
        entry["grant"] |= bool(grant)
        entry["premises"] |= bool(premises)
    return found


def _refused(municipality_id: int, year: int) -> dict[int, dict]:
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    rows = db.session.execute(
        select(Association.id, Association.name, Association.registration_number, Decision.grant_outcome,
               Decision.premises_outcome)
        .join(ScreeningCase, ScreeningCase.association_id == Association.id)
        .join(Decision, Decision.case_id == ScreeningCase.id)
        .where(ScreeningCase.municipality_id == municipality_id, ScreeningCase.legal_basis.in_(FOL_BASES),
               Decision.status == "final", Decision.decided_at >= start, Decision.decided_at < end,
               or_(Decision.grant_outcome == "not_eligible", Decision.premises_outcome == "not_eligible")))
    found: dict[int, dict] = {}
    for association_id, name, number, grant, premises in rows:
        entry = found.setdefault(association_id, _entry(name, number, "refused"))
        entry["grant"] |= grant == "not_eligible"
        entry["premises"] |= premises == "not_eligible"
    return found


def list_entries(municipality_id: int, year: int) -> list[dict]:
    """The year's § 35 a entries: associations awarded grants or premises under the Act, then those refused."""
    entries = []
    for found in (_awarded(municipality_id, year), _refused(municipality_id, year)):
        entries += sorted(found.values(), key=lambda entry: entry["name"].lower())
    return entries


def publishes(municipality: Municipality) -> bool:
    """Whether the law asks this municipality to publish § 35 a lists."""
    return municipality.country == COUNTRY


def publish_list(actor, year: int) -> PublishedList:
    """Publish (or publish again) the year's list of the actor's municipality."""
    if not publishes(actor.municipality):
        raise FieldValueError("year", _("Only Danish municipalities publish these lists."))
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
    return list(db.session.scalars(select(PublishedList).join(Municipality).where(
        Municipality.country == COUNTRY).order_by(Municipality.name, PublishedList.year.desc())))


def find_list(country: str, code: str, year: int) -> PublishedList | None:
    """A published list by municipality code and year."""
    if country != COUNTRY:
        return None
    return db.session.scalars(select(PublishedList).join(Municipality).where(
        Municipality.country == country, Municipality.code == code, PublishedList.year == year)).first()


def by_list(entries: list[dict]) -> tuple[list[dict], list[dict]]:
    """The entries of the two lists: those that received grants or premises, and those refused."""
    return tuple([entry for entry in entries if entry.get("list") == which] for which in LISTS)


def as_csv(published: PublishedList, list_names: dict[str, str], header: list[str], yes: str) -> bytes:
    """The lists as CSV, one row per association and list."""
    return csv_bytes(header, [[list_names[entry["list"]], entry["name"], entry.get("registration_number") or "",
                               yes if entry["grant"] else "", yes if entry["premises"] else ""]
                              for entry in published.entries])
