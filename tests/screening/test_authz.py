"""Who may use every screening, association-screening, supervision and publication route, through the real routes."""

from datetime import date, timedelta

import pytest
from flask import current_app

from registry.extensions import db
from registry.publication.services import publish_list
from registry.screening.models import Hearing
from registry.screening.services import cases, decisions
from registry.supervision.services import draw_round
from tests.screening.helpers import award, decided_case, met_inputs, screenable

YEAR = date.today().year
ACTORS = ("anonymous", "representative", "officer", "administrator", "other_officer")
EVERYONE = set(ACTORS)
STAFF = {"officer", "administrator"}
ADMIN = {"administrator"}
REPRESENTATIVE = {"representative"}

# (endpoint, method, url template, actors allowed). The representative acts for association {a}; the staff
# actors work in its municipality, "other_officer" in another one.
ROUTES = [
    ("screening.open_screening", "POST", "/staff/screening/associations/{a}/open", STAFF),
    ("screening.record_concern", "POST", "/staff/screening/associations/{a}/concern", STAFF),
    ("screening.case", "GET", "/staff/screening/{case}", STAFF),
    ("screening.case", "POST", "/staff/screening/{case}", STAFF),
    ("screening.send_hearing", "POST", "/staff/screening/{case}/hearing", STAFF),
    ("screening.decide", "POST", "/staff/screening/{case}/decision", STAFF),
    ("screening.approve", "POST", "/staff/screening/decisions/{proposed}/approve", STAFF),
    ("screening.send_back", "POST", "/staff/screening/decisions/{proposed}/return", STAFF),
    ("screening.letter", "GET", "/staff/screening/decisions/{final}/letter", STAFF),
    ("screening.letter_pdf", "GET", "/staff/screening/decisions/{final}/letter.pdf", STAFF),
    ("screening.settings", "GET", "/staff/screening/settings", ADMIN),
    ("screening.settings", "POST", "/staff/screening/settings", ADMIN),
    ("association_screening.screenings", "GET", "/associations/{a}/screenings", REPRESENTATIVE),
    ("association_screening.hearing", "GET", "/associations/{a}/hearings/{hearing}", REPRESENTATIVE),
    ("association_screening.hearing", "POST", "/associations/{a}/hearings/{hearing}", REPRESENTATIVE),
    ("association_screening.decision", "GET", "/associations/{a}/decisions/{final}", REPRESENTATIVE),
    ("association_screening.decision_pdf", "GET", "/associations/{a}/decisions/{final}.pdf", REPRESENTATIVE),
    # The list of rounds has no resource in the URL: every staff member sees their own municipality's.
    ("supervision.rounds", "GET", "/staff/supervision/", STAFF | {"other_officer"}),
    ("supervision.draw", "POST", "/staff/supervision/draw", ADMIN),
    ("supervision.round_page", "GET", "/staff/supervision/rounds/{round}", STAFF),
    ("supervision.case", "GET", "/staff/supervision/cases/{supervised}", STAFF),
    ("supervision.case", "POST", "/staff/supervision/cases/{supervised}", STAFF),
    ("supervision.add_sanction", "POST", "/staff/supervision/cases/{supervised}/sanctions", STAFF),
    ("awards.record", "GET", "/staff/awards/cases/{final_case}", STAFF),
    ("awards.record", "POST", "/staff/awards/cases/{final_case}", STAFF),
    ("publication.manage", "GET", "/staff/publication", ADMIN),
    ("publication.manage", "POST", "/staff/publication", ADMIN),
    ("publication.index", "GET", "/lists", EVERYONE),
    ("publication.show", "GET", "/lists/dk/751/{year}", EVERYONE),
    ("publication.download", "GET", "/lists/dk/751/{year}.csv", EVERYONE),
]
PREFIXES = ("screening.", "association_screening.", "supervision.", "publication.", "awards.")


