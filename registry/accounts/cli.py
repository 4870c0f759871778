"""`flask accounts create-staff`: the operator creates a municipality's first administrator."""

import click
from sqlalchemy import select

from registry.accounts import bp
from registry.accounts.models import STAFF_ROLES, User
from registry.accounts.passwords import MIN_LENGTH, hash_password
from registry.accounts.services import find_user_by_email, normalise_email
from registry.audit.services import record_audit
from registry.core.models import utcnow
from registry.extensions import db
from registry.municipalities.models import Municipality

bp.cli.short_help = "User accounts."


def find_municipality(reference: str) -> Municipality | None:
    """Find a municipality by 'DK-751' / 'SE-0180' or by exact name."""
    country, _, code = reference.partition("-")
    query = select(Municipality)
    if code and country.upper() in ("DK", "SE"):
        query = query.where(Municipality.country == country.upper(), Municipality.code == code)
    else:
        query = query.where(Municipality.name == reference)
    return db.session.scalars(query).first()


@bp.cli.command("create-staff")
@click.argument("email")
@click.option("--municipality", required=True, help="e.g. DK-751 (Aarhus) or SE-0180 (Stockholm)")
@click.option("--name", "display_name", required=True)
@click.option("--role", type=click.Choice(STAFF_ROLES), default="administrator", show_default=True)
@click.option("--locale", type=click.Choice(["da", "sv", "en"]), default="da", show_default=True)
@click.password_option(help=f"At least {MIN_LENGTH} characters.")
def create_staff(email, municipality, display_name, role, locale, password) -> None:
    """Create a municipal staff account (verified, active)."""
    place = find_municipality(municipality)
    if place is None:
        raise click.BadParameter(f"unknown municipality {municipality!r}", param_hint="--municipality")
    if len(password) < MIN_LENGTH:
        raise click.BadParameter(f"at least {MIN_LENGTH} characters", param_hint="--password")
    if find_user_by_email(email) is not None:
        raise click.ClickException(f"{email} already has an account")
    user = User(email=normalise_email(email), password_hash=hash_password(password), display_name=display_name,
                locale=locale, role=role, municipality_id=place.id, email_verified_at=utcnow())
    db.session.add(user)
    db.session.flush()
    record_audit(None, "staff.created", user, after={"email": user.email, "role": role, "municipality": place.code})
    db.session.commit()
    click.echo(f"Created {role} {user.email} for {place.name}.")
