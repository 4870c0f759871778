"""Letters cite the rules actually applied, say who decided, and carry correct appeal information (§ 0, rules 4–5).

A letter cites only statutes and the deciding municipality's own adopted rules (SE: their name and date, a setting
that must be filled before a Swedish decision is final), never other municipalities' rules or a withdrawn bill.
Appeal information: DK — no administrative appeal under FOL (§ 33, stk. 1), Ankestyrelsen supervises, the
Ombudsman; SE — laglighetsprövning under 13 kap. kommunallagen. No final adverse decision without it.
"""

import re
from datetime import date

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select

from registry.checklists.models import ChecklistTemplate
from registry.core.forms import FieldErrors
from registry.extensions import db
from registry.screening.appeals import DEFAULTS
from registry.screening.models import ScreeningAnswer, ScreeningCase
from registry.screening.services import cases, decisions, letters
from registry.screening.services.settings import settings_for
from tests.screening.helpers import (
    REASONS,
    assessed_case,
    decided_case,
    field_error,
    flashes,
    follow,
    met_inputs,
    pdf_text,
    screenable,
    text_of,
)

#: Statutes a letter may cite. Anything else must be the deciding municipality's own rules.
STATUTES = ("Folkeoplysningsloven", "Kommunallagen (2017:725)")
#: What must never reach a letter: other municipalities, agencies' practice and bills.
FORBIDDEN = ("Ystad", "Sigtuna", "Hallsberg", "Vetlanda", "Sundbyberg", "MUCF", "SKR", "SOU", "prop.", "Prop.",
             "2021/22:272", "2023/24:119", "lagen.nu")
BASES = [("DK", "dk_fol_stk2"), ("DK", "dk_fol_stk3"), ("DK", "dk_44a"), ("SE", "se_grant_premises")]


@pytest.fixture
def handler(factories):
    """A Swedish handläggare of Göteborg."""
    return factories.staff(country="SE", code="1480", email="handlaggare@goteborg.example", locale="en")


@pytest.fixture
def chief(factories):
    """A second Swedish staff member, who approves refusals."""
    return factories.staff(country="SE", code="1480", email="chef@goteborg.example", display_name="Cecilia Chef")


def _old_case(association, actor, template_key, basis):
    """A case on version 1 of a checklist, every item met, as cases opened before version 2 still are."""
    old = db.session.scalars(select(ChecklistTemplate).where(
        ChecklistTemplate.key == template_key, ChecklistTemplate.version == 1)).one()
    case = ScreeningCase(association_id=association.id, municipality_id=actor.municipality_id, template_id=old.id,
                         legal_basis=basis, applies_grant=True, applies_premises=False, status="open")
    db.session.add(case)
    db.session.flush()
    for item in case.items:
        answer = "not_relevant" if item.get("answer_type") == "exception" else "met"
        db.session.add(ScreeningAnswer(case_id=case.id, item_key=item["key"], answer=answer, note="Vurderet.",
                                       evidence_type="observation", evidence_observed_on=date.today(),
                                       evidence_source="Besøg"))
    db.session.commit()
    db.session.refresh(case)
    return case


def _assert_lawful_sources(decision):
    context = letters.letter_context(decision)
    own = letters.rules_title(context["rules"])
    cited = [source for row in context["summary"] for source in row["sources"]]
    assert cited, "a letter cites the rules it applies"
    for source in cited:
        assert source.startswith(STATUTES) or (own and source.startswith(own)), source
    page = letters.render_letter_html(decision)
    for word in FORBIDDEN:
        assert word not in page, word


@pytest.mark.parametrize(("country", "basis"), BASES)
def test_every_source_printed_in_a_letter_is_a_statute_or_the_municipalitys_own_rules(
        app, factories, officer, handler, country, basis):
    """Current checklists: each row of the letter cites a statute or the deciding municipality's adopted rules."""
    actor = officer if country == "DK" else handler
    _case, decision = decided_case(screenable(factories, country=country), actor, legal_basis=basis)
    with app.test_request_context():
        _assert_lawful_sources(decision)


@pytest.mark.parametrize(("country", "template_key", "basis"), [
    ("DK", "eligibility_dk_fol", "dk_fol_stk3"), ("DK", "eligibility_dk_44a", "dk_44a"),
    ("SE", "eligibility_se", "se_grant_premises")])
def test_letters_of_cases_on_the_first_checklists_cite_no_example_municipality_or_withdrawn_bill(
        app, factories, officer, handler, country, template_key, basis):
    """Version 1 named Ystad's rules and prop. 2021/22:272 as sources: staff guidance keeps them, letters never."""
    actor = officer if country == "DK" else handler
    case = _old_case(screenable(factories, country=country), actor, template_key, basis)
    with app.test_request_context():
        decision = decisions.propose_decision(actor, case, decisions.DecisionInput(
            grant_outcome="eligible", premises_outcome=None, conditions=None, rules_applied=None,
            considerations=None, facts=None, hearing_not_needed_because=None))
        _assert_lawful_sources(decision)


