"""Supervision: a sample drawn from a recorded seed reproduces; findings and sanctions are recorded."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from registry.extensions import db
from registry.supervision import services
from registry.supervision.models import Sanction, SupervisionCase, SupervisionRound
from tests.screening.helpers import (
    award,
    count,
    decided_case,
    field_error,
    flashes,
    follow,
    screenable,
    text_of,
    textarea,
)

REPRODUCES = "Drawing again with the same seed gives the same associations."
YEAR = date.today().year


@pytest.fixture
def supported(factories, officer, colleague):
    """Five Aarhus associations awarded a grant, one found eligible but never awarded, one refused, one new."""
    granted = []
    for number in range(5):
        association = screenable(factories, name=f"Forening {number}")
        case, _decision = decided_case(association, officer)
        award(case, officer)
        granted.append(association)
    decided_case(screenable(factories, name="Godkendt uden tilskud"), officer)
    refused = screenable(factories, name="Afvist Forening")
    decided_case(refused, officer, "not_eligible", approver=colleague)
    unscreened = screenable(factories, name="Ny Forening")
    return {"granted": granted, "refused": refused, "unscreened": unscreened}


def _draw(client, **fields):
    data = {"year": str(YEAR), "sample_size": "", "sample_percent": "", "seed": "", "judgement": ""}
    data.update({key: str(value) for key, value in fields.items()})
    return client.post("/staff/supervision/draw", data=data)


def _round(year=YEAR) -> SupervisionRound:
    db.session.expire_all()
    return db.session.scalars(select(SupervisionRound).where(SupervisionRound.year == year)).one()


def test_draw_reproduces_from_its_seed(app, supported, client_for, admin, officer):
    """A seeded draw of two plus one judgement case: the page and random_part agree on the sample."""
    population = sorted(association.id for association in supported["granted"])
    assert services.supported_associations(admin.municipality_id, YEAR) == population
    assert services.supported_associations(admin.municipality_id, YEAR + 2) == []
    expected = services.random_part(population, 4242, 2, None)
    judged = supported["unscreened"]

    response = _draw(client_for(admin), sample_size=2, seed=4242,
                     judgement=f"{judged.id}: complaint from a neighbour about the premises")

    supervision = _round()
    assert response.location.endswith(f"/staff/supervision/rounds/{supervision.id}")
    assert (supervision.seed, supervision.sample_size, supervision.population) == (4242, 2, population)
    drawn = sorted(case.association_id for case in supervision.cases if case.selection == "random")
    assert drawn == expected and len(drawn) == 2
    (chosen,) = [case for case in supervision.cases if case.selection == "judgement"]
    assert (chosen.association_id, chosen.reason) == (judged.id, "complaint from a neighbour about the premises")
    assert services.random_part(supervision.population, supervision.seed, 2, None) == drawn

    page = text_of(client_for(officer).get(f"/staff/supervision/rounds/{supervision.id}").get_data(as_text=True))
    assert REPRODUCES in page and "4242" in page
    assert supported["refused"].name not in page


def test_a_tampered_sample_no_longer_reproduces(app, supported, client_for, admin):
    """If a recorded random case is changed, the round page says the draw gives a different result."""
    admin_client = client_for(admin)
    _draw(admin_client, sample_size=2, seed=7)
    supervision = _round()
    outside = next(a.id for a in supported["granted"]
                   if a.id not in {case.association_id for case in supervision.cases})
    supervision.cases[0].association_id = outside
    db.session.commit()

    page = text_of(admin_client.get(f"/staff/supervision/rounds/{supervision.id}").get_data(as_text=True))

    assert "Drawing again gives a different result." in page and REPRODUCES not in page


def test_random_part_depends_on_seed_and_population_only():
    """Same population and seed give the same sample in any order; another seed gives another sample."""
    population = list(range(1, 201))
    first = services.random_part(population, 99, 10, None)
    assert first == services.random_part(list(reversed(population)), 99, 10, None)
    assert len(first) == 10 and set(first) <= set(population)
    assert services.random_part(population, 100, 10, None) != first
    assert len(services.random_part(population, 99, None, 25)) == 50
    assert services.random_part(population[:3], 99, 10, None) == [1, 2, 3]


def test_percentage_sampling_and_one_round_a_year(app, supported, client_for, admin):
    """A percentage draws that share of the population; a second round for the same year is refused."""
    admin_client = client_for(admin)
    response = _draw(admin_client, sample_percent=40, seed=11)
    assert response.status_code == 303
    supervision = _round()
    drawn = sorted(case.association_id for case in supervision.cases)
    assert len(drawn) == 2  # 40 % of five
    assert drawn == services.random_part(supervision.population, 11, None, 40)
    assert (supervision.sample_size, supervision.sample_percent) == (None, 40)
    assert REPRODUCES in text_of(admin_client.get(response.location).get_data(as_text=True))

    response = _draw(admin_client, sample_size=1, seed=12)
    assert response.status_code == 200
    assert field_error(response.get_data(as_text=True), "year") == "A supervision round for this year already exists."
    assert count(SupervisionRound) == 1

    response = _draw(admin_client, year=YEAR - 1, sample_size=1, sample_percent=10)
    assert field_error(response.get_data(as_text=True), "sample_percent") == "Give either a number or a percentage."
    response = _draw(admin_client, year=YEAR - 1, sample_size=1, judgement="Forening 3 because of a complaint")
    assert field_error(response.get_data(as_text=True), "judgement") == (
        "Line 1: write the number, a colon and the reason.")
    assert count(SupervisionRound) == 1


def test_officer_cannot_draw(app, supported, client_for, officer):
    """Drawing is for administrators: an officer gets 403 and nothing is drawn."""
    assert _draw(client_for(officer), sample_size=2, seed=1).status_code == 403
    assert count(SupervisionRound) == 0


def test_judgement_must_name_an_association_of_the_municipality(app, supported, factories, client_for, admin):
    """A judgement line naming an unknown association, or another municipality's, is refused."""
    copenhagen = screenable(factories, home="101", name="Københavnerforeningen")
    admin_client = client_for(admin)

    for number in (copenhagen.id, 999999):
        response = _draw(admin_client, sample_size=1, seed=3, judgement=f"{number}: a reason")
        assert response.status_code == 200
        assert str(number) in field_error(response.get_data(as_text=True), "judgement")
    assert count(SupervisionRound) == 0 and count(SupervisionCase) == 0


