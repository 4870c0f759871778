"""A Swedish demokrativillkor case: särskilda skäl allow a grant with conditions; Danish bases do not apply."""

import re

import pytest

from registry.core.forms import FieldValueError
from registry.screening.models import ScreeningCase
from registry.screening.services import cases
from tests.screening.helpers import (
    assessment,
    count,
    decisions_of,
    field_error,
    flashes,
    follow,
    form_fields,
    item_error,
    item_indexes,
    only_case,
    screenable,
    textarea,
)

BLOCKING = "This criterion is not met, so the association cannot be found eligible."
BREACH = {"answer": "not_met", "note": "Företrädare uttalade sig nedsättande om en grupp på ett möte.",
          "evidence_type": "observation", "evidence_observed_on": "2026-10-03",
          "evidence_source": "Föreningens Facebook-sida"}
REASONS = "Föreningen tog genast avstånd och uteslöt personen; företrädaren var 17 år."


@pytest.fixture
def handler(factories):
    """A handläggare of Göteborg."""
    return factories.staff(country="SE", code="1480", email="handlaggare@goteborg.example", locale="en")


def _save(staff, case, **items):
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    return staff.post(f"/staff/screening/{case.id}", data=assessment(page, case, **items)), page


def test_special_reasons_allow_a_grant_with_conditions_only(app, factories, client_for, handler):
    """A breached demokrativillkor bars eligibility unless särskilda skäl apply; then conditions are required."""
    association = screenable(factories, country="SE")
    staff = client_for(handler)
    response = staff.post(f"/staff/screening/associations/{association.id}/open", data={
        "screening-legal_basis": "se_grant_premises", "screening-applies_grant": "y",
        "screening-applies_premises": "y"})
    assert response.status_code == 303
    case = only_case()
    assert (case.legal_basis, case.applies_grant, case.applies_premises) == ("se_grant_premises", True, True)
    decide = f"/staff/screening/{case.id}/decision"

    response, page = _save(staff, case, se_dv_no_discrimination=BREACH,
                           se_special_reasons={"answer": "does_not_apply"})
    assert response.status_code == 303
    assert case.answer_for("se_dv_no_discrimination").answer == "not_met"
    assert case.answer_for("se_dv_no_discrimination").evidence_source == "Föreningens Facebook-sida"
    response = staff.post(decide, data={"decision-grant_outcome": "eligible", "decision-premises_outcome": "eligible"})
    assert item_error(response.get_data(as_text=True), case, "se_dv_no_discrimination") == BLOCKING

    exception = item_indexes(form_fields(page, f"/staff/screening/{case.id}"))["se_special_reasons"]
    response, _page = _save(staff, case, se_dv_no_discrimination=BREACH,
                            se_special_reasons={"answer": "applies", "note": ""})
    assert response.status_code == 200
    assert field_error(response.get_data(as_text=True), f"answers-{exception}-note") == "Give the special reasons."
    assert case.answer_for("se_special_reasons").answer == "does_not_apply"

    response, _page = _save(staff, case, se_dv_no_discrimination=BREACH,
                            se_special_reasons={"answer": "applies", "note": REASONS})
    assert response.status_code == 303
    assert (case.answer_for("se_special_reasons").answer, case.answer_for("se_special_reasons").note) == (
        "applies", REASONS)

    response = staff.post(decide, data={"decision-grant_outcome": "eligible_with_conditions",
                                        "decision-premises_outcome": "eligible_with_conditions"})
    assert field_error(response.get_data(as_text=True), "decision-conditions") == "State the conditions."
    assert decisions_of(case) == []

    conditions = "Föreningen redovisar före årsskiftet hur den förebygger att händelsen upprepas."
    response = staff.post(decide, data={
        "decision-grant_outcome": "eligible_with_conditions", "decision-premises_outcome": "eligible_with_conditions",
        "decision-conditions": conditions, "decision-rules_applied": "Regler för föreningsbidrag, avsnitt 5.2.",
        "decision-considerations": "Föreningen har tagit avstånd från uttalandet.",
        "decision-facts": "Inlägget på föreningens Facebook-sida.",
        "decision-hearing_not_needed_because": "Föreningen har själv lämnat allt material som beslutet bygger på."})
    assert "The decision is made and the association has been notified." in flashes(follow(staff, response), "success")
    (decision,) = decisions_of(case)
    assert (decision.status, decision.grant_outcome, decision.premises_outcome) == (
        "final", "eligible_with_conditions", "eligible_with_conditions")
    assert (decision.conditions, decision.letter_locale, case.status) == (conditions, "sv", "decided")


def test_special_reasons_cannot_outweigh_a_registration_requirement(app, factories, client_for, handler):
    """Särskilda skäl cover the democracy conditions only: a missing organisationsnummer still bars eligibility."""
    association = screenable(factories, country="SE")
    staff = client_for(handler)
    staff.post(f"/staff/screening/associations/{association.id}/open", data={
        "screening-legal_basis": "se_grant_premises", "screening-applies_grant": "y"})
    case = only_case()
    response, _page = _save(staff, case, se_registration_number={"answer": "not_met"},
                            se_special_reasons={"answer": "applies", "note": REASONS})
    assert response.status_code == 303

    response = staff.post(f"/staff/screening/{case.id}/decision", data={
        "decision-grant_outcome": "eligible_with_conditions", "decision-conditions": "Villkor."})

    page = response.get_data(as_text=True)
    assert item_error(page, case, "se_registration_number") == BLOCKING
    assert textarea(page, "decision-conditions") == "Villkor."
    assert decisions_of(case) == []


def test_danish_bases_are_refused_for_a_swedish_association(app, factories, client_for, handler):
    """Only the Swedish basis is offered; posting a Danish one gives an error and opens no case."""
    association = screenable(factories, country="SE")
    staff = client_for(handler)
    page = staff.get(f"/staff/associations/{association.id}").get_data(as_text=True)
    offered = re.findall(r'<option[^>]*value="([^"]+)"', page.split('name="screening-legal_basis"', 1)[1]
                         .split("</select>", 1)[0])
    assert offered == ["se_grant_premises"]

    for basis in ("dk_fol_stk3", "dk_fol_stk2", "dk_44a"):
        response = staff.post(f"/staff/screening/associations/{association.id}/open", data={
            "screening-legal_basis": basis, "screening-applies_grant": "y"})
        assert response.location.endswith(f"/staff/associations/{association.id}")
        assert "Choose a legal basis." in flashes(follow(staff, response), "error")
    assert count(ScreeningCase) == 0

    with pytest.raises(FieldValueError) as refused:
        cases.open_screening(handler, association, "dk_fol_stk3", True, False, "en")
    assert refused.value.field == "legal_basis"
    assert count(ScreeningCase) == 0


def test_nothing_applied_for_opens_no_case(app, factories, client_for, handler):
    """Neither grant nor premises ticked: the service refuses and no case is opened."""
    association = screenable(factories, country="SE")
    staff = client_for(handler)

    response = staff.post(f"/staff/screening/associations/{association.id}/open", data={
        "screening-legal_basis": "se_grant_premises"})

    assert "Choose grant, premises or both." in flashes(follow(staff, response), "error")
    assert count(ScreeningCase) == 0
