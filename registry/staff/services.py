"""Dashboard figures and the exports of the register."""

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select, union_all
from sqlalchemy.orm import selectinload

from registry.associations.choices import PARTNER_STATUSES, ROLES, TARGET_GROUPS
from registry.associations.models import Association, association_municipalities
from registry.core.spreadsheets import csv_bytes, xlsx_bytes
from registry.extensions import db
from registry.search.query import Filters, search_statement
from registry.staff.models import PartnerStatus
from registry.staff.scope import visible_ids

EXPORT_LIMIT = 10_000
# Aliases for newest_submissions(), made once (an alias of the 35-column table is costly to build).
_NEWEST_HOME = Association.__table__.alias("newest_home")
_NEWEST_ACTIVE = Association.__table__.alias("newest_active")


def status_counts(municipality_id: int) -> dict[str, int]:
    """How many associations in the municipality stand at each partner status.

    Both counts go through visible_ids(): index lookups proportional to the municipality's own register.
    """
    total = db.session.scalar(select(func.count()).select_from(visible_ids(municipality_id).subquery()))
    rows = db.session.execute(
        select(PartnerStatus.status, func.count())
        .where(PartnerStatus.municipality_id == municipality_id,
               PartnerStatus.association_id.in_(visible_ids(municipality_id)))
        .group_by(PartnerStatus.status))
    counts = {key: 0 for key in PARTNER_STATUSES}
    for status, count in rows:
        counts[status] = count
    counts["submitted"] = total - sum(count for key, count in counts.items() if key != "submitted")
    return counts


def newest_submissions(municipality_id: int, limit: int = 8) -> list[Association]:
    """The associations most recently handed in.

    The newest few at home (read backwards along the home_municipality_id, submitted_at index) and the newest
    few only active here are the only candidates, so the whole register is never sorted.
    """
    links, home, active = association_municipalities, _NEWEST_HOME, _NEWEST_ACTIVE
    newest = [home.c.submitted_at.desc(), home.c.id.desc()]
    at_home = (select(home.c.id).where(home.c.home_municipality_id == municipality_id, home.c.status != "draft")
               .order_by(*newest).limit(limit).subquery())
    only_active = (select(active.c.id).join(links, links.c.association_id == active.c.id)
                   .where(links.c.municipality_id == municipality_id, active.c.status != "draft",
                          active.c.home_municipality_id.is_distinct_from(municipality_id))
                   .order_by(active.c.submitted_at.desc(), active.c.id.desc()).limit(limit).subquery())
    candidates = union_all(select(at_home.c.id), select(only_active.c.id))
    return list(db.session.scalars(
        select(Association).where(Association.id.in_(candidates))
        .options(selectinload(Association.home_municipality))
        .order_by(Association.submitted_at.desc(), Association.id.desc()).limit(limit)))


def partner_statuses(municipality_id: int, association_ids: list[int]) -> dict[int, str]:
    """The municipality's status for each of the given associations ("submitted" when none)."""
    rows = db.session.execute(select(PartnerStatus.association_id, PartnerStatus.status).where(
        PartnerStatus.municipality_id == municipality_id, PartnerStatus.association_id.in_(association_ids)))
    found = dict(rows.all())
    return {association_id: found.get(association_id, "submitted") for association_id in association_ids}


def _export_rows(filters: Filters, municipality_id: int, country: str) -> tuple[list[str], list[list]]:
    statement = search_statement(filters, municipality_id, country).options(
        selectinload(Association.home_municipality), selectinload(Association.selections)).limit(EXPORT_LIMIT)
    associations = list(db.session.scalars(statement))
    statuses = partner_statuses(municipality_id, [a.id for a in associations])
    header = [_("Name"), _("CVR number or organisationsnummer"), _("Home municipality"), _("Status"), _("Roles"),
              _("Target groups"), _("Local areas"), _("E-mail address"), _("Phone"), _("Submitted"),
              _("Documents complete")]
    rows = [[
        a.name, a.registration_number or "", a.home_municipality.name if a.home_municipality else "",
        str(PARTNER_STATUSES.label(statuses[a.id])), ", ".join(ROLES.labels(a.selected("role"))),
        ", ".join(TARGET_GROUPS.labels(a.selected("target_group"))), ", ".join(a.local_area_list),
        a.email or "", a.phone or "", a.submitted_at.date().isoformat() if a.submitted_at else "",
        _("Yes") if a.documents_complete else _("No"),
    ] for a in associations]
    return header, rows


def export_csv(filters: Filters, municipality_id: int, country: str) -> bytes:
    """The search result as CSV (UTF-8 with BOM and semicolons, as Danish and Swedish Excel expects)."""
    return csv_bytes(*_export_rows(filters, municipality_id, country))


def export_xlsx(filters: Filters, municipality_id: int, country: str) -> bytes:
    """The search result as an Excel workbook."""
    return xlsx_bytes(_("Associations"), *_export_rows(filters, municipality_id, country))


def export_filename(extension: str) -> str:
    """A dated file name for an export."""
    return f"partnerregister-{datetime.now():%Y-%m-%d}.{extension}"
