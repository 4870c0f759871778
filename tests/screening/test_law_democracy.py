"""The democracy rules: Sweden's municipal conditions and Denmark's § 4 a conduct (domain.md § 0, rules 6, 7, 10).

SE: the state democracy condition does not bind municipal grants; an item built on its grounds bars eligibility only
where the municipality has confirmed that its own rules contain the ground, conduct counts only «inom ramen för
verksamheten», and invited speakers are covered alongside företrädare. DK: § 4 a concerns the association's conduct,
including conduct attributable to it; who may be attributed comes from the bill's remarks and stays in guidance.
"""

import re

import pytest
from flask import current_app
from sqlalchemy import select

from registry.checklists.services import current_template
from registry.extensions import db
from registry.screening import criteria
from registry.screening.models import ScreeningCase
from registry.screening.services import cases, decisions
from tests.screening.helpers import met_inputs, screenable, text_of

SE_GROUNDS = {"se_dv_no_violence_coercion_threats": "violence", "se_dv_no_discrimination": "discrimination",
              "se_dv_no_defending_promoting_inciting": "promoting",
              "se_dv_no_counteracting_democracy": "counteracting_democracy"}
ELIGIBLE = decisions.DecisionInput(grant_outcome="eligible", premises_outcome=None, conditions=None,
                                   rules_applied=None, considerations=None, facts=None,
                                   hearing_not_needed_because=None)


@pytest.fixture
def handler(factories):
    """A Swedish handläggare of Göteborg."""
    return factories.staff(country="SE", code="1480", email="handlaggare@goteborg.example", locale="en")


def _swedish_case(factories, handler, **answers):
    association = screenable(factories, country="SE")
    with current_app.test_request_context():
        case, _opened = cases.open_screening(handler, association, "se_grant_premises", True, False, "en")
    cases.save_screening_answers(handler, case, case.lock_version, met_inputs(case, **answers))
    return case


def _barring(case) -> set[str]:
    return {error.field.removeprefix("item-") for error in decisions.problems(case, ELIGIBLE)
            if error.field.startswith("item-")}


@pytest.mark.parametrize(("key", "ground"), sorted(SE_GROUNDS.items()))
def test_a_swedish_democracy_ground_bars_eligibility_only_where_the_municipalitys_rules_contain_it(
        factories, handler, key, ground):
    """Confirmed ground: "not met" bars the grant. Unconfirmed: recorded, but no ground for refusal."""
    case = _swedish_case(factories, handler, **{key: "not_met"})
    assert _barring(case) == {key}
    settings = factories.decision_settings("SE", "1480")
    factories.decision_settings("SE", "1480", democracy_grounds={**settings.democracy_grounds, ground: ""})
    assert _barring(case) == set()


def test_special_reasons_count_only_where_the_municipalitys_rules_allow_them(factories, handler):
    """The "särskilda skäl" exception outweighs a democracy breach only if the municipality's rules contain it."""
    case = _swedish_case(factories, handler, se_dv_no_discrimination="not_met", se_special_reasons="applies")
    assert _barring(case) == set()
    settings = factories.decision_settings("SE", "1480")
    factories.decision_settings("SE", "1480", democracy_grounds={**settings.democracy_grounds, "special_reasons": ""})
    assert _barring(case) == {"se_dv_no_discrimination"}


def test_special_reasons_cannot_outweigh_a_registration_requirement(factories, handler):
    """The exception concerns the democracy conditions only."""
    case = _swedish_case(factories, handler, se_statutes_adopted="not_met", se_special_reasons="applies")
    assert _barring(case) == {"se_statutes_adopted"}


def test_a_ground_the_municipalitys_rules_do_not_contain_is_not_assessed(factories, handler):
    """No rule, no assessment: the item needs no answer and no evidence, and the letter does not list it."""
    settings = factories.decision_settings("SE", "1480")
    factories.decision_settings("SE", "1480", democracy_grounds={**settings.democracy_grounds, "promoting": ""})
    association = screenable(factories, country="SE")
    with current_app.test_request_context():
        case, _opened = cases.open_screening(handler, association, "se_grant_premises", True, False, "en")
    inputs = [answer for answer in met_inputs(case) if answer.item_key != "se_dv_no_defending_promoting_inciting"]
    cases.save_screening_answers(handler, case, case.lock_version, inputs)
    assert [item["key"] for item in decisions.unanswered(case)] == []
    assert decisions.problems(case, ELIGIBLE) == []
    unassessed = met_inputs(case, se_dv_no_defending_promoting_inciting="met")
    for answer in unassessed:
        if answer.item_key == "se_dv_no_defending_promoting_inciting":
            answer.evidence_type, answer.note = "none", None
    assert cases.problems_with_answers(case, unassessed) == []