def test_a_swedish_decision_cannot_be_final_before_the_municipality_names_its_rules(factories, client_for, handler):
    """The letter cites the municipality's adopted grant rules, so their name and date must be filled in first."""
    factories.decision_settings("SE", "1480", rules_name=None, rules_adopted_on=None)
    association = screenable(factories, country="SE")
    staff = client_for(handler)
    case = assessed_case(staff, association, basis="se_grant_premises")
    page = text_of(staff.get(f"/staff/screening/{case.id}").get_data(as_text=True))
    assert "The name and adoption date of the municipality's grant rules are not filled in." in page
    response = staff.post(f"/staff/screening/{case.id}/decision", data={"decision-grant_outcome": "eligible"})
    assert response.status_code == 200
    assert "The name and adoption date of the municipality's grant rules are not filled in." in text_of(
        response.get_data(as_text=True))
    assert case.decisions == []


def test_the_letter_says_who_decided_and_under_which_delegation(app, factories, officer, colleague):
    """SE FL 31 § and good practice in DK: the decision maker and the delegation are in the letter."""
    _case, decision = decided_case(screenable(factories), officer, "not_eligible", approver=colleague)
    with app.test_request_context():
        page = text_of(letters.render_letter_html(decision))
    delegation = settings_for(officer.municipality_id).delegation
    with force_locale("da"):
        made_by = gettext("The decision was made by %(name)s.", name=colleague.display_name)
        prepared = gettext("It was prepared by %(name)s.", name=officer.display_name)
    assert made_by in page and prepared in page
    assert delegation in page


def test_the_swedish_letter_names_the_municipal_rule_of_each_democracy_ground(app, factories, handler):
    """Each democracy item cites the municipality's rules and the section the municipality named for the ground."""
    _case, decision = decided_case(screenable(factories, country="SE"), handler)
    with app.test_request_context():
        context = letters.letter_context(decision)
    sections = {section for row in context["summary"] for source in row["sources"]
                for section in re.findall(r"avsnitt 5\.\d", source)}
    assert sections == {"avsnitt 5.1", "avsnitt 5.2", "avsnitt 5.3", "avsnitt 5.4", "avsnitt 5.5"}
    assert decision.rules_cited["rules_name"] == "Regler för föreningsbidrag"


@pytest.mark.parametrize("locale", ["da", "sv", "en"])
def test_the_letter_of_a_refusal_awaiting_approval_is_marked_as_a_draft(app, factories, officer, locale, tmp_path):
    """A proposed refusal's letter says, in every language, that it is a draft and not a decision, also in the PDF."""
    association = screenable(factories)
    with app.test_request_context():
        case, _opened = cases.open_screening(officer, association, "dk_fol_stk3", True, False, "en")
        cases.save_screening_answers(officer, case, case.lock_version, met_inputs(case, democracy_conduct="not_met"))
        decision = decisions.propose_decision(officer, case, decisions.DecisionInput(
            grant_outcome="not_eligible", premises_outcome=None, conditions=None,
            rules_applied=REASONS["decision-rules_applied"], considerations=REASONS["decision-considerations"],
            facts=REASONS["decision-facts"], hearing_not_needed_because="Foreningens egne udtalelser."))
        assert decision.status == "proposed"
        decision.letter_locale = locale
        with force_locale(locale):
            draft = gettext("Draft – not a decision.")
            date_label = gettext("Date")
        if locale != "en":
            assert draft != "Draft – not a decision.", "translated"
        page = text_of(letters.render_letter_html(decision))
        pdf = pdf_text(letters.render_letter_pdf(decision), tmp_path)
    assert draft in page and draft in pdf
    assert f"{date_label} " not in page.split(draft)[0]  # no decision date above the mark
    db.session.rollback()


def test_the_default_danish_appeal_information_opens_no_administrative_appeal(app, factories, officer, colleague):
    """FOL opens no administrative appeal: the letter says so, names Ankestyrelsen and the Ombudsman, and is not
    headed "Klagevejledning"."""
    text = DEFAULTS["DK"]["da"]
    assert "kan ikke indbringes for en anden administrativ myndighed" in text
    assert "Ankestyrelsen" in text and "Folketingets Ombudsmand" in text and "12 måneder" in text
    _case, decision = decided_case(screenable(factories), officer, "not_eligible", approver=colleague)
    with app.test_request_context():
        page = text_of(letters.render_letter_html(decision))
    assert "Klagevejledning" not in page
    assert "Kan afgørelsen påklages?" in page
    assert decision.complaint_guidance == text


