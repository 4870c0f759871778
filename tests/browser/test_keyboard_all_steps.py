"""Keyboard only: every wizard step after the identity step, from purpose to submission.

test_keyboard.py covers the first question and the identity step; here an association whose
identity step is already saved (seeded through the services) is taken through purpose, governance,
roles, documents, declarations and review with the keyboard alone: Tab/Shift+Tab to move, typing,
Space for checkboxes and radios, arrow keys for radios and selects, Enter to press buttons. There
are no mouse clicks; page.evaluate only *reads* the focused element and its computed style.

The one exception is the file itself in the documents step: headless Chromium opens no file
chooser from the keyboard, so the file is attached with set_input_files (the document type is
chosen and the form submitted with the keyboard).
"""

import re

import pytest

from tests.browser.helpers import (
    ASSOCIATIONS,
    PDF,
    _password_hash,
    active_id,
    association_by_id,
    check_page,
    log_in,
    navigation,
)
from tests.browser.test_keyboard import focused_matches, tab_to

pytestmark = pytest.mark.browser

DOCUMENTS = [("statutes", "vedtaegter.pdf"), ("minutes", "referat.pdf"), ("accounts", "regnskab.pdf")]
DECLARATIONS = {"da": ["child_certificates", "democracy"], "sv": ["democracy"]}
#: The election date typed into the date field. Headless Chromium orders the field's segments by its own
#: UI language (not the page's locale): day and month are equal, so that day-first and month-first
#: orders read the same digits alike.
ELECTED_KEYS, ELECTED = "03032026", "2026-03-03"


def seed(server, locale: str) -> tuple[str, int]:
    """A verified owner and an association whose identity step is saved; returns (e-mail, id)."""
    from registry.accounts.models import User
    from registry.associations.services import profile
    from registry.core.models import utcnow
    from registry.extensions import db
    from tests.factories import Factories

    data = ASSOCIATIONS[locale]

    def build():
        user = User(email=f"keys.{locale}@example.org", display_name=data["signer"][0],
                    password_hash=_password_hash(), locale=locale, email_verified_at=utcnow())
        db.session.add(user)
        db.session.commit()
        association = profile.create_association(user, data["name"], data["country"])
        home = Factories().municipality(data["country"], "751" if data["country"] == "DK" else "1480")
        profile.save_identity(user, association, profile.Identity(
            name=data["name"], country=data["country"], registration_number=data["number"],
            no_registration_number=False, home_municipality_id=home.id, email=data["email"]))
        return user.email, association.id

    return server.query(build)


