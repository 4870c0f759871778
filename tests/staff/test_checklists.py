"""Checklist templates: the shipped version loads once, local items make new municipal versions."""

import pytest
from sqlalchemy import func, select

from registry.checklists.models import ChecklistTemplate
from registry.checklists.services import current_template, load_templates, shipped_templates
from registry.extensions import db
from registry.qualification.models import QualificationCase

LOCAL_ITEM = {
    "text_da": "Har foreningen en skriftlig frivilligpolitik?",
    "text_sv": "Har föreningen en skriftlig volontärpolicy?",
    "text_en": "Does the association have a written volunteering policy?",
    "guidance_da": "Spørg efter politikken.", "guidance_sv": "Fråga efter policyn.", "guidance_en": "Ask for it.",
    "source": "Aarhus Kommunes frivilligstrategi 2025", "blocking": "y",
}


def _templates(key: str = "qualification") -> int:
    return db.session.scalar(select(func.count()).select_from(ChecklistTemplate).where(ChecklistTemplate.key == key))


def test_shipped_template_loads_once(app):
    """Loading twice stores each shipped version the first time and nothing the second."""
    files = shipped_templates()
    assert [(data["key"], data["version"]) for data in files].count(("qualification", 1)) == 1
    assert load_templates() == len(files)
    assert load_templates() == 0
    assert _templates() == 1
    assert db.session.scalar(select(func.count()).select_from(ChecklistTemplate)) == len(files)
    shipped = db.session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.key == "qualification")).one()
    assert (shipped.key, shipped.label, shipped.municipality_id) == ("qualification", "1", None)
    assert len(shipped.items) == 12
    assert {item["key"] for item in shipped.items if item["blocking"]} == {
        "democracy", "conflicts_of_interest", "safeguarding"}


def test_checklists_load_command_is_idempotent(app):
    """`flask checklists load` reports the shipped templates added, then none."""
    runner = app.test_cli_runner()
    first = runner.invoke(args=["checklists", "load"])
    assert first.exit_code == 0 and f"{len(shipped_templates())} added" in first.output
    assert _templates() == 1
    second = runner.invoke(args=["checklists", "load"])
    assert second.exit_code == 0 and "0 added" in second.output


@pytest.fixture
def people(factories, client_for, checklists):
    """An Aarhus administrator and officer, a København officer, and an association in each municipality."""
    return {
        "admin": client_for(factories.staff(role="administrator", code="751", locale="en")),
        "officer": client_for(factories.staff(code="751", locale="en")),
        "kk_officer": client_for(factories.staff(code="101", locale="en")),
        "aarhus": factories.municipality("DK", "751"),
        "copenhagen": factories.municipality("DK", "101"),
        "first": factories.submitted_association(name="Første Forening"),
        "second": factories.submitted_association(name="Anden Forening"),
        "kk_association": factories.submitted_association(name="Københavnerne", home="101"),
    }


def _open(client, association) -> QualificationCase:
    response = client.post(f"/staff/qualification/associations/{association.id}/open")
    assert response.status_code == 303
    return db.session.get(QualificationCase, int(response.location.rsplit("/", 1)[1]))


def test_administrator_adds_local_item_as_version_1_1(people):
    """An administrator's local item makes version 1.1 for the municipality, shown on the checklist page."""
    response = people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM)
    assert response.status_code == 303 and response.location == "/staff/checklists/"
    template = current_template("qualification", people["aarhus"].id)
    assert template.label == "1.1"
    assert template.items[-1]["local"] is True and template.items[-1]["blocking"] is True
    assert [item["key"] for item in template.items[:-1]] == [
        item["key"] for item in current_template("qualification", people["copenhagen"].id).items]
    page = people["admin"].get("/staff/checklists/").text
    assert "1.1" in page and LOCAL_ITEM["text_en"] in page
    assert "New cases use version 1.1" in page  # the flash message


def test_second_local_item_makes_version_1_2(people):
    """Each further local item is a new revision on top of the same shipped version."""
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    second = dict(LOCAL_ITEM, text_da="Har foreningen en mødeplan?", text_sv="Har föreningen en mötesplan?",
                  text_en="Does the association have a meeting plan?")
    assert people["admin"].post("/staff/checklists/items", data=second).status_code == 303
    template = current_template("qualification", people["aarhus"].id)
    assert template.label == "1.2" and len(template.items) == 14


def test_same_local_item_twice_is_refused(people):
    """Adding an item with the same wording again is an error on the form, not a new version."""
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    response = people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM)
    assert response.status_code == 200
    assert "An item with this wording already exists." in response.text
    assert current_template("qualification", people["aarhus"].id).label == "1.1"


def test_local_item_must_be_written_in_each_language(people):
    """Three identical texts are taken as a mistake and refused."""
    same = dict(LOCAL_ITEM, text_da="Same text", text_sv="Same text", text_en="Same text")
    response = people["admin"].post("/staff/checklists/items", data=same)
    assert response.status_code == 200 and "Write the item in each language." in response.text
    assert _templates() == 1


def test_case_keeps_the_version_it_was_opened_with(people):
    """A case opened before the local item keeps version 1; a case opened after uses 1.1 with the item."""
    before = _open(people["officer"], people["first"])
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    after = _open(people["officer"], people["second"])

    assert before.template.label == "1" and after.template.label == "1.1"
    local_key = after.template.items[-1]["key"]
    assert local_key.startswith("local_")
    assert local_key not in [item["key"] for item in before.template.items]

    before_page = people["officer"].get(f"/staff/qualification/{before.id}").text
    after_page = people["officer"].get(f"/staff/qualification/{after.id}").text
    assert LOCAL_ITEM["text_en"] not in before_page and "version 1</dd>" in before_page
    assert LOCAL_ITEM["text_en"] in after_page and "version 1.1" in after_page
    assert "answers-12-item_key" in after_page and "answers-12-item_key" not in before_page


def test_officer_cannot_add_items(people):
    """An officer's attempt to add a local item is refused with 403 and changes nothing."""
    response = people["officer"].post("/staff/checklists/items", data=LOCAL_ITEM)
    assert response.status_code == 403
    assert _templates() == 1
    assert "Add a local item" not in people["officer"].get("/staff/checklists/").text
    assert "Add a local item" in people["admin"].get("/staff/checklists/").text


def test_other_municipality_keeps_the_shipped_version(people):
    """Aarhus's local item does not reach København: its page and its new cases use version 1."""
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    assert current_template("qualification", people["copenhagen"].id).label == "1"
    page = people["kk_officer"].get("/staff/checklists/").text
    assert LOCAL_ITEM["text_en"] not in page
    case = _open(people["kk_officer"], people["kk_association"])
    assert case.template.label == "1" and case.template.municipality_id is None
