"""Helpers for the screening tests: associations ready to screen, the case page's forms, letters as text."""

import html
import re
import subprocess
from datetime import date

from flask import current_app
from sqlalchemy import func, select

from registry.associations.models import Representative
from registry.associations.services import files
from registry.checklists.answering import AnswerInput
from registry.extensions import db
from registry.screening import criteria
from registry.screening.models import Decision, ScreeningCase
from registry.screening.services import cases, decisions
from tests.factories import PDF
from tests.pages import FormReader

REASONS = {
    "decision-rules_applied": "Folkeoplysningsloven § 4, stk. 3, og § 4 a.",
    "decision-considerations": "Foreningens formål og adfærd er ikke forenelig med demokratiet.",
    "decision-facts": "Foreningens vedtægter § 2 og udtalelser på dens hjemmeside.",
}


# -- data --------------------------------------------------------------------------------------------------


def screenable(factories, owner=None, *, child_declaration: bool = True, country: str = "DK", **kwargs):
    """A submitted association with its documents and declarations (optionally without the børneattest one)."""
    owner = owner or factories.user()
    if child_declaration:
        return factories.submitted_association(owner=owner, country=country, complete=True, **kwargs)
    association = factories.submitted_association(owner=owner, country=country, **kwargs)
    for kind in ("statutes", "minutes", "accounts"):
        files.add_document(owner, association, kind, f"{kind}.pdf", PDF)
    files.give_declaration(owner, association, "democracy", "da", "Anna Berg", "Formand")
    return association


def owner_of(association):
    """The association's owner."""
    return db.session.scalars(select(Representative).where(
        Representative.association_id == association.id, Representative.rights == "owner")).one().user


def met_inputs(case, **answers: str) -> list[AnswerInput]:
    """Every item of the case answered "met" (exceptions "not_relevant"), with evidence where it is required."""
    inputs = []
    for item in case.items:
        default = "not_relevant" if criteria.criterion_of(item) == criteria.SPECIAL_REASONS else "met"
        answer = answers.get(item["key"], default)
        evidence = item.get("requires_evidence") or answer == "applies"
        inputs.append(AnswerInput(
            item_key=item["key"], answer=answer, note=f"Vurdering af {item['key']}.",
            evidence_type="observation" if evidence else "none",
            evidence_observed_on=date.today() if evidence else None,
            evidence_source="Besøg i foreningen" if evidence else None))
    return inputs


def decided_case(association, actor, outcome: str = "eligible", *, approver=None, legal_basis: str | None = None,
                 grant: bool = True, premises: bool = False, considerations: str | None = None):
    """Open, assess and decide a screening through the services; a refusal is approved by ``approver``.

    A refusal carries the reasons of ``REASONS`` (``considerations`` replaces the main considerations).
    """
    basis = legal_basis or ("dk_fol_stk3" if association.country == "DK" else "se_grant_premises")
    refusal = outcome == "not_eligible"
    with current_app.test_request_context():  # the decision e-mail carries an absolute link
        case, _opened = cases.open_screening(actor, association, basis, grant, premises, "en")
        cases.save_screening_answers(actor, case, case.lock_version, met_inputs(
            case, democracy_conduct="not_met") if refusal and basis.startswith("dk") else met_inputs(case))
        decision = decisions.propose_decision(actor, case, decisions.DecisionInput(
            grant_outcome=outcome if grant else None, premises_outcome=outcome if premises else None,
            conditions=None, rules_applied=REASONS["decision-rules_applied"] if refusal else None,
            considerations=(considerations or REASONS["decision-considerations"]) if refusal else considerations,
            facts=REASONS["decision-facts"] if refusal else None,
            hearing_not_needed_because="The association's own statements." if refusal else None))
        if decision.status == "proposed":
            decisions.approve_decision(approver, decision)
    return case, decision


def award(case, actor, *, year: int | None = None, grant: bool = True, premises: bool = False):
    """Record an award on a decided screening through the service, confirming that nothing new came up."""
    from registry.awards.services import AwardInput, record_award

    return record_award(actor, case, AwardInput(year=year or date.today().year, grant=grant, premises=premises,
                                                amount=None, decision_reference="Kultur- og Fritidsudvalget, pkt. 4",
                                                nothing_new=True))


def count(model, *conditions) -> int:
    """Rows of a model matching the conditions."""
    return db.session.scalar(select(func.count()).select_from(model).where(*conditions))


def only_case() -> ScreeningCase:
    """The one screening case in the database."""
    return db.session.scalars(select(ScreeningCase)).one()


def decisions_of(case) -> list[Decision]:
    """The case's decisions, oldest first, as stored now."""
    db.session.expire_all()
    return list(db.session.scalars(select(Decision).where(Decision.case_id == case.id).order_by(Decision.id)))


# -- reading pages -------------------------------------------------------------------------------------------


