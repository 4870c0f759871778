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


#: The shipped versions of the qualification checklist, and the newest, which new cases use.
SHIPPED = sorted(data["version"] for data in shipped_templates() if data["key"] == "qualification")
NEWEST = str(SHIPPED[-1])


def _templates(key: str = "qualification") -> int:
    return db.session.scalar(select(func.count()).select_from(ChecklistTemplate).where(ChecklistTemplate.key == key))


def test_shipped_template_loads_once(app):
    """Loading twice stores each shipped version the first time and nothing the second."""
    files = shipped_templates()
    assert [(data["key"], data["version"]) for data in files].count(("qualification", 1)) == 1
    assert load_templates() == len(files)
    assert load_templates() == 0
    assert _templates() == len(SHIPPED)
    assert db.session.scalar(select(func.count()).select_from(ChecklistTemplate)) == len(files)
    shipped = db.session.scalars(select(ChecklistTemplate).where(
        ChecklistTemplate.key == "qualification", ChecklistTemplate.municipality_id.is_(None))
        .order_by(ChecklistTemplate.version.desc())).first()
    assert (shipped.key, shipped.label, shipped.municipality_id) == ("qualification", NEWEST, None)
    assert len(shipped.items) == 12
    assert {item["key"] for item in shipped.items if item["blocking"]} == {
        "democracy", "conflicts_of_interest", "safeguarding"}


def test_checklists_load_command_is_idempotent(app):
    """`flask checklists load` reports the shipped templates added, then none."""
    runner = app.test_cli_runner()
    first = runner.invoke(args=["checklists", "load"])
    assert first.exit_code == 0 and f"{len(shipped_templates())} added" in first.output
    assert _templates() == len(SHIPPED)
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


def test_administrator_adds_local_item_as_a_local_revision(people):
    """An administrator's local item makes version <newest>.1 for the municipality, shown on the checklist page."""
    response = people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM)
    assert response.status_code == 303 and response.location == "/staff/checklists/"
    template = current_template("qualification", people["aarhus"].id)
    assert template.label == f"{NEWEST}.1"
    assert template.items[-1]["local"] is True and template.items[-1]["blocking"] is True
    assert [item["key"] for item in template.items[:-1]] == [
        item["key"] for item in current_template("qualification", people["copenhagen"].id).items]
    page = people["admin"].get("/staff/checklists/").text
    assert f"{NEWEST}.1" in page and LOCAL_ITEM["text_en"] in page
    assert f"New cases use version {NEWEST}.1" in page  # the flash message


def test_second_local_item_makes_the_second_local_revision(people):
    """Each further local item is a new revision on top of the same shipped version."""
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    second = dict(LOCAL_ITEM, text_da="Har foreningen en mødeplan?", text_sv="Har föreningen en mötesplan?",
                  text_en="Does the association have a meeting plan?")
    assert people["admin"].post("/staff/checklists/items", data=second).status_code == 303
    template = current_template("qualification", people["aarhus"].id)
    assert template.label == f"{NEWEST}.2" and len(template.items) == 14


def test_same_local_item_twice_is_refused(people):
    """Adding an item with the same wording again is an error on the form, not a new version."""
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    response = people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM)
    assert response.status_code == 200
    assert "An item with this wording already exists." in response.text
    assert current_template("qualification", people["aarhus"].id).label == f"{NEWEST}.1"


def test_local_item_must_be_written_in_each_language(people):
    """Three identical texts are taken as a mistake and refused."""
    same = dict(LOCAL_ITEM, text_da="Same text", text_sv="Same text", text_en="Same text")
    response = people["admin"].post("/staff/checklists/items", data=same)
    assert response.status_code == 200 and "Write the item in each language." in response.text
    assert _templates() == len(SHIPPED)


