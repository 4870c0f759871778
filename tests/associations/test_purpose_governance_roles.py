"""Steps 2–4 of the wizard: purpose, governance (board rows without JavaScript) and roles."""

from datetime import date, timedelta

import pytest

from tests.associations.helpers import Page, board_fields, governance_data, purpose_data, roles_data


@pytest.fixture
def association(factories, owner):
    """A filled-in Danish association of the owner (board: Anna Berg, chair; 40 members)."""
    return factories.association(owner=owner)


def _url(association, step: str) -> str:
    return f"/associations/{association.id}/step/{step}"


def _board(association) -> list[tuple]:
    return [(m.name, m.role, m.elected_on) for m in association.board_members]


# -- purpose ---------------------------------------------------------------------------------------


def test_purpose_and_activities_are_required(association, owner_client):
    """Empty purpose and activities are errors; the other typed values stay on the form."""
    response = owner_client.post(_url(association, "purpose"), data=purpose_data(
        purpose="", activities=" ", target_groups=["seniors"], target_groups_other="Pårørende",
        local_areas="Hasle", languages=["so"]))

    assert response.status_code == 200
    page = Page(response)
    assert page.error_for("purpose")
    assert page.error_for("activities")
    assert page.checked("target_groups") == ["seniors"]
    assert page.value("target_groups_other") == "Pårørende"
    assert page.value("local_areas") == "Hasle"
    assert page.checked("languages") == ["so"]
    assert association.purpose == "Fællesskab gennem idræt"
    assert association.selected("target_group") == ["children"]


def test_target_groups_and_languages_are_saved(association, owner_client):
    """Ticked target groups become selections and ticked languages are stored as codes."""
    response = owner_client.post(_url(association, "purpose"), data=purpose_data(
        target_groups=["youth", "women"], languages=["ar", "da", "so"]))

    assert response.status_code == 303
    assert response.headers["Location"].endswith(_url(association, "governance"))
    assert sorted(association.selected("target_group")) == ["women", "youth"]
    assert sorted(association.language_codes) == ["ar", "da", "so"]
    assert association.activities == "Fodbold for piger tirsdag og torsdag."
    assert association.local_area_list == ["Gellerup", "Toveshøj"]
    page = Page(owner_client.get(_url(association, "purpose")))
    assert sorted(page.checked("target_groups")) == ["women", "youth"]
    assert sorted(page.checked("languages")) == ["ar", "da", "so"]


def test_a_target_group_in_own_words_is_enough(association, owner_client):
    """With no ticked target group, a description in own words is accepted."""
    response = owner_client.post(_url(association, "purpose"), data=purpose_data(
        target_groups=[], target_groups_other="Nytilflyttede familier"))

    assert response.status_code == 303
    assert association.selected("target_group") == []
    assert association.target_groups_other == "Nytilflyttede familier"


def test_no_target_group_at_all_is_refused(association, owner_client):
    """Neither a ticked target group nor one in own words is an error."""
    response = owner_client.post(_url(association, "purpose"), data=purpose_data(
        target_groups=[], target_groups_other=""))

    assert response.status_code == 200
    assert "at least one target group" in Page(response).error_for("target_groups")


@pytest.mark.parametrize("field", ["target_groups", "languages"])
def test_tampered_choice_key_is_an_error_not_a_crash(association, owner_client, field):
    """A key that the form does not offer is reported on the form (200), not a 500, and not saved."""
    tampered = {"target_groups": ["children", "robots"], "languages": ["da", "klingon"]}[field]
    response = owner_client.post(_url(association, "purpose"), data=purpose_data(**{field: tampered}))

    assert response.status_code == 200
    assert "Choose from the list" in Page(response).error_for(field)
    assert association.selected("target_group") == ["children"]
    assert association.language_codes == ["da"]


# -- governance ------------------------------------------------------------------------------------


def test_add_row_shows_one_more_row_and_saves_nothing(association, owner_client):
    """Pressing "add a board member" returns the form with an extra empty row; nothing is saved."""
    before = _board(association)
    data = governance_data(rows=[("Karin Holm", "chair", "2025-03-15"), ("Omar Said", "treasurer", "")],
                           add_row="1")
    response = owner_client.post(_url(association, "governance"), data=data)

    assert response.status_code == 200
    page = Page(response)
    assert page.names("board_members-") == [
        f"board_members-{i}-{part}" for i in range(3) for part in ("name", "role", "elected_on")]
    assert page.value("board_members-0-name") == "Karin Holm"
    assert page.value("board_members-1-name") == "Omar Said"
    assert page.value("board_members-2-name") == ""
    assert page.value("member_count") == "120"
    assert _board(association) == before
    assert association.member_count == 40


