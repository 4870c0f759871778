"""Decision letters as PDF, read back with pdftotext: the reasons, æøå and åäö, and the letter's language."""

from flask_babel import force_locale
from flask_babel import gettext as _

from registry.core.i18n import localized
from registry.qualification.choices import ANSWERS
from registry.screening.services.letters import render_letter_html, render_letter_pdf
from tests.screening.helpers import REASONS, decided_case, pdf_text, screenable

DANISH = "Foreningens formål og adfærd strider mod demokratiet … æøå ÆØÅ"
SWEDISH = "Föreningens företrädare har uppmanat till våld … åäö ÅÄÖ"


def _translated(locale: str, message: str) -> str | None:
    """The message in the locale's catalogue, or None where the catalogue lacks it."""
    with force_locale(locale):
        text = str(_(message))
    return text if text != message else None


def test_danish_letter_pdf_keeps_the_reasons_and_is_in_danish(app, factories, client_for, officer, colleague,
                                                               owner, tmp_path):
    """The downloaded Danish PDF has the reasons with æøå intact, and Danish wording."""
    association = screenable(factories, owner, name="Kulturforeningen Ærø")
    case, decision = decided_case(association, officer, "not_eligible", approver=colleague, considerations=DANISH)

    response = client_for(owner).get(f"/associations/{association.id}/decisions/{decision.id}.pdf")

    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert f"filename=decision-{case.number}.pdf" in response.headers["Content-Disposition"]
    text = pdf_text(response.data, tmp_path)
    assert DANISH in text
    assert REASONS["decision-rules_applied"] in text and "Kulturforeningen Ærø" in text
    assert decision.letter_locale == "da"
    assert '<html lang="da">' in render_letter_html(decision, standalone=True)
    item = next(item for item in case.items if item["key"] == "fol4_home_municipality")
    assert localized(item["text"], "da") in text  # the checklist's own Danish wording
    with force_locale("da"):
        met, not_met = str(ANSWERS.label("met")), str(ANSWERS.label("not_met"))
    assert met != "Met" and met in text and not_met in text
    heading = _translated("da", "Decision on eligibility for support")
    if heading is not None:  # once the da catalogue has the letter's own wording, the PDF must use it
        assert heading in text and "Decision on eligibility for support" not in text


def test_swedish_letter_pdf_keeps_the_reasons_and_is_in_swedish(app, factories, tmp_path):
    """A Swedish refusal renders åäö intact, in a Swedish letter."""
    handler = factories.staff(country="SE", code="1480", email="handlaggare@goteborg.example")
    approver = factories.staff(country="SE", code="1480", email="chef@goteborg.example")
    association = screenable(factories, country="SE", name="Föreningen Älvsborg")
    case, decision = decided_case(association, handler, "not_eligible", approver=approver, considerations=SWEDISH)

    text = pdf_text(render_letter_pdf(decision), tmp_path)

    assert decision.letter_locale == "sv"
    assert SWEDISH in text and "Föreningen Älvsborg" in text
    with force_locale("sv"):
        met = str(ANSWERS.label("met"))
    assert met != "Met" and met in text
    assert '<html lang="sv">' in render_letter_html(decision, standalone=True)


def test_staff_letter_pdf_matches_the_associations(app, factories, client_for, officer, colleague, owner, tmp_path):
    """Staff download the same letter the association reads: same reasons, same case number."""
    association = screenable(factories, owner)
    case, decision = decided_case(association, officer, "not_eligible", approver=colleague, considerations=DANISH)

    staff_pdf = client_for(officer).get(f"/staff/screening/decisions/{decision.id}/letter.pdf")

    assert staff_pdf.status_code == 200
    text = pdf_text(staff_pdf.data, tmp_path)
    assert DANISH in text and case.number in text and colleague.display_name in text
