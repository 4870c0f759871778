"""The municipal staff flows in a real browser: qualification, eligibility screening, hearing,
a refusal approved by a second staff member, and the decision letter (page and PDF).

Runs once in Danish (Aarhus, an association screened under folkeoplysningsloven) and once in
Swedish (Göteborg, an association screened for grant and premises). The data is seeded through
the services; every page the staff and the representative reach is checked with axe-core.
"""

import re
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.browser.helpers import (
    ASSOCIATIONS,
    assert_error_summary,
    check_page,
    click_and_wait,
    log_in,
    submit_main_form,
    translated,
)

pytestmark = pytest.mark.browser

#: Municipality, legal basis and the texts typed by the staff in each locale.
STAFF = {
    "da": {
        "country": "DK", "code": "751", "basis": "dk_fol_stk3", "search": "fodbold",
        "note": "Vurderet på baggrund af vedtægter og besøg i foreningen.",
        "source": "Besøg i foreningen",
        "summary": "Foreningen opfylder kravene og anbefales som partner.",
        "facts": "Kommunen har oplysninger om udtalelser fra en inviteret taler den 3. oktober 2026.",
        "answer": "Taleren var ikke inviteret af foreningen, og vi har taget afstand fra udtalelserne.",
        "rules": "Folkeoplysningsloven § 4, stk. 3, og § 4 a.",
        "suggested_rules": "Folkeoplysningsloven § 4 a",
        "considerations": "Foreningens adfærd underminerer demokratiet og de grundlæggende friheds- og "
                          "menneskerettigheder.",
        "facts_relied_on": "Udtalelser ved foreningens arrangement den 3. oktober 2026.",
    },
    "sv": {
        "country": "SE", "code": "1480", "basis": "se_grant_premises", "search": "fotboll",
        "note": "Bedömt utifrån stadgarna och ett besök i föreningen.",
        "source": "Besök i föreningen",
        "summary": "Föreningen uppfyller kraven och rekommenderas som partner.",
        "facts": "Kommunen har uppgifter om uttalanden av en inbjuden talare den 3 oktober 2026.",
        "answer": "Talaren var inte inbjuden av föreningen, och vi har tagit avstånd från uttalandena.",
        "rules": "Regler för föreningsbidrag, avsnitt 5.2 (demokrativillkor).",
        "suggested_rules": "Regler för föreningsbidrag",
        "considerations": "Föreningens verksamhet är inte förenlig med demokrativillkoret.",
        "facts_relied_on": "Uttalanden vid föreningens arrangemang den 3 oktober 2026.",
    },
}


def seed(server, locale: str) -> dict:
    """A submitted, complete association (its owner verified), two staff members and the checklists."""
    from registry.accounts.models import User
    from registry.checklists.services import load_templates
    from registry.core.models import utcnow
    from registry.extensions import db
    from tests.browser.helpers import _password_hash
    from tests.factories import Factories

    data, staff = ASSOCIATIONS[locale], STAFF[locale]

    def build():
        load_templates()
        factories = Factories()
        factories.decision_settings(staff["country"], staff["code"])
        municipality = factories.municipality(staff["country"], staff["code"])
        users = {}
        for key, role, name in (("owner", None, data["signer"][0]), ("officer", "officer", "Mette Sagsbehandler"),
                                ("approver", "administrator", "Lars Godkender")):
            extra = {"role": role, "municipality_id": municipality.id} if role else {}
            user = User(email=f"{key}.{locale}@example.org", display_name=name, password_hash=_password_hash(),
                        locale=locale, email_verified_at=utcnow(), **extra)
            db.session.add(user)
            db.session.commit()
            users[key] = user.email
        owner = db.session.scalars(select(User).where(User.email == users["owner"])).one()
        association = factories.submitted_association(
            owner=owner, country=staff["country"], home=staff["code"], complete=True, name=data["name"],
            purpose=data["purpose"], activities=data["activities"], target_groups=("children", "youth"))
        return {**users, "association_id": association.id}

    return server.query(build)


def item_index(page) -> dict[str, int]:
    """Item key → its position in the assessment form (from the hidden item_key fields)."""
    pairs = page.locator("main input[type=hidden][name$='-item_key']").evaluate_all(
        "inputs => inputs.map(i => [i.name, i.value])")
    return {value: int(name.split("-")[1]) for name, value in pairs}


def case_items(server, case_id: int) -> dict[str, dict]:
    """The items of a screening case, by key."""
    from registry.extensions import db
    from registry.screening.models import ScreeningCase

    return server.query(lambda: {item["key"]: dict(item) for item in db.session.get(ScreeningCase, case_id).items})


