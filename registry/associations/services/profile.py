"""Creating an association and saving the wizard's profile steps."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from registry.associations.models import Association, AssociationSelection, BoardMember, Representative
from registry.audit.services import record_audit
from registry.core.forms import FieldValueError
from registry.extensions import db
from registry.municipalities.models import Municipality
from registry.screening.services.rescreening import flag_for_rescreening
from registry.search.services import reindex_association


def _snapshot(association: Association, names: tuple[str, ...]) -> dict:
    return {name: getattr(association, name) for name in names}


def _audit_change(actor, association: Association, action: str, before: dict, after: dict) -> None:
    changed = [key for key in after if before.get(key) != after[key]]
    if changed:
        record_audit(actor, action, association, before={k: before.get(k) for k in changed},
                     after={k: after[k] for k in changed}, association_id=association.id)


def _assign(actor, association: Association, action: str, values: dict) -> None:
    """Set scalar fields and record what changed."""
    before = _snapshot(association, tuple(values))
    for name, value in values.items():
        setattr(association, name, value)
    _audit_change(actor, association, action, before, values)


def create_association(user, name: str, country: str) -> Association:
    """Create a draft association with the user as its owner."""
    association = Association(name=name, country=country, status="draft")
    db.session.add(association)
    db.session.flush()
    db.session.add(Representative(association_id=association.id, user_id=user.id, rights="owner"))
    record_audit(user, "association.created", association, after={"name": name, "country": country},
                 association_id=association.id)
    reindex_association(association)
    db.session.commit()
    return association


@dataclass
class Identity:
    """Validated input of the identity step."""

    name: str
    country: str
    registration_number: str | None
    no_registration_number: bool
    home_municipality_id: int
    active_municipality_ids: list[int] = field(default_factory=list)
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None


def save_identity(actor, association: Association, data: Identity) -> None:
    """Save step 1; the municipalities must belong to the chosen country."""
    home = db.session.get(Municipality, data.home_municipality_id)
    if home is None or home.country != data.country:
        raise FieldValueError("home_municipality", _("Choose a municipality in the association's country."))
    active = list(db.session.scalars(select(Municipality).where(
        Municipality.id.in_(data.active_municipality_ids), Municipality.country == data.country)))
    if len(active) != len(set(data.active_municipality_ids)):
        raise FieldValueError("active_municipalities", _("Choose municipalities in the association's country."))
    values = {
        "name": data.name, "country": data.country,
        "registration_number": data.registration_number,
        "no_registration_number": data.no_registration_number and not data.registration_number,
        "home_municipality_id": home.id, "address": data.address, "postcode": data.postcode,
        "city": data.city, "website": data.website, "email": data.email, "phone": data.phone,
    }
    _assign(actor, association, "association.identity_saved", values)
    before_active = sorted(m.code for m in association.active_municipalities)
    association.active_municipalities = [m for m in active if m.id != home.id]
    after_active = sorted(m.code for m in association.active_municipalities)
    _audit_change(actor, association, "association.identity_saved",
                  {"active_municipalities": before_active}, {"active_municipalities": after_active})
    reindex_association(association)
    db.session.commit()


def _replace_selections(actor, association: Association, kind: str, keys: list[str]) -> None:
    before = sorted(association.selected(kind))
    association.selections = [s for s in association.selections if s.kind != kind] + [
        AssociationSelection(kind=kind, key=key) for key in dict.fromkeys(keys)]
    _audit_change(actor, association, f"association.{kind}s_saved", {kind: before}, {kind: sorted(set(keys))})


def save_purpose(actor, association: Association, purpose: str, activities: str, target_groups: list[str],
                 target_groups_other: str | None, local_areas: str | None, languages: list[str]) -> None:
    """Save step 2."""
    _assign(actor, association, "association.purpose_saved", {
        "purpose": purpose, "activities": activities, "target_groups_other": target_groups_other,
        "local_areas": local_areas, "languages": ",".join(languages) or None})
    _replace_selections(actor, association, "target_group", target_groups)
    reindex_association(association)
    db.session.commit()


@dataclass
class BoardRow:
    """One board member as typed."""

    name: str
    role: str
    elected_on: date | None


@dataclass
class Governance:
    """Validated input of the governance step."""

    board: list[BoardRow]
    member_count: int | None
    paying_member_count: int | None
    volunteer_count: int | None
    founded_year: int | None
    assembly_elects_board: bool | None
    open_to_all: bool | None
    non_commercial: bool | None


def save_governance(actor, association: Association, data: Governance) -> None:
    """Save step 3, replacing the board list."""
    _assign(actor, association, "association.governance_saved", {
        "member_count": data.member_count, "paying_member_count": data.paying_member_count,
        "volunteer_count": data.volunteer_count, "founded_year": data.founded_year,
        "assembly_elects_board": data.assembly_elects_board, "open_to_all": data.open_to_all,
        "non_commercial": data.non_commercial})
    before = [(m.name, m.role, m.elected_on) for m in association.board_members]
    association.board_members = [
        BoardMember(position=index, name=row.name, role=row.role, elected_on=row.elected_on)
        for index, row in enumerate(data.board)]
    after = [(row.name, row.role, row.elected_on) for row in data.board]
    _audit_change(actor, association, "association.board_saved", {"board": before}, {"board": after})
    if sorted((name, role) for name, role, _ in before) != sorted((name, role) for name, role, _ in after):
        flag_for_rescreening(actor, association.id, "board_changed")
    db.session.commit()


def save_roles(actor, association: Association, roles: list[str], roles_description: str | None,
               motivations: list[str], motivations_other: str | None, collaboration_forms: list[str],
               collaboration_note: str | None) -> None:
    """Save step 4."""
    _assign(actor, association, "association.roles_saved", {
        "roles_description": roles_description, "motivations_other": motivations_other,
        "collaboration_note": collaboration_note})
    _replace_selections(actor, association, "role", roles)
    _replace_selections(actor, association, "motivation", motivations)
    _replace_selections(actor, association, "collaboration", collaboration_forms)
    reindex_association(association)
    db.session.commit()