def test_a_swedish_registration_requirement_the_rules_do_not_have_is_not_relevant(factories, handler):
    """Registration requirements are the municipality's own: "not relevant" where its rules have none."""
    case = _swedish_case(factories, handler, se_members="not_relevant")
    assert _barring(case) == set()


def test_the_swedish_democracy_questions_concern_conduct_within_the_activity(app, factories, handler):
    """«inom ramen för verksamheten»: a företrädare's private conduct is not the association's."""
    template = current_template("eligibility_se", handler.municipality_id)
    for item in template.items:
        if item["key"] in SE_GROUNDS:
            assert "inom ramen för verksamheten" in item["text"]["sv"].lower(), item["key"]
            assert criteria.criterion_of(item) == criteria.BINDING
            assert criteria.ground_of(item) == SE_GROUNDS[item["key"]]


def test_invited_speakers_are_covered_alongside_foretradare_not_as_foretradare(app, handler):
    """MUCF reviews invited speakers beside the företrädare; the checklist never calls speakers företrädare."""
    template = current_template("eligibility_se", handler.municipality_id)
    for item in template.items:
        if item["key"] in SE_GROUNDS:
            # the question names the association's företrädare, and speakers in a clause of their own
            question = item["text"]["sv"]
            assert "föreningen eller dess företrädare" in question, item["key"]
            assert "detsamma gäller talare som föreningen bjuder in" in question, item["key"]
        texts = item["text"]["sv"] + " " + item["guidance"]["sv"]
        assert not re.search(r"företrädare[^.;]*\b(är|omfattar)[^.;]*talare", texts), item["key"]


def test_the_danish_conduct_question_names_no_persons_and_the_guidance_marks_the_bills_remarks(app, officer):
    """§ 4 a: the association's conduct, including conduct attributable to it; the list of persons is guidance."""
    template = current_template("eligibility_dk_fol", officer.municipality_id)
    conduct = template.item("democracy_conduct")
    question = conduct["text"]["da"]
    for person in ("bestyrelsesmedlemmer", "ansatte", "frivillige", "oplægsholdere"):
        assert person not in question, person
    assert "tilskrives" in question
    guidance = conduct["guidance"]["da"]
    assert "bemærkninger" in guidance
    assert "oplægsholdere" in guidance


def test_the_checklists_use_the_terms_of_the_law(app, officer, handler):
    """Rule 10: the Swedish rendering of § 4 a, of the Danish act, and «folkbildande vuxenundervisning»."""
    fol = current_template("eligibility_dk_fol", officer.municipality_id)
    swedish = " ".join(item["text"]["sv"] + " " + item["guidance"]["sv"] for item in fol.items)
    assert "folkoplysningslagen" not in swedish and "vuxenutbildning" not in swedish
    assert "grundläggande fri- och rättigheter och mänskliga rättigheter" in fol.item("democracy_purpose")["text"]["sv"]
    assert "folkbildande vuxenundervisning" in swedish
    danish = " ".join(item["text"]["da"] + " " + item["guidance"]["da"] for item in fol.items)
    assert "i kommercielt øjemed" in danish


def test_the_case_page_names_the_municipal_rule_of_each_confirmed_ground(factories, client_for, handler):
    """The officer sees which section of the municipality's rules each democracy item applies."""
    association = screenable(factories, country="SE")
    staff = client_for(handler)
    staff.post(f"/staff/screening/associations/{association.id}/open",
               data={"screening-legal_basis": "se_grant_premises", "screening-applies_grant": "y"})
    case = db.session.scalars(select(ScreeningCase)).one()
    page = text_of(staff.get(f"/staff/screening/{case.id}").get_data(as_text=True))
    for number in range(1, 6):
        assert f"In the municipality's rules: avsnitt 5.{number}" in page
