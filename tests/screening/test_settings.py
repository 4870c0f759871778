"""The municipality's decision settings: rules, delegation, four eyes, validity, period and appeal information."""

from datetime import date

from registry.extensions import db
from registry.screening.models import MunicipalSettings
from tests.screening.helpers import (
    REASONS,
    assessed_case,
    decisions_of,
    field_error,
    flashes,
    follow,
    form_fields,
    screenable,
    text_of,
)

GUIDANCE_DA = "Afgørelsen kan ikke påklages til en anden myndighed; skriv til kommunen, hvis I har spørgsmål. Æ Ø Å."
REFUSAL = {"decision-grant_outcome": "not_eligible", **REASONS,
           "decision-hearing_not_needed_because": "The decision rests only on the association's own statutes."}


def _settings(client, **changes) -> dict:
    """The settings form as the page shows it, with ``changes`` typed in (None: the field left out)."""
    data = form_fields(client.get("/staff/screening/settings").get_data(as_text=True), None)
    data.pop("four_eyes", None)  # an unticked box is not sent; tests tick it with four_eyes="y"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_four_eyes_off_makes_a_refusal_final_at_once(app, factories, client_for, admin, officer, owner):
    """With four eyes off and six months' validity, a refusal is final at once and its letter has the guidance."""
    settings_page = client_for(admin)
    shown = form_fields(settings_page.get("/staff/screening/settings").get_data(as_text=True), None)
    assert (shown.get("four_eyes"), shown["validity_months"]) == ("y", "12")  # the defaults

    response = settings_page.post("/staff/screening/settings", data=_settings(
        settings_page, validity_months="6", complaint_guidance_da=GUIDANCE_DA,
        complaint_guidance_sv="Överklaga inom tre veckor.", complaint_guidance_en=""))
    assert "The settings have been saved." in flashes(follow(settings_page, response), "success")
    stored = db.session.get(MunicipalSettings, admin.municipality_id)
    db.session.refresh(stored)
    assert (stored.four_eyes, stored.validity_months) == (False, 6)
    assert stored.complaint_guidance == {"da": GUIDANCE_DA, "sv": "Överklaga inom tre veckor.", "en": ""}

    association = screenable(factories, owner)
    staff = client_for(officer)
    case = assessed_case(staff, association, democracy_conduct={"answer": "not_met"})
    response = staff.post(f"/staff/screening/{case.id}/decision", data=REFUSAL)
    assert "The decision is made and the association has been notified." in flashes(follow(staff, response), "success")
    (decision,) = decisions_of(case)
    assert (decision.status, decision.approved_by_id, case.status) == ("final", None, "decided")
    assert 181 <= (decision.valid_until - date.today()).days <= 184
    assert decision.complaint_guidance == GUIDANCE_DA

    letter = text_of(client_for(owner).get(f"/associations/{association.id}/decisions/{decision.id}")
                     .get_data(as_text=True))
    assert GUIDANCE_DA in letter and "Överklaga" not in letter


def test_guidance_changed_later_leaves_sent_letters_alone(app, factories, client_for, admin, officer, colleague):
    """A letter keeps the complaint guidance it was sent with; the next letter has the new one."""
    settings_page = client_for(admin)
    settings_page.post("/staff/screening/settings", data=_settings(settings_page, four_eyes="y",
                                                                   complaint_guidance_da="Gammel."))
    first = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, first)
    staff.post(f"/staff/screening/{case.id}/decision", data={"decision-grant_outcome": "eligible"})
    (old,) = decisions_of(case)

    settings_page.post("/staff/screening/settings", data=_settings(settings_page, four_eyes="y",
                                                                   complaint_guidance_da=GUIDANCE_DA))
    second = screenable(factories)
    case = assessed_case(staff, second, democracy_conduct={"answer": "not_met"})
    staff.post(f"/staff/screening/{case.id}/decision", data=REFUSAL)
    (new,) = decisions_of(case)
    assert new.status == "proposed"  # four eyes still on
    client_for(colleague).post(f"/staff/screening/decisions/{new.id}/approve")

    old_letter = text_of(staff.get(f"/staff/screening/decisions/{old.id}/letter").get_data(as_text=True))
    new_letter = text_of(staff.get(f"/staff/screening/decisions/{new.id}/letter").get_data(as_text=True))
    assert "Gammel." in old_letter and GUIDANCE_DA not in old_letter
    assert GUIDANCE_DA in new_letter


