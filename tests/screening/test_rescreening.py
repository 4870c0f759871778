"""Re-screening: board changes, new statutes and concerns mark a decided association; a new decision clears them."""

import io

from sqlalchemy import select

from registry.extensions import db
from registry.screening.models import RescreeningFlag, ScreeningCase
from tests.factories import PDF
from tests.screening.helpers import count, decided_case, flashes, follow, screenable, text_of


def _flags(**where) -> list[RescreeningFlag]:
    db.session.expire_all()
    statement = select(RescreeningFlag).order_by(RescreeningFlag.id)
    for column, value in where.items():
        statement = statement.where(getattr(RescreeningFlag, column) == value)
    return list(db.session.scalars(statement))


def _governance(board: list[tuple[str, str]]) -> dict:
    data = {"member_count": "40", "paying_member_count": "30", "volunteer_count": "8", "founded_year": "2001",
            "assembly_elects_board": "yes", "open_to_all": "yes", "non_commercial": "yes", "action": "save"}
    for index, (name, role) in enumerate(board):
        data.update({f"board_members-{index}-name": name, f"board_members-{index}-role": role,
                     f"board_members-{index}-elected_on": "2026-03-01"})
    return data


def test_events_after_a_decision_mark_the_association_and_a_new_decision_clears_them(
        app, factories, client_for, officer, owner):
    """Board change, new statutes and a concern flag the deciding municipality; the next decision resolves all."""
    association = screenable(factories, owner, name="Boldklubben Nord", active=("101",))
    aarhus = officer.municipality_id
    first_case, _decision = decided_case(association, officer)
    representative = client_for(owner)
    staff = client_for(officer)

    response = representative.post(f"/associations/{association.id}/step/governance",
                                   data=_governance([("Anna Berg", "chair"), ("Ole Ny", "treasurer")]))
    assert response.status_code == 303
    (board,) = _flags()
    assert (board.reason, board.municipality_id, board.association_id, board.created_by_id) == (
        "board_changed", aarhus, association.id, owner.id)
    # Saving the same board again, and the flag still open: nothing new.
    representative.post(f"/associations/{association.id}/step/governance",
                        data=_governance([("Anna Berg", "chair"), ("Ole Ny", "treasurer")]))
    assert len(_flags()) == 1

    response = representative.post(f"/associations/{association.id}/documents", data={
        "kind": "other", "file": (io.BytesIO(PDF), "referat.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 303 and len(_flags()) == 1
    response = representative.post(f"/associations/{association.id}/documents", data={
        "kind": "statutes", "file": (io.BytesIO(PDF), "nye-vedtaegter.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 303
    assert [flag.reason for flag in _flags()] == ["board_changed", "statutes_amended"]

    response = staff.post(f"/staff/screening/associations/{association.id}/concern", data={"note": "  "})
    assert "Describe the concern." in flashes(follow(staff, response), "error")
    response = staff.post(f"/staff/screening/associations/{association.id}/concern",
                          data={"note": "Naboklage over brugen af lokalerne."})
    assert "The concern is recorded and the association is marked for re-screening." in flashes(
        follow(staff, response), "success")
    concern = _flags(reason="concern")[0]
    assert (concern.note, concern.created_by_id, concern.municipality_id) == (
        "Naboklage over brugen af lokalerne.", officer.id, aarhus)
    assert {flag.municipality_id for flag in _flags()} == {aarhus}  # Copenhagen has decided nothing

    dashboard = text_of(staff.get("/staff/").get_data(as_text=True))
    for label in ("The board has changed", "New statutes handed in", "Concern recorded by staff"):
        assert f"Boldklubben Nord : {label}" in dashboard
    page = text_of(staff.get(f"/staff/associations/{association.id}").get_data(as_text=True))
    assert "Marked for re-screening: Concern recorded by staff" in page and "Naboklage over brugen" in page

    second_case, _decision = decided_case(association, officer)

    assert all(flag.resolved_at is not None for flag in _flags())
    dashboard = text_of(staff.get("/staff/").get_data(as_text=True))
    assert "No association is marked for re-screening." in dashboard
    db.session.expire_all()
    assert (first_case.status, first_case.superseded_by_id) == ("superseded", second_case.id)
    assert second_case.status == "decided"


def test_nothing_is_flagged_before_any_decision(app, factories, client_for, officer, owner):
    """Without a decided screening a board change or new statutes flag nothing."""
    association = screenable(factories, owner)
    representative = client_for(owner)

    representative.post(f"/associations/{association.id}/step/governance",
                        data=_governance([("Helt Ny", "chair")]))
    representative.post(f"/associations/{association.id}/documents", data={
        "kind": "statutes", "file": (io.BytesIO(PDF), "vedtaegter.pdf")}, content_type="multipart/form-data")

    assert association.board_members[0].name == "Helt Ny"
    assert count(RescreeningFlag) == 0


def test_a_new_decision_supersedes_only_the_same_municipalitys(app, factories, officer, outsider):
    """Copenhagen's decision does not supersede Aarhus's; Aarhus's second decision supersedes its first."""
    association = screenable(factories, active=("101",))
    aarhus_first, _d = decided_case(association, officer)
    copenhagen, _d = decided_case(association, outsider)
    aarhus_second, _d = decided_case(association, officer)

    db.session.expire_all()
    statuses = {case.id: (case.status, case.superseded_by_id) for case in db.session.scalars(select(ScreeningCase))}
    assert statuses == {aarhus_first.id: ("superseded", aarhus_second.id), copenhagen.id: ("decided", None),
                        aarhus_second.id: ("decided", None)}
