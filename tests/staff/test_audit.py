"""The audit trail of staff work: events recorded, the hash chain verified, history shown translated."""

import json
import re

import pytest
from babel import Locale
from flask_babel import force_locale, gettext
from sqlalchemy import select, text

from registry.accounts.models import ROLES as USER_ROLES
from registry.associations import choices
from registry.associations.declarations import BY_KIND
from registry.associations.models import Invitation, Representative
from registry.associations.services import people
from registry.audit.history import ACTIONS, FIELDS
from registry.audit.models import AuditEvent
from registry.audit.services import _digest
from registry.extensions import db
from registry.municipalities.models import COUNTRIES, Municipality
from registry.qualification.choices import ANSWERS, RECOMMENDATIONS
from registry.qualification.choices import CASE_STATUSES as QUALIFICATION_STATUSES
from registry.qualification.models import QualificationCase
from registry.screening.choices import FLAG_REASONS
from tests.associations.helpers import (
    PDF,
    Page,
    governance_data,
    identity_data,
    municipality_id,
    purpose_data,
    roles_data,
    upload,
)
from tests.staff.helpers import case_form


@pytest.fixture
def concluded(factories, client_for, checklists):
    """An Aarhus association whose case was opened, answered and concluded through the pages."""
    officer = factories.staff(code="751", locale="en", display_name="Olga Officer")
    client = client_for(officer)
    association = factories.submitted_association(name="Fodboldklubben Gellerup", complete=True)
    opened = client.post(f"/staff/qualification/associations/{association.id}/open")
    assert opened.status_code == 303
    case_url = opened.location
    case = db.session.get(QualificationCase, int(case_url.rsplit("/", 1)[1]))
    data = case_form(case, **{item["key"]: {"answer": "met"} for item in case.template.items})
    assert client.post(case_url, data=data).status_code == 303
    assert client.post(f"{case_url}/conclude", data={
        "conclude-lock_version": "2", "conclude-recommendation": "recommended",
        "conclude-summary": "Godt samarbejde."}).status_code == 303
    return {"officer": officer, "client": client, "association": association, "case": case, "url": case_url}


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def _verify(app):
    db.session.commit()
    db.session.expire_all()
    return app.test_cli_runner().invoke(args=["registry", "verify-audit"])


def test_opening_and_concluding_record_events(concluded):
    """Open, save and conclude each leave an event about the case, with its actor and association."""
    case, officer = concluded["case"], concluded["officer"]
    for action in ("qualification.opened", "qualification.answers_saved", "qualification.concluded"):
        events = _events(action)
        assert len(events) == 1, action
        event = events[0]
        assert (event.object_type, event.object_id) == ("qualification_cases", case.id)
        assert (event.actor_id, event.association_id) == (officer.id, case.association_id)
    assert _events("qualification.concluded")[0].after == {"recommendation": "recommended"}
    assert _events("qualification.opened")[0].after == {"template": case.template.label}


def test_superseding_records_an_event_on_the_old_case(concluded, factories):
    """A later conclusion records that the earlier case was superseded, and by which case."""
    newer = factories.concluded_case(concluded["association"], concluded["officer"])
    superseded = _events("qualification.superseded")
    assert len(superseded) == 1
    assert superseded[0].object_id == concluded["case"].id and superseded[0].after == {"superseded_by": newer.id}


def test_verify_audit_passes_on_an_intact_chain(app, concluded):
    """`flask registry verify-audit` exits 0 when nothing was touched."""
    result = _verify(app)
    assert result.exit_code == 0, result.output
    assert "Audit trail intact." in result.output


def _set_after(event_id: int, value: dict) -> None:
    cast = "CAST(:after AS JSON)" if db.engine.dialect.name == "postgresql" else ":after"
    db.session.execute(text(f'UPDATE audit_events SET "after" = {cast} WHERE id = :id'),
                       {"after": json.dumps(value), "id": event_id})


def test_verify_audit_names_an_altered_event(app, concluded):
    """Changing a stored event's content by SQL makes the check fail and name exactly that event."""
    tampered = _events("qualification.concluded")[0].id
    _set_after(tampered, {"recommendation": "not_recommended"})
    result = _verify(app)
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith("audit event")]
    assert problems == [f"audit event {tampered}: altered"]


