"""Binding criteria and the børneattest declaration, as the law reads (domain.md § 0, rules 1–2).

FOL § 4, stk. 2–4, § 4 a and § 5 are cumulative («skal», «kan ikke ydes»): only "met" lets a decision find an
association eligible. § 33, stk. 7: without the § 4, stk. 4 declaration the municipality «skal ... undlade at yde
tilskud og anvise lokaler»; the declaration belongs to each application.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from flask import current_app
from sqlalchemy import select

from registry.associations.models import Declaration
from registry.checklists.models import ChecklistTemplate
from registry.core.forms import FieldErrors
from registry.extensions import db
from registry.screening import criteria
from registry.screening.models import ScreeningAnswer, ScreeningCase
from registry.screening.services import cases, decisions
from tests.screening.helpers import (
    assessed_case,
    assessment,
    field_error,
    form_fields,
    met_inputs,
    only_case,
    screenable,
    text_of,
)

ELIGIBLE = decisions.DecisionInput(grant_outcome="eligible", premises_outcome=None, conditions=None,
                                   rules_applied=None, considerations=None, facts=None,
                                   hearing_not_needed_because=None)


def _open(officer, association, basis="dk_fol_stk3", grant=True, premises=False):
    with current_app.test_request_context():
        case, _opened = cases.open_screening(officer, association, basis, grant, premises, "en")
    return case


def _problem_items(case, data=ELIGIBLE) -> set[str]:
    return {error.field.removeprefix("item-") for error in decisions.problems(case, data)
            if error.field.startswith("item-")}


def _answer_directly(case, key, answer):
    """Store an answer as an older version of the form could have, bypassing today's validation."""
    case.answer_for(key).answer = answer
    db.session.commit()


def test_every_binding_criterion_not_met_makes_an_eligible_outcome_impossible(factories, officer):
    """FOL § 4, stk. 3, § 4, stk. 4, § 4 a and § 5 are cumulative: each one "not met" bars eligibility."""
    association = screenable(factories)
    case = _open(officer, association)
    binding = [item["key"] for item in case.items if criteria.criterion_of(item) == criteria.BINDING]
    assert {"fol4_child_certificate_declaration", "democracy_purpose", "democracy_conduct", "fol5_not_commercial",
            "fol5_board_lessor_ties", "fol4_paying_members_stk3"} <= set(binding)
    cases.save_screening_answers(officer, case, case.lock_version, met_inputs(case))
    assert _problem_items(case) == set()
    for key in binding:
        cases.save_screening_answers(officer, case, case.lock_version, met_inputs(case, **{key: "not_met"}))
        assert _problem_items(case) == {key}, key


@pytest.mark.parametrize("answer", ["partly_met", "not_relevant", "information_missing"])
def test_a_binding_criterion_offers_only_met_and_not_met(factories, officer, answer):
    """"Partly met", "not relevant" and "information missing" are no lawful answers on a binding criterion."""
    association = screenable(factories)
    case = _open(officer, association)
    with pytest.raises(FieldErrors) as raised:
        cases.save_screening_answers(officer, case, case.lock_version, met_inputs(
            case, democracy_purpose=answer, fol4_child_certificate_declaration=answer))
    index = {item["key"]: number for number, item in enumerate(case.items)}
    assert {error.field for error in raised.value.errors} == {
        f"answers-{index['democracy_purpose']}-answer", f"answers-{index['fol4_child_certificate_declaration']}-answer"}


def test_the_page_offers_a_binding_criterion_met_and_not_met_only(factories, client_for, officer):
    """The radio buttons of a binding item are exactly "met" and "not met"; § 33, stk. 4 adds "partly met"."""
    association = screenable(factories)
    staff = client_for(officer)
    staff.post(f"/staff/screening/associations/{association.id}/open",
               data={"screening-legal_basis": "dk_fol_stk3", "screening-applies_grant": "y"})
    case = only_case()
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    index = {item["key"]: number for number, item in enumerate(case.items)}

    def offered(key):
        return set(_radio_values(page, f"answers-{index[key]}-answer"))

    assert offered("fol4_child_certificate_declaration") == {"met", "not_met"}
    assert offered("democracy_conduct") == {"met", "not_met"}
    assert offered("fol33_no_worship_grants") == {"met", "partly_met", "not_met"}


def _radio_values(page: str, name: str) -> list[str]:
    import re

    return re.findall(rf'<input[^>]*name="{re.escape(name)}"[^>]*value="([^"]*)"', page)


def test_an_eligible_decision_with_the_boerneattest_item_not_relevant_is_refused(factories, officer):
    """§ 4, stk. 4 applies «også, selv om foreningen ... ikke ansætter eller beskæftiger» such persons.

    A case opened on version 1 of the checklist (which offered "not relevant") keeps its version, but a decision
    made today follows today's law.
    """
    association = screenable(factories)
    old = db.session.scalars(select(ChecklistTemplate).where(
        ChecklistTemplate.key == "eligibility_dk_fol", ChecklistTemplate.version == 1)).one()
    case = ScreeningCase(association_id=association.id, municipality_id=officer.municipality_id, template_id=old.id,
                         legal_basis="dk_fol_stk3", applies_grant=True, applies_premises=False, status="open")
    db.session.add(case)
    db.session.flush()
    for item in case.items:
        db.session.add(ScreeningAnswer(case_id=case.id, item_key=item["key"], answer="met"))
    db.session.commit()
    db.session.refresh(case)
    _answer_directly(case, "fol4_child_certificate_declaration", "not_relevant")
    assert _problem_items(case) == {"fol4_child_certificate_declaration"}
    _answer_directly(case, "fol4_child_certificate_declaration", "met")
    _answer_directly(case, "democracy_purpose", "partly_met")
    _answer_directly(case, "democracy_conduct", "partly_met")
    assert _problem_items(case) == {"democracy_purpose", "democracy_conduct"}


