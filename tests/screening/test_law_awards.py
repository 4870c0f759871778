"""Awards and the § 35 a lists; one screening in progress per legal basis (domain.md § 0, rules 8–9).

§ 35 a covers associations that received grants or premises «efter denne lov», and those refused — in Denmark only.
An eligibility finding is not an award: the list is fed by recorded awards, each made while a valid screening
stands and after the officer confirms, at that award, that nothing new has come up (§ 4 a is assessed «ved den
enkelte tildeling»; the § 4, stk. 4 declaration belongs to each application).
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from registry.associations.models import Declaration
from registry.awards.models import Award
from registry.awards.services import AwardInput, record_award
from registry.core.forms import FieldErrors, FieldValueError
from registry.extensions import db
from registry.publication.services import list_entries, publish_list
from registry.screening.models import ScreeningCase
from registry.screening.services import cases
from registry.screening.services.rescreening import record_concern
from tests.screening.helpers import (
    award,
    count,
    decided_case,
    field_error,
    flashes,
    follow,
    screenable,
    text_of,
)

YEAR = date.today().year


def _input(**changes) -> AwardInput:
    values = {"year": YEAR, "grant": True, "premises": False, "amount": 12000,
              "decision_reference": "Kultur- og Fritidsudvalget 12.3., pkt. 4", "nothing_new": True}
    return AwardInput(**{**values, **changes})


def _refused_fields(case, actor, **changes) -> list[str]:
    with pytest.raises(FieldErrors) as raised:
        record_award(actor, case, _input(**changes))
    return [error.field for error in raised.value.errors]


def test_an_eligibility_finding_alone_does_not_put_an_association_on_the_35a_list(factories, officer):
    """The list shows awards, not findings: eligible but never awarded is not "received grants or premises"."""
    association = screenable(factories)
    case, _decision = decided_case(association, officer)
    assert list_entries(officer.municipality_id, YEAR) == []
    award(case, officer, grant=True)
    assert list_entries(officer.municipality_id, YEAR) == [{
        "name": association.name, "registration_number": association.registration_number, "list": "granted",
        "grant": True, "premises": False}]


def test_the_35a_list_names_refusals_on_the_acts_bases(factories, officer, colleague):
    """§ 35 a, stk. 2: associations refused grants or premises under the Act are listed too."""
    association = screenable(factories)
    decided_case(association, officer, "not_eligible", approver=colleague)
    (entry,) = list_entries(officer.municipality_id, YEAR)
    assert (entry["list"], entry["grant"], entry["premises"]) == ("refused", True, False)


def test_support_under_44a_is_not_on_the_35a_list(factories, officer, colleague):
    """A § 44 a case is support on another basis, not «efter denne lov»."""
    granted = screenable(factories)
    case, _decision = decided_case(granted, officer, legal_basis="dk_44a")
    award(case, officer)
    decided_case(screenable(factories), officer, "not_eligible", approver=colleague, legal_basis="dk_44a")
    assert list_entries(officer.municipality_id, YEAR) == []


def test_a_swedish_municipality_publishes_no_list(factories, client_for):
    """Swedish law has no § 35 a: no list to publish, and the public index shows none."""
    handler = factories.staff(country="SE", code="1480", role="administrator", email="admin@goteborg.example",
                              locale="en")
    association = screenable(factories, country="SE")
    case, _decision = decided_case(association, handler)
    award(case, handler)
    staff = client_for(handler)
    page = text_of(staff.get("/staff/publication").get_data(as_text=True))
    assert "Swedish law has no such duty" in page
    assert count(Award) == 1
    with pytest.raises(FieldValueError):
        publish_list(handler, YEAR)
    assert f"/lists/se/1480/{YEAR}" not in staff.get("/lists").get_data(as_text=True)
    assert staff.get(f"/lists/se/1480/{YEAR}").status_code == 404


def test_an_award_needs_a_screening_that_stands(factories, officer, colleague):
    """No award on a refusal, on a decision whose validity has ended, or on a superseded screening."""
    association = screenable(factories)
    refused, _decision = decided_case(association, officer, "not_eligible", approver=colleague)
    assert _refused_fields(refused, officer) == ["case"]

    current, decision = decided_case(association, officer)
    db.session.refresh(refused)
    assert refused.status == "superseded"
    assert _refused_fields(refused, officer) == ["case"]
    decision.valid_until = date.today() - timedelta(days=1)
    db.session.commit()
    assert _refused_fields(current, officer) == ["case"]


def test_an_award_is_refused_while_the_association_is_marked_for_rescreening(app, factories, officer):
    """Something new has come up: a concern, new statutes or a board change must be screened first."""
    association = screenable(factories)
    case, _decision = decided_case(association, officer)
    with app.test_request_context():
        record_concern(officer, association, "Opslag på foreningens side.")
    assert _refused_fields(case, officer) == ["case"]


def test_an_award_needs_the_declarations_of_the_current_application_period(factories, officer):
    """§ 4, stk. 4: the declaration belongs to each application; last year's does not carry an award this year."""
    association = screenable(factories)
    case, _decision = decided_case(association, officer)
    for declaration in db.session.scalars(select(Declaration).where(Declaration.association_id == association.id,
                                                                    Declaration.kind == "child_certificates")):
        declaration.given_at = datetime(YEAR - 1, 6, 1, tzinfo=UTC)
    db.session.commit()
    assert _refused_fields(case, officer) == ["case"]