def test_verify_audit_notices_a_recomputed_hash(app, concluded):
    """Rewriting an event together with its own hash still breaks the link to the event after it."""
    target = _events("qualification.answers_saved")[0]
    following = _events("qualification.concluded")[0]
    _set_after(target.id, {})
    db.session.commit()
    db.session.expire_all()
    target = db.session.get(AuditEvent, target.id)
    db.session.execute(text("UPDATE audit_events SET hash = :hash WHERE id = :id"),
                       {"hash": _digest(target.prev_hash, target), "id": target.id})
    result = _verify(app)
    assert result.exit_code == 1
    assert f"audit event {following.id}: chain broken" in result.output
    assert f"audit event {target.id}:" not in result.output


def test_verify_audit_notices_a_deleted_event(app, concluded):
    """Deleting an event from the middle of the chain fails the check at the event that followed it."""
    deleted = _events("qualification.opened")[0]
    following = db.session.scalar(select(AuditEvent).where(AuditEvent.id > deleted.id).order_by(AuditEvent.id))
    db.session.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": deleted.id})
    result = _verify(app)
    assert result.exit_code == 1
    assert f"audit event {following.id}: chain broken" in result.output


def _label(action: str, locale: str) -> str:
    with force_locale(locale):
        return str(ACTIONS[action])


def test_association_history_is_shown_in_danish(concluded, factories, client_for):
    """A Danish officer reads the association's history with Danish action labels on a lang="da" page."""
    client = client_for(factories.staff(code="751", locale="da"))
    page = client.get(f"/staff/associations/{concluded['association'].id}").text
    assert '<html lang="da">' in page
    actions = ("association.created", "document.uploaded", "qualification.opened", "qualification.concluded")
    danish = {action: _label(action, "da") for action in actions}
    for action, label in danish.items():
        assert label in page, (action, label)
    translated = [action for action in actions if danish[action] != _label(action, "en")]
    assert "document.uploaded" in translated  # the catalogue really translates; this is not the English fallback
    assert "Document uploaded" not in page


def test_association_history_in_english(concluded):
    """An English-speaking officer sees the same history with the English labels."""
    page = concluded["client"].get(f"/staff/associations/{concluded['association'].id}").text
    assert '<html lang="en">' in page
    for label in ("Qualification opened", "Qualification concluded", "Document uploaded", "Association created"):
        assert label in page, label


def test_case_page_shows_the_case_history(concluded):
    """The case page lists the case's own events with who did them, newest first."""
    page = concluded["client"].get(concluded["url"]).text
    history = page.split('id="history-title"', 1)[1]
    positions = [history.find(label) for label in (
        "Qualification concluded", "Qualification answers saved", "Qualification opened")]
    assert -1 not in positions and positions == sorted(positions)
    assert "Olga Officer" in history
    assert "Document uploaded" not in history  # the association's own events belong to its page


def test_answers_in_the_history_name_the_item_and_the_answer_in_the_readers_language(concluded, factories,
                                                                                      client_for):
    """A saved answer reads as the checklist item's own text and the answer's label, never as stored keys."""
    case = concluded["case"]
    item = case.template.items[0]
    english = concluded["client"].get(concluded["url"]).text.split('id="history-title"', 1)[1]
    assert f"<dt>{item['text']['en']}</dt>" in english.replace("&#39;", "'")
    assert f"<dt>{item['key']}</dt>" not in english
    assert "<dd>Met</dd>" in english
    danish_client = client_for(factories.staff(code="751", locale="da"))
    danish = danish_client.get(concluded["url"]).text.split('id="history-title"', 1)[1]
    assert f"<dt>{item['text']['da']}</dt>" in danish.replace("&#39;", "'")
    assert "<dd>Opfyldt</dd>" in danish


def test_stored_keys_and_yes_no_values_read_as_labels(concluded):
    """Outcome, legal basis and status keys and true/false are shown as the words staff use."""
    from registry.audit.history import describe

    event = AuditEvent(action="screening.decided", object_type="screening_cases", object_id=1,
                       after={"grant": "not_eligible", "premises": None, "legal_basis": "dk_fol_stk3",
                              "four_eyes": True, "status": "decided"})
    with force_locale("da"):
        entry = describe(event)
    shown = {change.field: change.after for change in entry.changes}
    assert entry.action == "Afgørelse truffet"
    assert shown == {"Tilskud": "Ikke berettiget", "Lokaler": "–",
                     "Lovgrundlag": _label_of("dk_fol_stk3", "da"),
                     "Et afslag skal godkendes af en anden medarbejder": "Ja", "Status": "Afgjort"}