def test_the_default_swedish_appeal_information_is_laglighetsprovning(app, factories, handler, chief):
    """13 kap. kommunallagen: a kommunmedlem, in writing to the förvaltningsrätt, within three weeks of the notice."""
    text = DEFAULTS["SE"]["sv"]
    for phrase in ("laglighetsprövning", "13 kap. kommunallagen", "medlem i kommunen", "förvaltningsrätten",
                   "inom tre veckor", "anslagstavla", "justerats", "upphäva"):
        assert phrase in text, phrase
    association = screenable(factories, country="SE")
    _case, decision = decided_case(association, handler, "not_eligible", approver=chief)
    with app.test_request_context():
        page = text_of(letters.render_letter_html(decision))
    assert "Hur man överklagar" in page and "laglighetsprövning" in page


def test_a_final_adverse_decision_is_impossible_while_the_appeal_text_is_empty(factories, client_for, officer,
                                                                                colleague):
    """No refusal or conditions become final without appeal information in the letter's language."""
    association = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, association, democracy_conduct={"answer": "not_met"})
    response = staff.post(f"/staff/screening/{case.id}/decision", data={
        "decision-grant_outcome": "not_eligible", **REASONS,
        "decision-hearing_not_needed_because": "Foreningens egne udtalelser."})
    follow(staff, response)
    (decision,) = case.decisions
    assert decision.status == "proposed"

    factories.decision_settings(complaint_guidance={"da": "", "sv": "Text.", "en": "Text."})
    page = text_of(staff.get(f"/staff/screening/{case.id}").get_data(as_text=True))
    assert "The appeal information in the letter's language is empty." in page
    second = client_for(colleague)
    flashed = flashes(follow(second, second.post(f"/staff/screening/decisions/{decision.id}/approve")), "error")
    assert flashed == ["The appeal information in the letter's language is empty."]
    db.session.refresh(decision)
    assert decision.status == "proposed"

    with pytest.raises(FieldErrors) as raised:
        decisions.approve_decision(colleague, decision)
    assert [error.field for error in raised.value.errors] == ["approve"]


def test_a_full_grant_needs_no_appeal_text(app, factories, officer):
    """FVL § 25 concerns decisions that can be appealed; a full grant does not wait for appeal information."""
    factories.decision_settings(complaint_guidance={"da": "", "sv": "", "en": ""})
    _case, decision = decided_case(screenable(factories), officer)
    assert decision.status == "final"


def test_the_decision_form_names_the_missing_settings(factories, client_for, officer):
    """The staff page says why a decision cannot be made yet, next to the decision form."""
    factories.decision_settings(delegation=None)
    association = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, association)
    response = staff.post(f"/staff/screening/{case.id}/decision", data={"decision-grant_outcome": "eligible"})
    page = response.get_data(as_text=True)
    assert "The delegation under which staff decide is not filled in." in text_of(page)
    assert field_error(page, "decision-grant_outcome") is None


@pytest.mark.parametrize(("basis", "other"), [("dk_fol_stk3", "stk. 2"), ("dk_fol_stk2", "stk. 3")])
def test_a_letter_cites_the_provisions_of_its_own_legal_basis(app, factories, officer, basis, other):
    """FOL § 4, stk. 2 (adult education) and stk. 3 (association work) differ: a letter cites only its own."""
    _case, decision = decided_case(screenable(factories), officer, legal_basis=basis)
    with app.test_request_context():
        cited = [source for row in letters.letter_context(decision)["summary"] for source in row["sources"]]
    assert [source for source in cited if f"§ 4, {other}" in source] == []


def test_every_shipped_eligibility_item_is_complete():
    """Each current item states its criterion, what a letter cites, and its texts in da, sv and en."""
    from registry.checklists.services import shipped_templates
    from registry.screening.criteria import item_problems

    newest = {}
    for data in shipped_templates():
        if data["purpose"] == "eligibility":
            newest[data["key"]] = max(newest.get(data["key"], data), data, key=lambda template: template["version"])
    assert set(newest) == {"eligibility_dk_fol", "eligibility_dk_44a", "eligibility_se"}
    assert [problem for data in newest.values() for item in data["items"] for problem in item_problems(item)] == []


def test_a_final_letter_keeps_the_rules_it_was_decided_under(app, factories, officer):
    """Changing the municipality's rules or delegation later changes no letter already sent."""
    _case, decision = decided_case(screenable(factories), officer)
    old_delegation = decision.rules_cited["delegation"]
    factories.decision_settings(delegation="En helt ny delegationsplan", rules_name="Nye retningslinjer")
    with app.test_request_context():
        page = text_of(letters.render_letter_html(decision))
    assert old_delegation in page and "En helt ny delegationsplan" not in page and "Nye retningslinjer" not in page
    decision.rules_cited = None  # a decision made before the rules were recorded with it
    db.session.commit()
    with app.test_request_context():
        page = text_of(letters.render_letter_html(decision))
    assert "En helt ny delegationsplan" not in page
