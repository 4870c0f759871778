"""Route × actor: who may use each page of the staff workspace, through the real routes."""

import pytest
from sqlalchemy import func, select

from registry.audit.models import AuditEvent
from registry.extensions import db
from tests.staff.helpers import case_form, result_ids

ACTORS = ("anonymous", "representative", "officer", "administrator", "other_officer", "other_administrator",
          "deactivated_officer")
STAFF = {"officer", "administrator", "other_officer", "other_administrator"}
OWN_MUNICIPALITY = {"officer", "administrator"}
ADMINISTRATORS = {"administrator", "other_administrator"}
OWN_ADMINISTRATOR = {"administrator"}
#: Actors that are not logged in as far as the app is concerned (a deactivated account's session no longer counts).
SENT_TO_LOGIN = {"anonymous", "deactivated_officer"}


def _no_data(world):
    return None


def _invitation(world):
    return {"display_name": "Ny Kollega", "email": "ny.kollega@aarhus.example", "role": "officer"}


def _case_answers(world):
    return case_form(world["case"], note="Matrix note")


def _conclusion(world):
    return {"conclude-lock_version": str(world["case"].lock_version), "conclude-recommendation": "recommended",
            "conclude-summary": "Matrix summary"}


def _local_item(world):
    return {"text_da": "Har foreningen en frivilligpolitik?", "text_sv": "Har föreningen en volontärpolicy?",
            "text_en": "Does the association have a volunteering policy?", "source": "Lokal retningslinje"}


# (endpoint, method, URL template, actors allowed, form data, status for the allowed) — a row per route and method.
ROUTES = {
    "dashboard": ("staff.dashboard", "GET", "/staff/", STAFF, _no_data, 200),
    "search": ("staff.search", "GET", "/staff/search?q=fodbold", STAFF, _no_data, 200),
    "export_csv": ("staff.export", "GET", "/staff/search/export.csv", STAFF, _no_data, 200),
    "export_xlsx": ("staff.export", "GET", "/staff/search/export.xlsx?q=fodbold", STAFF, _no_data, 200),
    "association": ("staff.association", "GET", "/staff/associations/{association}", OWN_MUNICIPALITY, _no_data,
                    200),
    "staff_list": ("staff.staff_list", "GET", "/staff/people", ADMINISTRATORS, _no_data, 200),
    "invite_staff": ("staff.invite_staff", "POST", "/staff/people/invite", ADMINISTRATORS, _invitation, 303),
    "deactivate_staff": ("staff.deactivate_staff", "POST", "/staff/people/{colleague}/deactivate",
                         OWN_ADMINISTRATOR, _no_data, 303),
    "reactivate_staff": ("staff.reactivate_staff", "POST", "/staff/people/{former_colleague}/reactivate",
                         OWN_ADMINISTRATOR, _no_data, 303),
    "open_case": ("qualification.open_case", "POST", "/staff/qualification/associations/{association}/open",
                  OWN_MUNICIPALITY, _no_data, 303),
    "case_get": ("qualification.case", "GET", "/staff/qualification/{case}", OWN_MUNICIPALITY, _no_data, 200),
    "case_post": ("qualification.case", "POST", "/staff/qualification/{case}", OWN_MUNICIPALITY, _case_answers,
                  303),
    # Allowed, but refused with a 200 form error: the fresh case has no answers yet.
    "conclude": ("qualification.conclude", "POST", "/staff/qualification/{case}/conclude", OWN_MUNICIPALITY,
                 _conclusion, 200),
    "checklist": ("checklists.show", "GET", "/staff/checklists/", STAFF, _no_data, 200),
    "add_checklist_item": ("checklists.add_item", "POST", "/staff/checklists/items", ADMINISTRATORS, _local_item,
                           303),
}

#: Endpoints outside the matrix on purpose: the invitation link is opened before its user can log in.
NOT_IN_MATRIX = {"staff.accept_invitation"}
#: Routes that answer a refusal with 404, as for an id that does not exist: association ids are sequential.
HIDDEN = {"association"}