def test_findings_and_a_sanction(app, supported, client_for, admin, officer):
    """An officer records findings; a sanction with a past follow-up date is refused, a future one kept."""
    _draw(client_for(admin), sample_size=1, seed=5)
    case = _round().cases[0]
    staff = client_for(officer)

    response = staff.post(f"/staff/supervision/cases/{case.id}", data={
        "findings-findings": "Regnskabet viser udgifter uden bilag.", "findings-closed": "y"})
    assert "The findings have been saved." in flashes(follow(staff, response), "success")
    db.session.expire_all()
    assert (case.findings, case.status) == ("Regnskabet viser udgifter uden bilag.", "closed")

    sanction = {"sanction-kind": "repayment", "sanction-legal_basis": "fol_33_5",
                "sanction-reasons": "Tilskud brugt til andet end formålet."}
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    response = staff.post(f"/staff/supervision/cases/{case.id}/sanctions",
                          data={**sanction, "sanction-follow_up_on": yesterday})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert field_error(page, "sanction-follow_up_on") == "The follow-up date cannot be in the past."
    assert textarea(page, "sanction-reasons") == "Tilskud brugt til andet end formålet."
    assert count(Sanction) == 0

    follow_up = date.today() + timedelta(days=30)
    response = staff.post(f"/staff/supervision/cases/{case.id}/sanctions",
                          data={**sanction, "sanction-follow_up_on": follow_up.isoformat()})
    page = text_of(follow(staff, response))
    saved = db.session.scalars(select(Sanction)).one()
    assert (saved.case_id, saved.kind, saved.legal_basis, saved.follow_up_on, saved.created_by_id) == (
        case.id, "repayment", "fol_33_5", follow_up, officer.id)
    assert "Tilskud brugt til andet end formålet." in page
