"""The decision letter, as HTML and as PDF, in the association's language.

A letter cites only statutes and the deciding municipality's own adopted rules: an item's ``letter_source`` (a
statute reference) and, where the item rests on the municipality's rules, their name and date as the
municipality's settings give them. Example sources and interpretation aids stay in the staff guidance.
"""

from datetime import date

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from config import BASE_DIR
from registry.core.i18n import format_date, localized
from registry.qualification.choices import ANSWERS
from registry.screening import criteria
from registry.screening.appeals import HEADINGS
from registry.screening.choices import EXCEPTION_ANSWERS, GROUPS, LEGAL_BASES, OUTCOMES
from registry.screening.models import Decision, ScreeningCase
from registry.screening.services.settings import rules_snapshot, settings_for


def statute_cited(item: dict, jurisdiction: str, basis: str) -> str | None:
    """The statute an item applies on a legal basis (version 1 Danish items named it as their source)."""
    cited = item.get("letter_source")
    if isinstance(cited, dict):  # the provision differs between the bases, e.g. FOL § 4, stk. 2 and stk. 3
        return cited.get(basis)
    return cited or (item.get("source") if jurisdiction == "DK" and "criterion" not in item else None)


def cites_municipal_rules(item: dict, jurisdiction: str) -> bool:
    """Whether the item applies the municipality's own rules (every Swedish item does)."""
    return bool(item.get("municipal_rules", jurisdiction == "SE"))


def rules_title(rules: dict) -> str | None:
    """The municipality's rules as a letter names them: name and adoption date."""
    if not rules.get("rules_name"):
        return None
    if not rules.get("rules_adopted_on"):
        return rules["rules_name"]
    return _("%(name)s, adopted on %(date)s", name=rules["rules_name"],
             date=format_date(date.fromisoformat(rules["rules_adopted_on"]), "long"))


def sources(item: dict, case: ScreeningCase, rules: dict) -> list[str]:
    """Everything a letter cites for one item: its statute, the municipality's rules and the section named."""
    jurisdiction = case.template.jurisdiction
    found = [statute] if (statute := statute_cited(item, jurisdiction, case.legal_basis)) else []
    if cites_municipal_rules(item, jurisdiction) and (title := rules_title(rules)):
        ground = criteria.ground_of(item)
        section = (rules.get("grounds") or {}).get(ground) if ground else None
        found.append(f"{title}, {section}" if section else title)
    return found


def applied_items(case: ScreeningCase, rules: dict) -> list[dict]:
    """The items whose rules the decision applies: an unconfirmed Swedish ground is no rule of the municipality."""
    return [item for item in case.items if criteria.ground_confirmed(item, rules.get("grounds") or {})]


def rules_suggestion(case: ScreeningCase, settings, letter_locale: str) -> str:
    """The rules the case's checklist applies, one per line, in the letter's language: a start for the reasons."""
    rules = rules_snapshot(settings)
    with force_locale(letter_locale):
        cited = [source for item in applied_items(case, rules) for source in sources(item, case, rules)]
    return "\n".join(dict.fromkeys(cited))


def letter_context(decision: Decision) -> dict:
    """What the letter template shows."""
    case = decision.case
    # A final letter cites what stood when it was decided (nothing, for decisions older than that record); only a
    # draft shows today's settings.
    rules = (decision.rules_cited or {}) if decision.status == "final" else rules_snapshot(
        settings_for(case.municipality_id))
    guidance = decision.complaint_guidance if decision.status == "final" else localized(
        settings_for(case.municipality_id).complaint_guidance or {}, decision.letter_locale)
    summary = []
    for item in applied_items(case, rules):
        answer = case.answer_for(item["key"])
        labels = EXCEPTION_ANSWERS if criteria.criterion_of(item) == criteria.SPECIAL_REASONS else ANSWERS
        summary.append({
            "text": localized(item["text"], decision.letter_locale),
            "sources": sources(item, case, rules),
            "group": GROUPS.label(item.get("group", "criteria")),
            "answer": labels.label(answer.answer) if answer and answer.answer else "–"})
    return {"decision": decision, "case": case, "association": case.association, "municipality": case.municipality,
            "summary": summary, "outcomes": OUTCOMES, "legal_bases": LEGAL_BASES, "rules": rules,
            "draft": decision.status != "final", "guidance": guidance,
            "appeal_heading": HEADINGS[case.municipality.country]}


def render_letter_html(decision: Decision, standalone: bool = False) -> str:
    """The letter's HTML in its own language (standalone: a full document for the PDF)."""
    with force_locale(decision.letter_locale):
        return render_template("screening/letter.html", standalone=standalone, **letter_context(decision))


def render_letter_pdf(decision: Decision) -> bytes:
    """The letter as PDF (WeasyPrint, embedded DejaVu fonts for æøå and åäö)."""
    from weasyprint import CSS, HTML

    html = render_letter_html(decision, standalone=True)
    stylesheet = CSS(filename=str(BASE_DIR / "registry" / "screening" / "static" / "letter.css"))
    return HTML(string=html, base_url=str(BASE_DIR)).write_pdf(stylesheets=[stylesheet])