@pytest.fixture
def world(app, factories, login, checklists):
    """An Aarhus association with an open case, and every kind of actor around it."""
    owner = factories.user(email="owner@forening.example")
    association = factories.submitted_association(owner=owner, complete=True, name="Fodboldklubben Aarhus")
    case_officer = factories.staff(code="751", email="sagsbehandler@aarhus.example")
    case = factories.qualification_case(association, case_officer)
    actors = {
        "representative": owner,
        "officer": factories.staff(code="751", email="officer@aarhus.example"),
        "administrator": factories.staff(role="administrator", code="751", email="admin@aarhus.example"),
        "other_officer": factories.staff(code="101", email="officer@kk.example"),
        "other_administrator": factories.staff(role="administrator", code="101", email="admin@kk.example"),
        "deactivated_officer": factories.staff(code="751", email="former@aarhus.example"),
    }
    return {
        "association": association, "case": case, "actors": actors,
        "colleague": factories.staff(code="751", email="colleague@aarhus.example"),
        "former_colleague": factories.staff(code="751", email="left@aarhus.example", active=False),
    }


def _client_as(app, world, login, actor):
    client = app.test_client()
    if actor == "anonymous":
        return client
    user = world["actors"][actor]
    login(user, test_client=client)
    if actor == "deactivated_officer":  # logged in, then deactivated by an administrator
        user.active = False
        db.session.commit()
    return client


def _url(template, world):
    return template.format(association=world["association"].id, case=world["case"].id,
                           colleague=world["colleague"].id, former_colleague=world["former_colleague"].id)


def _audit_events() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent))


@pytest.mark.parametrize("route", sorted(ROUTES))
@pytest.mark.parametrize("actor", ACTORS)
def test_matrix(app, world, login, actor, route):
    """Allowed actors get 200/303; staff and others without the right get 403 (404 on hidden routes); the
    logged-out go to login."""
    _endpoint, method, template, allowed, data, success = ROUTES[route]
    client = _client_as(app, world, login, actor)
    events_before = _audit_events()
    response = client.open(_url(template, world), method=method, data=data(world))
    if actor in allowed:
        assert response.status_code == success, (actor, route, response.status_code)
        return
    if actor in SENT_TO_LOGIN:
        assert response.status_code == 302, (actor, route, response.status_code)
        assert response.location.startswith("/account/login"), response.location
    else:
        refused = 404 if route in HIDDEN else 403
        assert response.status_code == refused, (actor, route, response.status_code)
    assert _audit_events() == events_before, "a refused request changed something"


def test_matrix_covers_every_staff_route(app):
    """Every staff, qualification and checklist route and method has a row (a new route must be added)."""
    covered = {(endpoint, method) for endpoint, method, *_ in ROUTES.values()}
    routed = {(rule.endpoint, method) for rule in app.url_map.iter_rules()
              if rule.endpoint.startswith(("staff.", "qualification.", "checklists."))
              and rule.endpoint not in NOT_IN_MATRIX
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routed - covered == set(), "routes without a row in the matrix"
    assert covered - routed == set(), "matrix rows for routes that no longer exist"


def test_matrix_covers_both_export_formats(app):
    """The export route is tried in every format its URL accepts."""
    rule = next(rule for rule in app.url_map.iter_rules() if rule.endpoint == "staff.export")
    formats = set(rule._converters["fmt"].items)
    tried = {template.split("export.")[1].split("?")[0] for endpoint, _m, template, *_ in ROUTES.values()
             if endpoint == "staff.export"}
    assert tried == formats


def test_other_municipality_never_sees_the_case_or_its_notes(app, world, login, factories):
    """København staff are refused an Aarhus case (403) and its association (404, as if it did not exist), and no
    page of theirs shows its notes."""
    officer = world["actors"]["officer"]
    client = login(officer, test_client=app.test_client())
    case = world["case"]
    secret = "Fortroligt notat om bestyrelsens habilitet"
    assert client.post(f"/staff/qualification/{case.id}", data=case_form(case, legitimacy={
        "answer": "met", "note": secret})).status_code == 303
    assert secret in client.get(f"/staff/qualification/{case.id}").text

    for actor in ("other_officer", "other_administrator"):
        other = login(world["actors"][actor], test_client=app.test_client())
        for url, refused in ((f"/staff/qualification/{case.id}", 403),
                             (f"/staff/associations/{case.association_id}", 404)):
            response = other.get(url)
            assert response.status_code == refused, (actor, url)
            assert secret not in response.text and "Fodboldklubben Aarhus" not in response.text
        assert result_ids(other.get("/staff/search?q=fodboldklubben").text) == []
        for url in ("/staff/", "/staff/search", "/staff/search/export.csv"):
            response = other.get(url)
            assert response.status_code == 200
            assert "Fodboldklubben Aarhus" not in response.get_data(as_text=True)
