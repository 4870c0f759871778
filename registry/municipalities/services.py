"""Loading and looking up municipalities."""

import csv
from importlib import resources

from flask import current_app
from sqlalchemy import select

from registry.extensions import db
from registry.municipalities.models import Municipality

DATA_FILES = {"DK": "dk_municipalities.csv", "SE": "se_municipalities.csv"}


def read_reference_data() -> list[dict[str, str]]:
    """The official municipality lists shipped with the project, as rows."""
    rows = []
    for country, filename in DATA_FILES.items():
        text = resources.files("registry.municipalities").joinpath("data", filename).read_text("utf-8")
        for row in csv.DictReader(text.splitlines()):
            region = row.get("region") or row.get("county")
            rows.append({"country": country, "code": row["code"], "name": row["name"], "region": region})
    return rows


def load_municipalities() -> tuple[int, int]:
    """Insert missing municipalities and correct changed names; returns (added, updated)."""
    existing = {(m.country, m.code): m for m in db.session.scalars(select(Municipality))}
    added = updated = 0
    for row in read_reference_data():
        current = existing.get((row["country"], row["code"]))
        if current is None:
            db.session.add(Municipality(**row))
            added += 1
        elif (current.name, current.region) != (row["name"], row["region"]):
            current.name, current.region = row["name"], row["region"]
            updated += 1
    db.session.commit()
    return added, updated


def municipalities_of(country: str) -> list[Municipality]:
    """All municipalities of a country, sorted by name."""
    return list(db.session.scalars(
        select(Municipality).where(Municipality.country == country).order_by(Municipality.name)))


def grouped_by_region(country: str) -> list[tuple[str, list[Municipality]]]:
    """Municipalities of a country grouped by region/län, both sorted by name."""
    groups: dict[str, list[Municipality]] = {}
    for municipality in municipalities_of(country):
        groups.setdefault(municipality.region, []).append(municipality)
    return sorted(groups.items())


def municipality_country(user) -> str | None:
    """The country of a staff member's municipality, without loading the municipality on every request.

    A municipality never changes country, so the answer is kept for the life of the app.
    """
    if user.municipality_id is None:
        return None
    known = current_app.extensions.setdefault("municipality_countries", {})
    country = known.get(user.municipality_id)
    if country is None:
        country = known[user.municipality_id] = db.session.scalar(
            select(Municipality.country).where(Municipality.id == user.municipality_id))
    return country
