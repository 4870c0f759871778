"""Reasons and the hearing for every outcome short of a full grant, in Denmark and Sweden (domain.md § 0, rule 3).

DK: forvaltningsloven § 22 (reasons «medmindre afgørelsen fuldt ud giver ... medhold»), § 24 (rules applied, main
considerations, facts) and § 19 (partshøring). SE: förvaltningslagen 32 § (motivering) and 25 § (kommunicering
unless «uppenbart obehövligt»).
"""

import pytest
from flask import current_app

from registry.screening.services import cases, decisions
from tests.screening.helpers import (
    assessed_case,
    field_error,
    met_inputs,
    screenable,
    text_of,
)

REASONS = ("rules_applied", "considerations", "facts", "hearing_not_needed_because")


def _case(factories, officer, country="DK", premises=False):
    association = screenable(factories, country=country)
    basis = "dk_fol_stk3" if country == "DK" else "se_grant_premises"
    with current_app.test_request_context():
        case, _opened = cases.open_screening(officer, association, basis, True, premises, "en")
    cases.save_screening_answers(officer, case, case.lock_version, met_inputs(case))
    return case


def _decision(grant, premises=None, conditions=None, **reasons):
    return decisions.DecisionInput(grant_outcome=grant, premises_outcome=premises, conditions=conditions,
                                   **{name: reasons.get(name) for name in REASONS})


def _fields(case, data) -> set[str]:
    return {error.field for error in decisions.problems(case, data)}


@pytest.fixture
def handler(factories):
    """A Swedish handläggare of Göteborg."""
    return factories.staff(country="SE", code="1480", email="handlaggare@goteborg.example", locale="en")


@pytest.mark.parametrize("country", ["DK", "SE"])
def test_eligible_with_conditions_needs_reasons_and_a_hearing(factories, officer, handler, country):
    """Conditions do not fully grant what was asked: reasons and the hearing check apply, as to a refusal."""
    case = _case(factories, officer if country == "DK" else handler, country)
    assert _fields(case, _decision("eligible_with_conditions", conditions="Kun for børn.")) == set(REASONS)
    assert _fields(case, _decision("eligible_with_conditions", conditions="Kun for børn.", rules_applied="§ 4",
                                   considerations="Hensyn.", facts="Fakta.",
                                   hearing_not_needed_because="Kun egne oplysninger.")) == set()


@pytest.mark.parametrize("country", ["DK", "SE"])
def test_a_refusal_needs_reasons_and_a_hearing(factories, officer, handler, country):
    """A refusal names the rules applied, the main considerations, the facts, and was heard (or says why not)."""
    case = _case(factories, officer if country == "DK" else handler, country)
    assert _fields(case, _decision("not_eligible")) == set(REASONS)


def test_a_partial_grant_needs_reasons(factories, officer):
    """A grant given while premises are refused is not a full grant of what was asked."""
    case = _case(factories, officer, premises=True)
    assert _fields(case, _decision("eligible", "not_eligible")) == set(REASONS)


def test_a_full_unconditional_grant_needs_no_reasons(factories, officer):
    """FVL § 22: no reasons are needed where the decision fully grants the request."""
    case = _case(factories, officer, premises=True)
    assert _fields(case, _decision("eligible", "eligible")) == set()


def test_the_swedish_prompt_for_no_kommunicering_uses_the_test_of_fl_25(factories, client_for, handler):
    """A Swedish case asks why kommunicering is obviously unnecessary (25 § förvaltningslagen), read narrowly."""
    association = screenable(factories, country="SE")
    staff = client_for(handler)
    case = assessed_case(staff, association, basis="se_grant_premises")
    page = text_of(staff.get(f"/staff/screening/{case.id}").get_data(as_text=True))
    assert "Why kommunicering is obviously unnecessary" in page
    assert "Förvaltningslagen 25 §" in page
    assert "Why no hearing is needed" not in page


def test_the_danish_prompt_asks_why_no_hearing_is_needed(factories, client_for, officer):
    """A Danish case asks why no partshøring is needed (forvaltningsloven § 19)."""
    association = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, association)
    page = text_of(staff.get(f"/staff/screening/{case.id}").get_data(as_text=True))
    assert "Why no hearing is needed" in page
    assert "kommunicering" not in page


def test_the_decision_form_shows_every_problem_at_once(factories, client_for, officer):
    """Missing reasons, the hearing and unassessed items all show in one answer, each item by number and text."""
    association = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, association, fol5_not_commercial={"answer": None},
                         fol4_home_municipality={"answer": None})
    response = staff.post(f"/staff/screening/{case.id}/decision", data={"decision-grant_outcome": "not_eligible"})
    page = response.get_data(as_text=True)
    for name in ("rules_applied", "considerations", "facts", "hearing_not_needed_because"):
        assert field_error(page, f"decision-{name}"), name
    summary = text_of(page.split('id="error-summary"', 2)[-1].split("</div>")[0])
    numbers = {item["key"]: number for number, item in enumerate(case.items, start=1)}
    for key in ("fol5_not_commercial", "fol4_home_municipality"):
        item = case.items[numbers[key] - 1]
        assert f"{numbers[key]}. {item['text']['en']}: Not assessed yet." in summary
    assert f'href="#item-{case.items[numbers["fol5_not_commercial"] - 1]["key"]}"' in page
