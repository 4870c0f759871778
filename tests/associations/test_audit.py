"""The audit trail of association changes: changed fields only, and a verifiable hash chain."""

import json

import pytest
from sqlalchemy import text

from registry.audit.services import verify_chain
from registry.extensions import db
from tests.associations.helpers import audit_events, identity_data, municipality_id


@pytest.fixture
def association(factories, owner):
    """A filled-in Danish association of the owner (no address, city, phone or website yet)."""
    return factories.association(owner=owner, name="Boldklubben Nord")


def _unchanged_identity(**overrides) -> dict:
    """The identity as the factory saved it, with some fields changed."""
    unchanged = {"name": "Boldklubben Nord", "registration_number": "13585628",
                 "email": "kontakt@forening.example", "address": "", "postcode": "", "city": "", "phone": "",
                 "website": ""}
    return identity_data(**{**unchanged, **overrides})


def test_identity_save_records_only_changed_fields(association, owner, owner_client):
    """Saving the identity step audits exactly the fields that changed, with before and after."""
    before_count = len(audit_events("association.identity_saved"))

    response = owner_client.post(f"/associations/{association.id}/step/identity",
                                 data=_unchanged_identity(city="Aarhus C", phone="+45 86 12 34 56"))

    assert response.status_code == 303
    events = audit_events("association.identity_saved")
    assert len(events) == before_count + 1
    event = events[-1]
    assert (event.actor_id, event.object_type, event.object_id, event.association_id) == (
        owner.id, "associations", association.id, association.id)
    assert event.before == {"city": None, "phone": None}
    assert event.after == {"city": "Aarhus C", "phone": "+45 86 12 34 56"}


def test_saving_unchanged_identity_records_nothing(association, owner_client):
    """Saving the identity step without changes adds no audit event."""
    before = len(audit_events())

    response = owner_client.post(f"/associations/{association.id}/step/identity", data=_unchanged_identity())

    assert response.status_code == 303
    assert len(audit_events()) == before


def test_active_municipalities_are_audited_by_code(association, owner_client):
    """A change of active municipalities is audited as lists of municipality codes."""
    owner_client.post(f"/associations/{association.id}/step/identity", data=_unchanged_identity(
        active_municipalities=[str(municipality_id("DK", "101"))]))

    event = audit_events("association.identity_saved")[-1]
    assert (event.before, event.after) == ({"active_municipalities": []}, {"active_municipalities": ["101"]})


def test_chain_verifies_and_reveals_tampering(association, owner_client):
    """verify_chain() finds nothing in an untouched trail and reports an event altered by raw SQL."""
    owner_client.post(f"/associations/{association.id}/step/identity",
                      data=_unchanged_identity(city="Aarhus C"))
    owner_client.post(f"/associations/{association.id}/step/identity",
                      data=_unchanged_identity(city="Aarhus N"))
    assert verify_chain() == []

    target = audit_events("association.identity_saved")[-2]
    db.session.execute(text("UPDATE audit_events SET after = :after WHERE id = :id"),
                       {"after": json.dumps({"city": "Somewhere else"}), "id": target.id})
    db.session.commit()
    db.session.expire_all()

    problems = verify_chain()
    assert [(problem.event_id, problem.reason) for problem in problems] == [(target.id, "content")]


def test_chain_reveals_a_deleted_event(association, owner_client):
    """Deleting an event from the middle of the trail breaks the link of the one after it."""
    owner_client.post(f"/associations/{association.id}/step/identity", data=_unchanged_identity(city="Aarhus C"))
    owner_client.post(f"/associations/{association.id}/step/identity", data=_unchanged_identity(city="Aarhus N"))
    events = audit_events()
    victim, follower = events[-2], events[-1]

    db.session.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": victim.id})
    db.session.commit()
    db.session.expire_all()

    assert [(problem.event_id, problem.reason) for problem in verify_chain()] == [(follower.id, "link")]