def test_worship_partly_met_allows_the_grant_only_with_conditions(factories, officer):
    """§ 33, stk. 4: activities of worship are kept out of the grant; the rest may be granted, with that condition."""
    association = screenable(factories)
    case = _open(officer, association, grant=True, premises=True)
    cases.save_screening_answers(officer, case, case.lock_version, met_inputs(
        case, fol33_no_worship_grants="partly_met"))
    full = decisions.DecisionInput(grant_outcome="eligible", premises_outcome="eligible", conditions=None,
                                   rules_applied=None, considerations=None, facts=None,
                                   hearing_not_needed_because=None)
    assert [error.field for error in decisions.problems(case, full)] == ["grant_outcome"]
    conditioned = decisions.DecisionInput(
        grant_outcome="eligible_with_conditions", premises_outcome="eligible",
        conditions="Tilskuddet dækker ikke fredagsbønnen.", rules_applied="Folkeoplysningsloven § 33, stk. 4.",
        considerations="Bønnen er gudsdyrkelse.", facts="Foreningens program.",
        hearing_not_needed_because="Afgørelsen bygger kun på foreningens eget program.")
    assert decisions.problems(case, conditioned) == []


def test_worship_not_met_bars_the_grant_but_not_premises(factories, officer):
    """§ 33, stk. 4 speaks of grants; premises follow the municipality's own rules."""
    association = screenable(factories)
    case = _open(officer, association, grant=True, premises=True)
    cases.save_screening_answers(officer, case, case.lock_version, met_inputs(case, fol33_no_worship_grants="not_met"))
    premises_only = decisions.DecisionInput(
        grant_outcome="not_eligible", premises_outcome="eligible", conditions=None,
        rules_applied="Folkeoplysningsloven § 33, stk. 4.", considerations="Aktiviteten er gudsdyrkelse.",
        facts="Programmet.", hearing_not_needed_because="Kun foreningens egne oplysninger.")
    assert decisions.problems(case, premises_only) == []
    assert _problem_items(case, decisions.DecisionInput(
        grant_outcome="eligible", premises_outcome="eligible", conditions=None, rules_applied=None,
        considerations=None, facts=None, hearing_not_needed_because=None)) == {"fol33_no_worship_grants"}


def _give_declaration_at(association, kind: str, moment: datetime) -> None:
    for declaration in db.session.scalars(select(Declaration).where(
            Declaration.association_id == association.id, Declaration.kind == kind)):
        declaration.given_at = moment
    db.session.commit()


def test_the_declaration_is_prefilled_as_met_only_from_the_current_application_period(factories, officer):
    """The § 4, stk. 4 declaration is given «i forbindelse med ansøgning»: one from last year does not count."""
    association = screenable(factories)
    last_year = datetime(date.today().year - 1, 6, 1, tzinfo=UTC)
    _give_declaration_at(association, "child_certificates", last_year)
    case = _open(officer, association)
    answer = case.answer_for("fol4_child_certificate_declaration")
    assert answer.answer is None
    assert "before the current application period" in answer.note

    fresh = screenable(factories)
    case = _open(officer, fresh)
    assert case.answer_for("fol4_child_certificate_declaration").answer == "met"


def test_the_application_period_is_a_municipal_setting(factories, officer):
    """A period starting this month: a declaration given the day before it began belongs to the previous one."""
    today = date.today()
    factories.decision_settings(period_start_month=today.month)
    association = screenable(factories)
    period_began = date(today.year, today.month, 1)
    _give_declaration_at(association, "child_certificates",
                         datetime.combine(period_began - timedelta(days=1), datetime.min.time(), tzinfo=UTC))
    assert _open(officer, association).answer_for("fol4_child_certificate_declaration").answer is None

    on_time = screenable(factories)
    _give_declaration_at(on_time, "child_certificates",
                         datetime.combine(period_began, datetime.min.time(), tzinfo=UTC))
    assert _open(officer, on_time).answer_for("fol4_child_certificate_declaration").answer == "met"


def test_a_form_shows_all_its_errors_at_once_naming_each_item(factories, client_for, officer):
    """Every wrong answer is reported in one go, by the item's number and text, next to its field."""
    association = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, association)
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    index = {item["key"]: number for number, item in enumerate(case.items)}
    data = assessment(page, case, democracy_purpose={"evidence_type": "none"},
                      democracy_conduct={"note": ""}, fol5_board_lessor_ties={"answer": "not_relevant"})
    response = staff.post(f"/staff/screening/{case.id}", data=data)
    page = response.get_data(as_text=True)
    summary = text_of(page.split('id="error-summary"')[1].split("</div>")[0])
    for key, field in (("democracy_purpose", "evidence_type"), ("democracy_conduct", "note"),
                       ("fol5_board_lessor_ties", "answer")):
        item = case.items[index[key]]
        assert f"{index[key] + 1}. {item['text']['en']}" in summary
        assert field_error(page, f"answers-{index[key]}-{field}")
    assert "Please correct the following" in page
    assert form_fields(page, f"/staff/screening/{case.id}")[f"answers-{index['democracy_conduct']}-answer"] == "met"
