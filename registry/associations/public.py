"""Queries behind the public directory of consented profiles."""

from sqlalchemy import func, select

from registry.associations.models import Association
from registry.extensions import db

PER_PAGE = 20


def publicly_listed():
    """SQL condition: the association consented to a public profile and has been submitted (drafts stay private)."""
    return Association.public_profile.is_(True) & (Association.status != "draft")


def public_profiles(query: str = "", country: str = "", page: int = 1):
    """Consented, submitted profiles by name, optionally narrowed by name fragment and country; paginated."""
    statement = select(Association).where(publicly_listed()).order_by(func.lower(Association.name))
    if query:
        statement = statement.where(Association.name.ilike(f"%{query}%"))
    if country:
        statement = statement.where(Association.country == country)
    return db.paginate(statement, page=max(page, 1), per_page=PER_PAGE, error_out=False)