def case_status(server, model, case_id: int) -> str:
    from registry.extensions import db

    return server.query(lambda: db.session.get(model, case_id).status)


def pdf_text(path) -> str:
    """The PDF's text as pdftotext reads it, whitespace collapsed; fails if pdftotext is missing."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is missing: apt-get install poppler-utils"
    result = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def test_staff_qualify_screen_hear_refuse_and_approve(new_context, live_server, locale, tmp_path):
    from registry.extensions import db
    from registry.qualification.models import QualificationCase
    from registry.screening import criteria
    from registry.screening.appeals import DEFAULTS
    from registry.screening.models import Decision, Hearing, ScreeningCase

    server, data, staff = live_server, ASSOCIATIONS[locale], STAFF[locale]
    seeded = seed(server, locale)
    association_id = seeded["association_id"]

    # -- the officer: dashboard, search, the association --------------------------------------------------
    officer = new_context(locale).new_page()
    log_in(officer, server, seeded["officer"])
    officer.goto(server.url + "/staff/")
    check_page(officer, locale, "staff-dashboard")

    officer.goto(server.url + "/staff/search")
    check_page(officer, locale)
    officer.fill("#q", staff["search"])
    officer.locator("main details.filters > summary").click()
    officer.select_option("#target_group", value="children")
    submit_main_form(officer, has="#q")
    assert f"q={staff['search']}" in officer.url and "target_group=children" in officer.url, officer.url
    result = officer.locator(f"main table a[href$='/staff/associations/{association_id}']")
    assert result.count() == 1 and result.inner_text().strip() == data["name"]
    check_page(officer, locale, "staff-search")

    click_and_wait(officer, result)
    check_page(officer, locale, "staff-association")

    # -- qualification: answer every item, save, conclude -------------------------------------------------
    click_and_wait(officer, officer.locator(
        f"main form[action$='/qualification/associations/{association_id}/open'] button[type=submit]"))
    assert re.search(r"/qualification/\d+$", officer.url), officer.url
    qualification_id = int(officer.url.rsplit("/", 1)[1])
    check_page(officer, locale)
    indexes = item_index(officer)
    assert indexes
    for index in indexes.values():
        officer.check(f"#answers-{index}-answer-0")  # "met"
    submit_main_form(officer, has="input[name$='-item_key']")
    assert officer.locator(".flash-success").count() == 1
    check_page(officer, locale)
    officer.check("[name='conclude-recommendation'][value=recommended]")
    officer.fill("#conclude-summary", staff["summary"])
    submit_main_form(officer, has="#conclude-summary")
    assert case_status(server, QualificationCase, qualification_id) != "open"
    assert staff["summary"] in officer.locator("main").inner_text()
    check_page(officer, locale, "qualification-case")

    # -- eligibility screening: open, assess, save, hearing ---------------------------------------------------
    officer.goto(server.url + f"/staff/associations/{association_id}")
    officer.select_option("#screening-legal_basis", value=staff["basis"])
    officer.check("#screening-applies_grant")
    submit_main_form(officer, has="#screening-legal_basis")
    assert re.search(r"/staff/screening/\d+$", officer.url), officer.url
    case_id = int(officer.url.rsplit("/", 1)[1])
    case_url = officer.url
    check_page(officer, locale)

    items = case_items(server, case_id)
    indexes = item_index(officer)
    assert set(indexes) == set(items)
    for key, index in indexes.items():
        item = items[key]
        answer = "not_relevant" if criteria.criterion_of(item) == criteria.SPECIAL_REASONS else "met"
        officer.check(f"[name='answers-{index}-answer'][value={answer}]")
        if item.get("requires_evidence"):
            officer.fill(f"#answers-{index}-note", staff["note"])
            officer.select_option(f"#answers-{index}-evidence_type", value="observation")
            officer.fill(f"#answers-{index}-evidence_observed_on", (date.today() - timedelta(days=3)).isoformat())
            officer.fill(f"#answers-{index}-evidence_source", staff["source"])
    assert any(item.get("requires_evidence") for item in items.values())
    submit_main_form(officer, has="input[name$='-item_key']")
    assert officer.url == case_url, officer.url
    assert officer.locator(".flash-success").count() == 1, officer.locator("main").inner_text()[:2000]
    check_page(officer, locale)

    officer.fill("#hearing-facts", staff["facts"])
    officer.fill("#hearing-deadline", (date.today() + timedelta(days=14)).isoformat())
    submit_main_form(officer, has="#hearing-facts")
    assert officer.url == case_url and officer.locator(".flash-success").count() == 1
    check_page(officer, locale, "screening-case")

    # -- the representative answers the hearing ----------------------------------------------------------------
    representative = new_context(locale).new_page()
    log_in(representative, server, seeded["owner"])
    representative.goto(server.url + f"/associations/{association_id}/screenings")
    check_page(representative, locale)
    click_and_wait(representative, representative.locator("main a[href*='/hearings/']"))
    check_page(representative, locale)
    representative.fill("#answer", staff["answer"])
    submit_main_form(representative, has="#answer")
    assert representative.url.endswith(f"/associations/{association_id}/screenings"), representative.url
    assert representative.locator(".flash-success").count() == 1
    assert server.query(lambda: db.session.scalars(select(Hearing.answer)).one()) == staff["answer"]
    check_page(representative, locale)

    # -- the officer proposes a refusal: first without reasons (an error), then with them -------------------------
    officer.goto(case_url)
    assert staff["answer"] in officer.locator("main").inner_text()
    # The rules the checklist applies are suggested; the officer empties them to see the errors.
    assert staff["suggested_rules"] in officer.locator("#decision-rules_applied").input_value()
    officer.fill("#decision-rules_applied", "")
    officer.check("[name='decision-grant_outcome'][value=not_eligible]")
    submit_main_form(officer, has="#decision-rules_applied")
    ids = assert_error_summary(officer, expect_field="decision-rules_applied")
    assert officer.locator("#decision-rules_applied-error").count() == 1, ids
    check_page(officer, locale)
    assert case_status(server, ScreeningCase, case_id) != "decided"

    officer.check("[name='decision-grant_outcome'][value=not_eligible]")
    officer.fill("#decision-rules_applied", staff["rules"])
    officer.fill("#decision-considerations", staff["considerations"])
    officer.fill("#decision-facts", staff["facts_relied_on"])
    submit_main_form(officer, has="#decision-rules_applied")
    assert officer.url == case_url, officer.url
    decision_id = server.query(lambda: db.session.scalars(select(Decision.id).where(Decision.case_id == case_id)).one())
    assert case_status(server, Decision, decision_id) == "proposed"
    assert case_status(server, ScreeningCase, case_id) == "proposed"
    assert translated(server, locale, "Awaiting approval") in officer.locator("main dl.summary-list").first.inner_text()
    assert officer.locator(f"form[action$='/decisions/{decision_id}/approve']").count() == 0  # not by the proposer
    check_page(officer, locale)
    # The proposal's letter is a draft, and says so.
    click_and_wait(officer, officer.locator(f"main a[href$='/decisions/{decision_id}/letter']"))
    assert translated(server, locale, "Draft – not a decision.") in officer.locator("main").inner_text()
    check_page(officer, locale, "draft-letter")

    # -- a second staff member approves ---------------------------------------------------------------------
    approver = new_context(locale).new_page()
    log_in(approver, server, seeded["approver"])
    approver.goto(server.url + "/staff/")
    check_page(approver, locale)  # the dashboard lists the refusal awaiting approval
    click_and_wait(approver, approver.locator(f"main #awaiting-title ~ ul a[href$='/staff/screening/{case_id}']"))
    assert approver.url == case_url, approver.url
    approve = approver.locator(f"main form[action$='/decisions/{decision_id}/approve'] button[type=submit]")
    click_and_wait(approver, approve)
    assert case_status(server, Decision, decision_id) == "final"
    assert approver.locator(".flash-success").count() == 1
    check_page(approver, locale)

    # -- the representative reads the letter and downloads the PDF ----------------------------------------------
    representative.goto(server.url + f"/associations/{association_id}/screenings")
    check_page(representative, locale)
    click_and_wait(representative, representative.locator(f"main a[href$='/decisions/{decision_id}']"))
    assert staff["considerations"] in representative.locator("main").inner_text()
    check_page(representative, locale, "decision-letter")
    with representative.expect_download() as download_info:
        representative.locator("main a[href$='.pdf']").first.click()
    path = tmp_path / "letter.pdf"
    download_info.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    for typed in (staff["rules"], staff["considerations"], staff["facts_relied_on"]):
        assert " ".join(typed.split()) in text, (typed, text[:3000])
    # The final letter: no draft mark, who decided, and the appeal information of the municipality's country.
    letter = representative.locator("main").inner_text()
    appeal = " ".join(DEFAULTS[staff["country"]][locale].split())
    heading = translated(server, locale, "How to appeal" if staff["country"] == "SE" else
                         "Can the decision be appealed?")
    assert heading in letter and appeal in " ".join(letter.split())
    assert appeal in text and translated(server, locale, "Draft – not a decision.") not in text
    assert translated(server, locale, "Draft – not a decision.") not in letter
    assert "Lars Godkender" in letter