def test_the_officer_confirms_at_each_award_that_nothing_new_has_come_up(factories, officer):
    """§ 4 a is assessed at each award: the confirmation is part of the award, never assumed."""
    association = screenable(factories)
    case, _decision = decided_case(association, officer)
    assert _refused_fields(case, officer, nothing_new=False) == ["nothing_new"]
    assert _refused_fields(case, officer, grant=False, premises=False) == ["grant"]
    assert count(Award) == 0


def test_staff_record_an_award_on_its_own_page(factories, client_for, officer):
    """The award page checks the screening, shows every error at once and keeps what was typed."""
    association = screenable(factories)
    case, _decision = decided_case(association, officer)
    staff = client_for(officer)
    url = f"/staff/awards/cases/{case.id}"
    page = staff.get(url).get_data(as_text=True)
    assert "No award can rest on this screening now" not in page
    response = staff.post(url, data={"year": str(YEAR), "decision_reference": "", "amount": "abc"})
    page = response.get_data(as_text=True)
    assert field_error(page, "decision_reference") and field_error(page, "amount")
    for amount in ("3000000000", "-1"):  # beyond what the column holds, or below zero: an error, never a 500
        response = staff.post(url, data={"year": str(YEAR), "grant": "y", "amount": amount,
                                         "decision_reference": "KFU", "nothing_new": "y"})
        assert response.status_code == 200 and field_error(response.get_data(as_text=True), "amount")
    response = staff.post(url, data={"year": str(YEAR), "grant": "y", "decision_reference": "KFU 12.3. pkt. 4"})
    page = response.get_data(as_text=True)
    assert field_error(page, "nothing_new").startswith("Confirm that nothing new has come up")
    assert 'value="KFU 12.3. pkt. 4"' in page
    response = staff.post(url, data={"year": str(YEAR), "grant": "y", "amount": "15000",
                                     "decision_reference": "KFU 12.3. pkt. 4", "nothing_new": "y"})
    assert "The award has been recorded." in flashes(follow(staff, response), "success")
    (recorded,) = db.session.scalars(select(Award)).all()
    assert (recorded.year, recorded.grant, recorded.premises, recorded.amount) == (YEAR, True, False, 15000)


def test_opening_a_second_screening_on_the_same_basis_leads_to_the_open_one(factories, client_for, officer):
    """One screening in progress per association and legal basis; another basis may run beside it."""
    association = screenable(factories)
    staff = client_for(officer)
    data = {"screening-legal_basis": "dk_fol_stk3", "screening-applies_grant": "y"}
    first = staff.post(f"/staff/screening/associations/{association.id}/open", data=data)
    second = staff.post(f"/staff/screening/associations/{association.id}/open", data=data)
    assert first.location == second.location
    assert "A screening on this legal basis is already in progress; here it is." in flashes(
        follow(staff, second), "info")
    staff.post(f"/staff/screening/associations/{association.id}/open",
               data={"screening-legal_basis": "dk_44a", "screening-applies_grant": "y"})
    assert count(ScreeningCase) == 2


def test_the_database_holds_one_screening_in_progress_per_basis(factories, officer):
    """A second case in progress on the same basis cannot be stored, whatever writes it."""
    association = screenable(factories)
    with current_app.test_request_context():
        case, _opened = cases.open_screening(officer, association, "dk_fol_stk3", True, False, "en")
    db.session.add(ScreeningCase(association_id=association.id, municipality_id=officer.municipality_id,
                                 template_id=case.template_id, legal_basis="dk_fol_stk3", status="hearing"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