def _label_of(basis: str, locale: str) -> str:
    from registry.screening.choices import LEGAL_BASES

    with force_locale(locale):
        return str(LEGAL_BASES.label(basis))


def test_every_recorded_action_has_a_label():
    """Each action the code records is named in ACTIONS, so no history ever shows a raw key like "x.y"."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "registry"
    calls = re.compile(r"(?:record_audit|_set_password|_assign|_audit_change)\((.*?)\)\s*$", re.S | re.M)
    recorded = set()
    for path in package.rglob("*.py"):
        for call in calls.finditer(path.read_text()):
            recorded.update(re.findall(r'"([a-z_]+\.[a-z_]+)"', call.group(1)))
    assert len(recorded) >= 45, recorded  # the scan really finds the calls
    assert sorted(recorded - set(ACTIONS)) == []


#: Every key an association's history may store as a value: none may ever be shown as it is stored.
RAW_KEYS = {key for vocabulary in (
    choices.TARGET_GROUPS, choices.BOARD_ROLES, choices.ROLES, choices.MOTIVATIONS, choices.COLLABORATION_FORMS,
    choices.DOCUMENT_KINDS, choices.RIGHTS, choices.STATUSES, USER_ROLES, FLAG_REASONS, ANSWERS, RECOMMENDATIONS,
    QUALIFICATION_STATUSES) for key in vocabulary} | set(BY_KIND) | set(choices.WORK_LANGUAGES) | set(COUNTRIES)


@pytest.fixture
def lived_in(factories, client_for, checklists):
    """A Swedish association that moved to Aarhus: every profile step changed through the pages, documents,
    declarations, a co-representative who came and went, submission, public profile and a qualification."""
    owner = factories.user(display_name="Karin Holm")
    association = factories.association(
        owner=owner, country="SE", active=("1280",), complete=True, name="Boldklubben Nord",
        target_groups=("youth",), roles=("activities",), motivations=("premises",), collaborations=("co_creation",))
    client, url = client_for(owner), f"/associations/{association.id}"
    for step, data in (("identity", identity_data(active_municipalities=[str(municipality_id("DK", "101"))])),
                       ("purpose", purpose_data(target_groups=["children", "youth"], languages=["ar", "sv"])),
                       ("governance", governance_data()), ("roles", roles_data())):
        assert client.post(f"{url}/step/{step}", data=data).status_code == 303, step
    assert client.post(f"{url}/declarations/child_certificates", data={
        "child_certificates-confirm": "y", "child_certificates-signer_name": "Karin Holm",
        "child_certificates-signer_role": "Bestyrelsesformand"}).status_code == 303
    assert upload(client, association.id, PDF, "bilag.pdf", kind="other").status_code == 303
    invited = client.post(f"{url}/people/invite", data={"email": "omar@example.org", "rights": "editor"})
    assert invited.status_code == 303
    invitation = db.session.scalars(select(Invitation).where(Invitation.association_id == association.id)).one()
    joined = people.accept_invitation(factories.user(email="omar@example.org"), invitation)
    assert client.post(f"{url}/people/{joined.id}/remove").status_code == 303
    assert db.session.get(Representative, joined.id) is None
    assert client.post(f"{url}/submit").status_code == 303
    assert client.post(f"{url}/consent", data={"public_profile": "y"}).status_code == 303
    factories.concluded_case(association, factories.staff(code="751"))
    return association


def _history_rows(page: Page) -> list[tuple[str, str]]:
    """The history's (field, change) rows as the reader sees them."""
    section = next(node for node in page.root.iter() if node.attrs.get("aria-labelledby") == "history-title")
    return [(row.children[0].text, row.children[1].text) for row in section.iter()
            if row.tag == "div" and [child.tag for child in row.children if hasattr(child, "tag")] == ["dt", "dd"]]


def _parts(change: str) -> set[str]:
    """What a change row shows, cut where a stored key could stand alone: before and after, list items, and the
    parts of a board row. No stored key contains these separators, so a key shown raw is always a whole part."""
    return {part for part in re.split(r"\s*(?:→|[,;()])\s*", change) if part}