def form_fields(page: str, action: str | None) -> dict[str, str]:
    """The values a browser would post from the page's form with this action (None: a form without one)."""
    reader = FormReader(action)
    reader.feed(page)
    return dict(reader.fields)


def item_indexes(fields: dict[str, str]) -> dict[str, int]:
    """Item key → its position in the assessment form, read from the hidden item_key fields."""
    return {value: int(name.split("-")[1]) for name, value in fields.items()
            if re.fullmatch(r"answers-\d+-item_key", name)}


def assessment(page: str, case, default: str | None = "met", **items: dict) -> dict[str, str]:
    """The assessment form as shown, with every item answered ``default`` and ``items`` overriding fields.

    Items that require evidence get a dated observation and a note, exception items "not_relevant".
    """
    data = form_fields(page, f"/staff/screening/{case.id}")
    kinds = {item["key"]: item for item in case.items}
    for key, index in item_indexes(data).items():
        prefix = f"answers-{index}-"
        if default is not None:
            data[prefix + "answer"] = "not_relevant" if criteria.criterion_of(kinds[key]) == criteria.SPECIAL_REASONS \
                else default
            if kinds[key].get("requires_evidence"):
                data.update({prefix + "evidence_type": "observation", prefix + "note": f"Vurdering af {key}.",
                             prefix + "evidence_observed_on": date.today().isoformat(),
                             prefix + "evidence_source": "Besøg i foreningen"})
        for name, value in items.get(key, {}).items():
            if value is None:
                data.pop(prefix + name, None)
            else:
                data[prefix + name] = value
    return data


def assessed_case(staff, association, grant: bool = True, premises: bool = False, basis: str = "dk_fol_stk3",
                  **items: dict):
    """Open a screening through the staff page and save an assessment (all met unless ``items`` say otherwise)."""
    data = {"screening-legal_basis": basis}
    data.update({"screening-applies_grant": "y"} if grant else {})
    data.update({"screening-applies_premises": "y"} if premises else {})
    assert staff.post(f"/staff/screening/associations/{association.id}/open", data=data).status_code == 303
    case = db.session.scalars(select(ScreeningCase).where(ScreeningCase.association_id == association.id)
                              .order_by(ScreeningCase.id.desc())).first()
    page = staff.get(f"/staff/screening/{case.id}").get_data(as_text=True)
    response = staff.post(f"/staff/screening/{case.id}", data=assessment(page, case, **items))
    assert response.status_code == 303, re.findall(r'class="field-error" id="([^"]+)"', response.get_data(as_text=True))
    return case


def text_of(page: str) -> str:
    """The page's visible text with whitespace collapsed."""
    without_tags = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S))
    return " ".join(html.unescape(without_tags).split())


def field_error(page: str, field_id: str) -> str | None:
    """The error message shown next to a field, or None."""
    found = re.search(rf'<p class="field-error" id="{re.escape(field_id)}-error">(.*?)</p>', page, re.S)
    return text_of(found.group(1)).removeprefix("Error:").strip() if found else None


def summary_errors(page: str) -> list[str]:
    """The lines of every error summary on the page, as shown."""
    return [text_of(line) for box in re.findall(r'<div class="error-summary".*?</div>', page, re.S)
            for line in re.findall(r"<li>(.*?)</li>", box, re.S)]


def item_error(page: str, case, key: str) -> str | None:
    """The summary's message about a checklist item, found by its number and text as the page names it."""
    number, item = next((number, item) for number, item in enumerate(case.items, start=1) if item["key"] == key)
    prefix = f"{number}. {item['text']['en']}: "
    return next((line.removeprefix(prefix) for line in summary_errors(page) if line.startswith(prefix)), None)


def textarea(page: str, field_id: str) -> str | None:
    """The text inside a textarea, as the browser shows it."""
    found = re.search(rf'<textarea[^>]*\bid="{re.escape(field_id)}"[^>]*>(.*?)</textarea>', page, re.S)
    return html.unescape(found.group(1)).strip() if found else None


def flashes(page: str, category: str | None = None) -> list[str]:
    """Flash messages on the page (of one category, or all)."""
    return [text_of(message) for kind, message in re.findall(
        r'<div class="flash flash-(\w+)" role="\w+">(.*?)</div>', page, re.S) if category in (None, kind)]


def follow(client, response) -> str:
    """The page a redirect leads to."""
    assert response.status_code in (302, 303), (response.status_code, response.get_data(as_text=True)[:2000])
    page = client.get(response.location)
    assert page.status_code == 200, (response.location, page.status_code)
    return page.get_data(as_text=True)


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The PDF's text as pdftotext reads it, whitespace collapsed (fails if pdftotext is missing)."""
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def mails_to(outbox, address: str) -> list:
    """Messages sent to an address."""
    return [message for message in outbox if message["To"] == address]


def link_in(message) -> str:
    """The first http(s) link in an e-mail's body."""
    found = re.search(r"https?://\S+", message.get_content())
    assert found, message.get_content()
    return found.group(0)