@pytest.fixture
def world(app, factories, officer, colleague, admin, outsider, owner):
    """Association A (with a final decision, an answered hearing and a proposed refusal) and B, a round, a list."""
    association = screenable(factories, owner, name="Forening A")
    other_owner = factories.user(email="owner-b@example.org")
    rival = screenable(factories, other_owner, name="Forening B")
    final_case, final = decided_case(association, officer)
    award(final_case, officer)
    _case, rival_final = decided_case(rival, officer)
    with current_app.test_request_context():
        case, _opened = cases.open_screening(officer, association, "dk_fol_stk3", True, False, "en")
        cases.save_screening_answers(officer, case, case.lock_version, met_inputs(case, democracy_conduct="not_met"))
        hearing = cases.send_hearing(officer, case, "Opslag på Facebook.", date.today() + timedelta(days=10))
        cases.answer_hearing(owner, hearing, "Vi har taget afstand.", [])
        proposed = decisions.propose_decision(officer, case, decisions.DecisionInput(
            grant_outcome="not_eligible", premises_outcome=None, conditions=None, rules_applied="§ 4 a",
            considerations="Adfærden.", facts="Opslaget.", hearing_not_needed_because=None))
        rival_case, _opened = cases.open_screening(officer, rival, "dk_fol_stk3", True, False, "en")
        rival_hearing = cases.send_hearing(officer, rival_case, "Spørgsmål til B.", date.today() + timedelta(days=10))
    supervision = draw_round(admin, YEAR, 1, None, {}, seed=1)
    publish_list(admin, YEAR)
    assert proposed.status == "proposed" and final.status == "final"
    return {
        "ids": {"a": association.id, "case": case.id, "proposed": proposed.id, "final": final.id,
                "final_case": final_case.id,
                "hearing": hearing.id, "round": supervision.id, "supervised": supervision.cases[0].id,
                "year": YEAR, "b": rival.id, "rival_final": rival_final.id, "rival_hearing": rival_hearing.id},
        "actors": {"representative": owner, "officer": officer, "administrator": admin,
                   "other_officer": outsider},
    }


@pytest.mark.parametrize("actor", ACTORS)
def test_route_matrix(app, world, login, actor):
    """Allowed actors get through, other logged-in actors get 403, anonymous visitors are sent to log in."""
    client = app.test_client()
    if actor != "anonymous":
        login(world["actors"][actor], test_client=client)
    wrong = []
    for endpoint, method, template, allowed in ROUTES:
        response = client.open(template.format(**world["ids"]), method=method, data={})
        status = response.status_code
        if actor in allowed:
            ok = status in (200, 303)
        elif actor == "anonymous":
            ok = status == 302 and "/account/login" in response.location
        else:
            ok = status == 403
        if not ok:
            wrong.append((endpoint, method, status))
    assert wrong == []


def test_every_route_is_in_the_matrix(app):
    """Each screening, association-screening, supervision and publication route and method has a row."""
    table = {(endpoint, method) for endpoint, method, _url, _allowed in ROUTES}
    routes = {(rule.endpoint, method) for rule in app.url_map.iter_rules() if rule.endpoint.startswith(PREFIXES)
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes == table
    public = {endpoint for endpoint, _method, _url, allowed in ROUTES if "anonymous" in allowed}
    assert public == {"publication.index", "publication.show", "publication.download"}
    assert all(allowed == EVERYONE for endpoint, _m, _u, allowed in ROUTES if endpoint in public)


def test_representative_cannot_reach_another_associations_hearing_or_decision(app, world, client_for, owner):
    """Another association's hearing and decision: 403 under its own URL, 404 under one's own; drafts stay hidden."""
    ids = world["ids"]
    client = client_for(owner)
    own, other = ids["a"], ids["b"]
    expectations = [
        ("GET", f"/associations/{other}/hearings/{ids['rival_hearing']}", 403),
        ("POST", f"/associations/{other}/hearings/{ids['rival_hearing']}", 403),
        ("GET", f"/associations/{own}/hearings/{ids['rival_hearing']}", 404),
        ("POST", f"/associations/{own}/hearings/{ids['rival_hearing']}", 404),
        ("GET", f"/associations/{other}/decisions/{ids['rival_final']}", 403),
        ("GET", f"/associations/{other}/decisions/{ids['rival_final']}.pdf", 403),
        ("GET", f"/associations/{own}/decisions/{ids['rival_final']}", 404),
        ("GET", f"/associations/{own}/decisions/{ids['rival_final']}.pdf", 404),
        ("GET", f"/associations/{other}/screenings", 403),
        ("GET", f"/associations/{own}/decisions/{ids['proposed']}", 403),  # not final yet
    ]
    got = [(method, url, client.open(url, method=method, data={"answer": "Svar fra en fremmed."}).status_code)
           for method, url, _expected in expectations]
    assert got == expectations
    assert db.session.get(Hearing, ids["rival_hearing"]).answer is None


def test_other_municipality_sees_none_of_the_round(app, world, client_for, outsider):
    """An officer of another municipality gets their own (empty) list of rounds, not Aarhus's."""
    page = client_for(outsider).get("/staff/supervision/").get_data(as_text=True)

    assert f"/staff/supervision/rounds/{world['ids']['round']}" not in page
    assert "No supervision round has been drawn yet." in page
