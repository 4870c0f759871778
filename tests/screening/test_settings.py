"""The municipality's decision settings: four eyes, validity and complaint guidance in the letters."""

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

GUIDANCE_DA = "Afgørelsen kan påklages til Ankestyrelsen inden fire uger – skriv til kommunen først. Æ Ø Å."
REFUSAL = {"decision-grant_outcome": "not_eligible", **REASONS,
           "decision-hearing_not_needed_because": "The decision rests only on the association's own statutes."}


def _settings(**changes) -> dict:
    data = {"validity_months": "12", "complaint_guidance_da": "", "complaint_guidance_sv": "",
            "complaint_guidance_en": ""}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_four_eyes_off_makes_a_refusal_final_at_once(app, factories, client_for, admin, officer, owner):
    """With four eyes off and six months' validity, a refusal is final at once and its letter has the guidance."""
    settings_page = client_for(admin)
    shown = form_fields(settings_page.get("/staff/screening/settings").get_data(as_text=True), None)
    assert (shown.get("four_eyes"), shown["validity_months"]) == ("y", "12")  # the defaults

    response = settings_page.post("/staff/screening/settings", data=_settings(
        validity_months="6", complaint_guidance_da=GUIDANCE_DA, complaint_guidance_sv="Överklaga inom tre veckor."))
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
    settings_page.post("/staff/screening/settings", data=_settings(four_eyes="y", complaint_guidance_da="Gammel."))
    first = screenable(factories)
    staff = client_for(officer)
    case = assessed_case(staff, first)
    staff.post(f"/staff/screening/{case.id}/decision", data={"decision-grant_outcome": "eligible"})
    (old,) = decisions_of(case)

    settings_page.post("/staff/screening/settings", data=_settings(four_eyes="y", complaint_guidance_da=GUIDANCE_DA))
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


def test_settings_are_validated(app, client_for, admin):
    """Validity must be 1–60 months; nothing is saved otherwise."""
    response = client_for(admin).post("/staff/screening/settings", data=_settings(validity_months="0"))

    assert response.status_code == 200
    assert field_error(response.get_data(as_text=True), "validity_months") is not None
    assert db.session.get(MunicipalSettings, admin.municipality_id) is None


def test_officer_cannot_change_settings(app, client_for, officer):
    """Settings are for administrators: an officer gets 403 and four eyes stay on."""
    staff = client_for(officer)

    assert staff.get("/staff/screening/settings").status_code == 403
    assert staff.post("/staff/screening/settings", data=_settings()).status_code == 403
    assert db.session.get(MunicipalSettings, officer.municipality_id) is None
