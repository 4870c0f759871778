"""The decision letter, as HTML and as PDF, in the association's language."""

from flask import render_template
from flask_babel import force_locale

from config import BASE_DIR
from registry.core.i18n import localized
from registry.qualification.choices import ANSWERS
from registry.screening.choices import EXCEPTION_ANSWERS, GROUPS, LEGAL_BASES, OUTCOMES
from registry.screening.models import Decision


def letter_context(decision: Decision) -> dict:
    """What the letter template shows."""
    case = decision.case
    summary = []
    for item in case.items:
        answer = case.answer_for(item["key"])
        labels = EXCEPTION_ANSWERS if item.get("answer_type") == "exception" else ANSWERS
        summary.append({
            "text": localized(item["text"], decision.letter_locale), "source": item.get("source"),
            "group": GROUPS.label(item.get("group", "criteria")),
            "answer": labels.label(answer.answer) if answer and answer.answer else "–"})
    return {"decision": decision, "case": case, "association": case.association, "municipality": case.municipality,
            "summary": summary, "outcomes": OUTCOMES, "legal_bases": LEGAL_BASES}


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