def assert_focus_visible(page) -> None:
    """The focused element shows a focus indicator: an outline that is not "none", or a box-shadow."""
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return {outline: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor, shadow: s.boxShadow}; }""")
    visible_outline = style["outline"] != "none" and style["width"] != "0px"
    assert visible_outline or style["shadow"] not in ("", "none"), (active_id(page), style)


def assert_yellow_outline(page) -> None:
    """Form controls and buttons: the 3px #ffbf47 outline of site.css."""
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }""")
    assert style == ["solid", "3px", "rgb(255, 191, 71)"], (active_id(page), style)


def select_value(page, selector: str, value: str) -> None:
    """In a focused, closed select: ArrowDown/ArrowUp until the option with this value is selected."""
    current, target = page.evaluate("""([s, v]) => { const select = document.querySelector(s);
        return [select.selectedIndex, Array.from(select.options).findIndex(o => o.value === v)]; }""",
                                    [selector, value])
    assert target >= 0, f"no option {value} in {selector}"
    for _ in range(abs(target - current)):
        page.keyboard.press("ArrowDown" if target > current else "ArrowUp")
    assert page.evaluate("s => document.querySelector(s).value", selector) == value


def tick(page, selector: str) -> None:
    """Tab to a checkbox and tick it with Space."""
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.is_checked(selector), selector


def type_into(page, selector: str, text: str) -> None:
    """Tab to a text field and type into it (a newline in a textarea with Enter)."""
    tab_to(page, selector)
    page.keyboard.type(text)


def press_enter_on(page, selector: str) -> None:
    """Tab to a button (its focus ring visible) and press it with Enter, waiting for the next page."""
    tab_to(page, selector)
    assert_focus_visible(page)
    with navigation(page):
        page.keyboard.press("Enter")


def yes_with_arrows(page, question: str) -> None:
    """A yes/no radio group: Tab into it, then select "yes" (Space if focused, arrow keys otherwise)."""
    tab_to(page, f"[name={question}]")
    for _ in range(5):
        if focused_matches(page, f"[name={question}][value=yes]"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.is_checked(f"[name={question}][value=yes]"), question


def test_whole_registration_with_keyboard_only(page, live_server, locale):
    data = ASSOCIATIONS[locale]
    server = live_server
    email, association_id = seed(server, locale)
    log_in(page, server, email)
    base = f"/associations/{association_id}"

    # 2. Purpose: two text areas, a target group, local areas, a language.
    page.goto(server.url + base + "/step/purpose")
    check_page(page, locale)
    type_into(page, "#purpose", data["purpose"])
    assert_yellow_outline(page)
    type_into(page, "#activities", data["activities"])
    tick(page, "[name=target_groups][value=youth]")
    assert_yellow_outline(page)
    tab_to(page, "#local_areas")
    for number, area in enumerate(data["areas"].split("\n")):
        if number:
            page.keyboard.press("Enter")
        page.keyboard.type(area)
    tick(page, f"[name=languages][value={locale}]")
    press_enter_on(page, "main [name=action][value=continue]")
    assert page.url.endswith(base + "/step/governance"), page.url

    # 3. Governance: the first board row, "add a board member" with Enter, the second row, counts, questions.
    check_page(page, locale)
    (first_name, first_role, _), (second_name, second_role, _) = data["board"]
    type_into(page, "[id='board_members-0-name']", first_name)
    assert_yellow_outline(page)
    tab_to(page, "[id='board_members-0-role']")
    select_value(page, "[id='board_members-0-role']", first_role)
    tab_to(page, "[id='board_members-0-elected_on']")
    page.keyboard.type(ELECTED_KEYS)
    assert page.input_value("[id='board_members-0-elected_on']") == ELECTED
    press_enter_on(page, "main [name=add_row]")
    assert page.url.endswith(base + "/step/governance"), page.url
    assert page.input_value("[id='board_members-0-name']") == first_name  # the first row survived
    type_into(page, "[id='board_members-1-name']", second_name)
    tab_to(page, "[id='board_members-1-role']")
    select_value(page, "[id='board_members-1-role']", second_role)
    type_into(page, "#member_count", "40")
    type_into(page, "#paying_member_count", "31")
    type_into(page, "#volunteer_count", "9")
    type_into(page, "#founded_year", "1998")
    for question in ("assembly_elects_board", "open_to_all", "non_commercial"):
        yes_with_arrows(page, question)
    assert_focus_visible(page)
    check_page(page, locale)
    press_enter_on(page, "main [name=action][value=continue]")
    assert page.url.endswith(base + "/step/roles"), page.url
    assert association_by_id(server, association_id)["board"] == [(first_name, first_role),
                                                                   (second_name, second_role)]

    # 4. Roles: a role, a motivation, a form of collaboration.
    check_page(page, locale)
    tick(page, "[name=roles][value=activities]")
    tick(page, "[name=motivations][value=reach]")
    tick(page, "[name=collaboration_forms][value=co_creation]")
    press_enter_on(page, "main [name=action][value=continue]")
    assert page.url.endswith(base + "/documents"), page.url

    # 5. Documents: the type with the arrow keys; the file with set_input_files (headless Chromium
    # cannot operate a file input from the keyboard); Upload with Enter.
    check_page(page, locale)
    for kind, filename in DOCUMENTS:
        tab_to(page, "#kind")
        select_value(page, "#kind", kind)
        page.set_input_files("#file", files=[{"name": filename, "mimeType": "application/pdf", "buffer": PDF}])
        press_enter_on(page, "main form:has(#file) button[type=submit]")
        assert page.url.endswith(base + "/documents"), page.url
    assert page.locator("main table tbody tr").count() == len(DOCUMENTS)
    check_page(page, locale)
    tab_to(page, f"main a.button[href$='{base}/declarations']")
    assert_focus_visible(page)
    with navigation(page):
        page.keyboard.press("Enter")

    # 6. Declarations: name, role, Space on the confirmation, Enter.
    check_page(page, locale)
    signer_name, signer_role = data["signer"]
    for kind in DECLARATIONS[locale]:
        type_into(page, f"[id='{kind}-signer_name']", signer_name)
        type_into(page, f"[id='{kind}-signer_role']", signer_role)
        tick(page, f"[id='{kind}-confirm']")
        assert_yellow_outline(page)
        press_enter_on(page, f"form[action$='/declarations/{kind}'] button[type=submit]")
        assert page.url.endswith(base + "/declarations"), page.url
    assert page.locator("main form[action*='/declarations/']").count() == 0
    tab_to(page, f"main a.button[href$='{base}/review']")
    with navigation(page):
        page.keyboard.press("Enter")

    # 7. Review: Space on the public profile box, Enter on "Save choice", Enter on submit.
    assert page.url.endswith(base + "/review"), page.url
    check_page(page, locale)
    assert page.locator("main .missing-list").count() == 0, page.locator("main").inner_text()[:2000]
    tick(page, "#public_profile")
    press_enter_on(page, "main form[action$='/consent'] button[type=submit]")
    assert page.is_checked("#public_profile")
    press_enter_on(page, "main form[action$='/submit'] button[type=submit]")
    assert page.url.endswith(base), page.url
    check_page(page, locale)

    # Everything was saved.
    from sqlalchemy import select

    from registry.associations.models import Association
    from registry.associations.models.files import Declaration, Document
    from registry.extensions import db

    def kinds(model):
        return sorted(db.session.scalars(select(model.kind).where(model.association_id == association_id)))

    def read():
        association = db.session.get(Association, association_id)
        return {
            "purpose": association.purpose, "activities": association.activities,
            "target_groups": association.selected("target_group"), "languages": association.language_codes,
            "local_areas": association.local_areas,
            "member_count": association.member_count, "paying": association.paying_member_count,
            "volunteers": association.volunteer_count, "founded": association.founded_year,
            "questions": (association.assembly_elects_board, association.open_to_all, association.non_commercial),
            "elected": [str(member.elected_on) for member in association.board_members],
            "roles": association.selected("role"), "motivations": association.selected("motivation"),
            "collaborations": association.selected("collaboration"),
            "documents": kinds(Document), "declarations": kinds(Declaration),
        }

    saved = server.query(read)
    assert saved["purpose"] == data["purpose"] and saved["activities"] == data["activities"]
    assert saved["target_groups"] == ["youth"] and saved["languages"] == [locale]
    assert re.sub(r"\s+", " ", saved["local_areas"]) == data["areas"].replace("\n", " ")
    assert (saved["member_count"], saved["paying"], saved["volunteers"], saved["founded"]) == (40, 31, 9, 1998)
    assert saved["questions"] == (True, True, True)
    assert saved["elected"] == [ELECTED, "None"]
    assert (saved["roles"], saved["motivations"], saved["collaborations"]) == (["activities"], ["reach"],
                                                                               ["co_creation"])
    assert saved["documents"] == sorted(kind for kind, _ in DOCUMENTS)
    assert saved["declarations"] == sorted(DECLARATIONS[locale])
    status = association_by_id(server, association_id)
    assert status["status"] == "submitted" and status["public_profile"] is True