def test_remove_row_drops_that_row_and_keeps_the_others(association, owner_client):
    """Pressing "remove" on a row drops it; the other rows keep their typed values; nothing is saved."""
    before = _board(association)
    data = governance_data(rows=[("Karin Holm", "chair", "2025-03-15"),
                                 ("Omar Said", "treasurer", "2024-03-10"),
                                 ("Lis Dahl", "secretary", "2023-04-01")], remove_row="1")
    response = owner_client.post(_url(association, "governance"), data=data)

    assert response.status_code == 200
    page = Page(response)
    assert page.names("board_members-") == [
        f"board_members-{i}-{part}" for i in range(2) for part in ("name", "role", "elected_on")]
    assert [page.value(f"board_members-{i}-name") for i in range(2)] == ["Karin Holm", "Lis Dahl"]
    assert [page.value(f"board_members-{i}-role") for i in range(2)] == ["chair", "secretary"]
    assert [page.value(f"board_members-{i}-elected_on") for i in range(2)] == ["2025-03-15", "2023-04-01"]
    assert "Omar Said" not in page.text
    assert _board(association) == before


def test_remove_first_row(association, owner_client):
    """remove_row=0 removes the first row and renumbers the rest from 0."""
    data = governance_data(rows=[("Karin Holm", "chair", "2025-03-15"),
                                 ("Omar Said", "treasurer", "2024-03-10")], remove_row="0")
    page = Page(owner_client.post(_url(association, "governance"), data=data))

    assert page.value("board_members-0-name") == "Omar Said"
    assert page.value("board_members-0-role") == "treasurer"
    assert page.value("board_members-1-name") is None


def _assert_refused(response, association, field_id: str, fragment: str) -> None:
    assert response.status_code == 200
    message = Page(response).error_for(field_id)
    assert message is not None and fragment in message, message
    assert _board(association) == [("Anna Berg", "chair", date(2026, 3, 1))]
    assert (association.member_count, association.paying_member_count, association.founded_year) == (40, 30, 2001)


def test_no_named_board_member_is_refused(association, owner_client):
    """A board without any named member is an error shown on the first row."""
    data = governance_data(rows=[("", "chair", ""), ("", "member", "")])
    response = owner_client.post(_url(association, "governance"), data=data)

    _assert_refused(response, association, "board_members-0-name", "at least one board member")


def test_row_with_date_but_no_name_is_refused(association, owner_client):
    """A row with an election date but without a name is an error on that row."""
    data = governance_data(rows=[("Karin Holm", "chair", "2025-03-15"), ("", "member", "2025-03-15")])
    response = owner_client.post(_url(association, "governance"), data=data)

    _assert_refused(response, association, "board_members-1-name", "name of the board member")


@pytest.mark.parametrize(("overrides", "field_id", "fragment"), [
    ({"member_count": "10", "paying_member_count": "11"}, "paying_member_count", "more paying members"),
    ({"founded_year": "1700"}, "founded_year", "between 1800"),
    ({"founded_year": str(date.today().year + 1)}, "founded_year", "between 1800"),
    ({"member_count": "abc"}, "member_count", "integer"),
    ({"volunteer_count": "-3"}, "volunteer_count", "0 or more"),
    ({"assembly_elects_board": None}, "assembly_elects_board", "Answer yes or no"),
    ({"open_to_all": None}, "open_to_all", "Answer yes or no"),
    ({"non_commercial": None}, "non_commercial", "Answer yes or no"),
], ids=["paying>members", "founded-1700", "founded-next-year", "members-abc", "negative-volunteers",
        "no-assembly-answer", "no-open-answer", "no-commercial-answer"])
def test_invalid_governance_values_are_refused(association, owner_client, overrides, field_id, fragment):
    """Each invalid fact is reported next to its field (200, never 500) and nothing is saved."""
    response = owner_client.post(_url(association, "governance"), data=governance_data(**overrides))

    _assert_refused(response, association, field_id, fragment)