def test_case_keeps_the_version_it_was_opened_with(people):
    """A case opened before the local item keeps the shipped version; one opened after uses the local one."""
    before = _open(people["officer"], people["first"])
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    after = _open(people["officer"], people["second"])

    assert before.template.label == NEWEST and after.template.label == f"{NEWEST}.1"
    local_key = after.template.items[-1]["key"]
    assert local_key.startswith("local_")
    assert local_key not in [item["key"] for item in before.template.items]

    before_page = people["officer"].get(f"/staff/qualification/{before.id}").text
    after_page = people["officer"].get(f"/staff/qualification/{after.id}").text
    assert LOCAL_ITEM["text_en"] not in before_page and f"version {NEWEST}</dd>" in before_page
    assert LOCAL_ITEM["text_en"] in after_page and f"version {NEWEST}.1" in after_page
    assert "answers-12-item_key" in after_page and "answers-12-item_key" not in before_page


def test_officer_cannot_add_items(people):
    """An officer's attempt to add a local item is refused with 403 and changes nothing."""
    response = people["officer"].post("/staff/checklists/items", data=LOCAL_ITEM)
    assert response.status_code == 403
    assert _templates() == len(SHIPPED)
    assert "Add a local item" not in people["officer"].get("/staff/checklists/").text
    assert "Add a local item" in people["admin"].get("/staff/checklists/").text


def test_other_municipality_keeps_the_shipped_version(people):
    """Aarhus's local item does not reach København: its page and its new cases use the shipped version."""
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    assert current_template("qualification", people["copenhagen"].id).label == NEWEST
    page = people["kk_officer"].get("/staff/checklists/").text
    assert LOCAL_ITEM["text_en"] not in page
    case = _open(people["kk_officer"], people["kk_association"])
    assert case.template.label == NEWEST and case.template.municipality_id is None


def test_a_new_shipped_version_carries_each_local_version_onto_it(people, monkeypatch):
    """Local items are kept on top of a newly shipped version; cases keep the version they were opened with."""
    assert people["admin"].post("/staff/checklists/items", data=LOCAL_ITEM).status_code == 303
    before = _open(people["officer"], people["first"])
    newest = max((data for data in shipped_templates() if data["key"] == "qualification"),
                 key=lambda data: data["version"])
    future = dict(newest, version=newest["version"] + 1,
                  items=[dict(item, text=dict(item["text"], en=item["text"]["en"] + " (revised)"))
                         for item in newest["items"]])
    monkeypatch.setattr("registry.checklists.services.shipped_templates",
                        lambda: [*shipped_templates(), future])
    assert load_templates() == 1
    carried = current_template("qualification", people["aarhus"].id)
    assert carried.label == f"{future['version']}.2"
    assert carried.items[:-1] == future["items"]
    assert carried.items[-1]["text"]["en"] == LOCAL_ITEM["text_en"]
    assert current_template("qualification", people["copenhagen"].id).label == str(future["version"])
    assert load_templates() == 0  # carried once
    db.session.refresh(before)
    assert before.template.label == f"{NEWEST}.1"


def test_a_local_eligibility_item_is_the_municipalitys_own_criterion(factories, checklists):
    """A blocking local item on the eligibility checklist is binding and cited in letters as the municipality's rule."""
    from registry.checklists.services import add_local_item
    from registry.screening.criteria import BINDING, DISCRETIONARY, criterion_of, item_problems

    admin = factories.staff(role="administrator", code="751", locale="en")
    texts = {"da": "Har foreningen mindst 10 medlemmer?", "sv": "Har föreningen minst 10 medlemmar?",
             "en": "Does the association have at least 10 members?"}
    template = add_local_item(admin, "eligibility_dk_fol", texts, texts, True, "Aarhus Kommunes tilskudsregler § 3")
    item = template.items[-1]
    assert criterion_of(item) == BINDING and item["letter_source"] == "Aarhus Kommunes tilskudsregler § 3"
    assert item_problems(item) == []
    texts = {"da": "Fører bestyrelsen referat?", "sv": "För styrelsen protokoll?",
             "en": "Does the board keep minutes?"}
    item = add_local_item(admin, "eligibility_dk_fol", texts, texts, False, "").items[-1]
    assert criterion_of(item) == DISCRETIONARY and item_problems(item) == []