def _stored(municipality_id) -> dict:
    settings = db.session.get(MunicipalSettings, municipality_id)
    db.session.refresh(settings)
    return {name: getattr(settings, name) for name in ("four_eyes", "validity_months", "period_start_month",
                                                        "rules_name", "rules_adopted_on", "delegation",
                                                        "complaint_guidance", "democracy_grounds")}


def test_settings_are_validated_and_every_error_shows_at_once(app, client_for, admin):
    """Validity 1–60 months, a real date and month: nothing is saved otherwise, and the typed text stays."""
    before = _stored(admin.municipality_id)
    client = client_for(admin)
    response = client.post("/staff/screening/settings", data=_settings(
        client, validity_months="0", rules_adopted_on="31-02-2025", period_start_month="13",
        delegation="Ny delegation"))

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for field in ("validity_months", "rules_adopted_on", "period_start_month"):
        assert field_error(page, field) is not None, field
    assert 'value="Ny delegation"' in page
    assert _stored(admin.municipality_id) == before


def test_an_administrator_fills_in_the_rules_the_delegation_and_the_application_period(app, client_for, admin):
    """The fields letters cite are kept as typed; a Danish municipality is not asked for Swedish grounds."""
    client = client_for(admin)
    page = client.get("/staff/screening/settings").get_data(as_text=True)
    assert "ground_violence" not in page
    client.post("/staff/screening/settings", data=_settings(
        client, rules_name="Retningslinjer for tilskud til folkeoplysning", rules_adopted_on="2025-03-20",
        delegation="Kultur- og Fritidsudvalgets delegationsplan, pkt. 2", period_start_month="8"))
    stored = _stored(admin.municipality_id)
    assert (stored["rules_name"], stored["rules_adopted_on"], stored["delegation"], stored["period_start_month"]) == (
        "Retningslinjer for tilskud til folkeoplysning", date(2025, 3, 20),
        "Kultur- og Fritidsudvalgets delegationsplan, pkt. 2", 8)


def test_a_swedish_administrator_names_the_grounds_the_rules_contain(app, factories, client_for):
    """Only a ground with a section named bars eligibility; an emptied one no longer does."""
    admin = factories.staff(country="SE", code="1480", role="administrator", email="admin@goteborg.example",
                            locale="en")
    client = client_for(admin)
    client.post("/staff/screening/settings", data=_settings(client, ground_violence="3.1 Våld och hot",
                                                            ground_promoting=""))
    grounds = _stored(admin.municipality_id)["democracy_grounds"]
    assert grounds["violence"] == "3.1 Våld och hot" and grounds["promoting"] == ""


def test_a_new_municipality_starts_with_its_countrys_appeal_information(app, factories, client_for):
    """Correct appeal information is there from the start, in da, sv and en, for the municipality's country."""
    from registry.screening.appeals import DEFAULTS

    danish = factories.staff(code="461", role="administrator", email="admin@odense.example", locale="en")
    swedish = factories.staff(country="SE", code="0180", role="administrator", email="admin@sthlm.example",
                              locale="en")
    for admin, country in ((danish, "DK"), (swedish, "SE")):
        shown = form_fields(client_for(admin).get("/staff/screening/settings").get_data(as_text=True), None)
        assert {language: shown[f"complaint_guidance_{language}"] for language in ("da", "sv", "en")} == {
            language: text.replace("\r\n", "\n") for language, text in DEFAULTS[country].items()}


def test_officer_cannot_change_settings(app, client_for, officer, admin):
    """Settings are for administrators: an officer gets 403 and nothing changes."""
    before = _stored(officer.municipality_id)
    staff = client_for(officer)

    assert staff.get("/staff/screening/settings").status_code == 403
    assert staff.post("/staff/screening/settings", data=_settings(client_for(admin), validity_months="3")
                      ).status_code == 403
    assert _stored(officer.municipality_id) == before