def test_future_election_date_is_refused(association, owner_client):
    """A board member elected on a date in the future is an error on that row."""
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    data = governance_data(rows=[("Karin Holm", "chair", "2025-03-15"), ("Omar Said", "treasurer", tomorrow)])
    response = owner_client.post(_url(association, "governance"), data=data)

    _assert_refused(response, association, "board_members-1-elected_on", "cannot be in the future")


def test_valid_governance_replaces_the_board(association, owner_client):
    """A valid post replaces the board list and stores the counts and yes/no answers."""
    data = governance_data(rows=[("Karin Holm", "chair", "2025-03-15"), ("", "member", ""),
                                 ("Omar Said", "treasurer", "")])
    response = owner_client.post(_url(association, "governance"), data=data)

    assert response.status_code == 303
    assert response.headers["Location"].endswith(_url(association, "roles"))
    assert _board(association) == [("Karin Holm", "chair", date(2025, 3, 15)), ("Omar Said", "treasurer", None)]
    assert (association.member_count, association.paying_member_count, association.volunteer_count,
            association.founded_year) == (120, 95, 14, 1987)
    assert (association.assembly_elects_board, association.open_to_all, association.non_commercial) == (
        True, True, False)
    page = Page(owner_client.get(_url(association, "governance")))
    assert [page.value(f"board_members-{i}-name") for i in range(2)] == ["Karin Holm", "Omar Said"]
    assert page.checked("non_commercial") == ["no"]


def test_board_rows_may_be_posted_out_of_order(association, owner_client):
    """Rows are read by their index, so a browser sending them in another order changes nothing."""
    data = {**board_fields([("Karin Holm", "chair", "2025-03-15"), ("Omar Said", "treasurer", "")]),
            **{k: v for k, v in governance_data().items() if not k.startswith("board_members-")}}
    reordered = dict(sorted(data.items(), reverse=True))
    assert owner_client.post(_url(association, "governance"), data=reordered).status_code == 303
    assert [m.name for m in association.board_members] == ["Karin Holm", "Omar Said"]


# -- roles -----------------------------------------------------------------------------------------


def test_roles_motivations_and_forms_are_required(association, owner_client):
    """Posting no role, no motivation and no form of collaboration gives three errors."""
    response = owner_client.post(_url(association, "roles"), data=roles_data(
        roles=[], motivations=[], collaboration_forms=[]))

    assert response.status_code == 200
    page = Page(response)
    assert "at least one role" in page.error_for("roles")
    assert "at least one motivation" in page.error_for("motivations")
    assert "at least one form of collaboration" in page.error_for("collaboration_forms")
    assert association.selected("role") == ["activities"]


def test_other_role_needs_a_description(association, owner_client):
    """Ticking "other role" without describing it is an error; the ticks are kept."""
    response = owner_client.post(_url(association, "roles"), data=roles_data(
        roles=["voice", "other"], roles_description=""))

    assert response.status_code == 200
    page = Page(response)
    assert "Describe the other role" in page.error_for("roles_description")
    assert sorted(page.checked("roles")) == ["other", "voice"]
    assert association.selected("role") == ["activities"]


def test_other_motivation_needs_a_description(association, owner_client):
    """Ticking "other motivation" without describing it is an error."""
    response = owner_client.post(_url(association, "roles"), data=roles_data(
        motivations=["other"], motivations_other=""))

    assert response.status_code == 200
    assert "Describe the other motivation" in Page(response).error_for("motivations_other")


def test_valid_roles_are_saved(association, owner_client):
    """A valid post stores the chosen roles, motivations and forms as selections, with the texts."""
    response = owner_client.post(_url(association, "roles"), data=roles_data(
        roles=["contact", "other"], roles_description="Vi driver en lektiecafé.",
        motivations=["funding", "reach"], collaboration_forms=["iop", "roundtable"]))

    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/associations/{association.id}/documents")
    assert sorted(association.selected("role")) == ["contact", "other"]
    assert sorted(association.selected("motivation")) == ["funding", "reach"]
    assert sorted(association.selected("collaboration")) == ["iop", "roundtable"]
    assert association.roles_description == "Vi driver en lektiecafé."
    assert association.collaboration_note == "Gerne om aftenen."