@pytest.mark.parametrize("locale", ["da", "sv"])
def test_association_history_shows_no_stored_key_or_field_name(lived_in, factories, client_for, locale):
    """Roles, target groups, declaration kinds, countries, languages and municipalities read as words of the
    reader's language in every history row: no stored key, no municipality id or code, no raw field name."""
    events = list(db.session.scalars(select(AuditEvent).where(AuditEvent.association_id == lived_in.id)))
    recorded_fields = {key for event in events for values in (event.before or {}, event.after or {}) for key in values}
    places = set(db.session.scalars(select(Municipality.name).where(Municipality.code.in_(("751", "101", "1480",
                                                                                          "1280")))))
    page = Page(client_for(factories.staff(code="751", locale=locale)).get(f"/staff/associations/{lived_in.id}"))
    rows = _history_rows(page)
    changes = [change for _field, change in rows]

    assert len(rows) > 40 and {"association.board_saved", "declaration.given", "representative.removed",
                               "qualification.concluded"} <= {event.action for event in events}
    assert sorted({field for field, _change in rows} & recorded_fields) == []
    assert sorted(set().union(*map(_parts, changes)) & RAW_KEYS) == []
    with force_locale(locale):
        municipality_fields = {str(FIELDS["home_municipality_id"]), str(FIELDS["active_municipalities"])}
        expected = [str(choices.BOARD_ROLES.label("chair")), str(choices.BOARD_ROLES.label("treasurer")),
                    str(choices.TARGET_GROUPS.label("youth")), str(choices.ROLES.label("contact")),
                    str(choices.MOTIVATIONS.label("funding")), str(choices.COLLABORATION_FORMS.label("roundtable")),
                    str(choices.RIGHTS.label("editor")), str(BY_KIND["child_certificates"].title),
                    gettext("Denmark"), gettext("Sweden")]
    expected += [Locale.parse(locale).languages[code].capitalize() for code in ("ar", "sv", "da")]
    assert [label for label in expected if not any(label in change for change in changes)] == []
    municipality_rows = [change for field, change in rows if field in municipality_fields]
    assert len(municipality_rows) == 4 and set().union(*map(_parts, municipality_rows)) == places


def _anchor(app, tmp_path):
    """Run `flask registry audit-anchor` and keep its line in a file, as a daily log would."""
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["registry", "audit-anchor"])
    assert result.exit_code == 0, result.output
    anchors = tmp_path / "anchors.log"
    anchors.write_text(f"Nov 21 03:00:01 registry: {result.output}")
    return anchors


def test_an_anchor_reveals_that_the_newest_event_was_deleted(app, concluded, tmp_path):
    """The chain alone cannot see its newest event go; the anchor written before can."""
    newest = _events("qualification.concluded")[0]
    newest_id, newest_hash = newest.id, newest.hash
    anchors = _anchor(app, tmp_path)
    assert f"audit-anchor {newest_id} {newest_hash}" in anchors.read_text()
    db.session.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": newest_id})
    assert _verify(app).exit_code == 0  # without the anchor the shortened chain looks whole
    result = app.test_cli_runner().invoke(args=["registry", "verify-audit", "--anchors", str(anchors)])
    assert result.exit_code == 1
    assert f"audit event {newest_id}: anchored but no longer in the trail (deleted)" in result.output


def test_an_anchor_reveals_a_rewritten_chain(app, concluded, tmp_path):
    """Rewriting an event and recomputing every hash after it keeps the chain consistent, but not the anchor."""
    anchors = _anchor(app, tmp_path)
    events = list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    first, newest_id = events[0], events[-1].id
    _set_after(first.id, {"name": "Et andet navn"})
    db.session.commit()
    db.session.expire_all()
    prev = first.prev_hash
    for event in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        event.prev_hash, event.hash = prev, _digest(prev, event)
        prev = event.hash
    db.session.commit()
    assert _verify(app).exit_code == 0  # a consistent forgery
    result = app.test_cli_runner().invoke(args=["registry", "verify-audit", "--anchors", str(anchors)])
    assert result.exit_code == 1
    assert f"audit event {newest_id}: differs from its anchor" in result.output


def test_anchors_that_hold_are_reported(app, concluded, tmp_path):
    """With an intact trail every anchor holds and the command says how many it checked."""
    anchors = _anchor(app, tmp_path)
    result = app.test_cli_runner().invoke(args=["registry", "verify-audit", "--anchors", str(anchors)])
    assert result.exit_code == 0, result.output
    assert "Audit trail intact, 1 anchors hold." in result.output
