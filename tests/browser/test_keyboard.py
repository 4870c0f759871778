"""Keyboard only: the skip link, and starting a registration without touching the mouse.

Focus is moved with Tab alone; page.evaluate only *reads* which element has focus.
"""

import re

import pytest

from tests.browser.helpers import (
    ASSOCIATIONS,
    active_id,
    association_by_id,
    check_page,
    log_in,
    make_user_with_association,
    navigation,
    newest_association_id,
)

pytestmark = pytest.mark.browser

MAX_TABS = 250


def focused_matches(page, selector: str, text: str = "") -> bool:
    """Whether the focused element matches a CSS selector (and its text starts with text)."""
    return page.evaluate("""([s, t]) => { const e = document.activeElement;
        return !!e && e.matches(s) && e.textContent.trim().startsWith(t); }""", [selector, text])


def tab_to(page, selector: str, text: str = "", backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the element matching selector (and text) has focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if focused_matches(page, selector, text):
            return
    raise AssertionError(f"{selector} never received focus with {key}; last focus: {active_id(page)}")


def choose_in_select(page, selector: str, label: str) -> None:
    """In a focused, closed select: type the option's first letter (type-ahead jumps near it),
    then ArrowDown or ArrowUp until the option with this label is selected."""
    if label[0].isascii() and label[0].isalpha():
        page.keyboard.press(label[0])
    positions = """([s, label]) => { const select = document.querySelector(s);
        const options = Array.from(select.options);
        return [select.selectedIndex, options.findIndex(o => o.textContent.trim() === label)]; }"""
    current, target = page.evaluate(positions, [selector, label])
    assert target >= 0, f"no option {label} in {selector}"
    for _ in range(abs(target - current)):
        page.keyboard.press("ArrowDown" if target > current else "ArrowUp")
    selected = page.evaluate("s => document.querySelector(s).selectedOptions[0].textContent.trim()", selector)
    assert selected == label, f"{selected} is selected in {selector}, not {label}"


def test_skip_link_is_first_and_moves_focus_to_main(page, live_server, locale):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert focused_matches(page, "a.skip-link[href='#main']"), active_id(page)
    assert page.locator("a.skip-link").is_visible()  # shown while it has focus
    check_page(page, locale, "skip-link-focused")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert active_id(page) == "main"


def test_create_and_identity_with_keyboard_only(page, live_server, locale):
    data = ASSOCIATIONS[locale]
    email, _, password = make_user_with_association(live_server, locale, with_association=False)
    log_in(page, live_server, email, password)
    page.goto(live_server.url + "/associations/new")
    check_page(page, locale)

    # The first question: name, country (radio buttons), the submit button.
    tab_to(page, "#name")
    page.keyboard.type(data["name"])
    page.keyboard.press("Tab")
    assert focused_matches(page, "[name=country][value=DK]"), active_id(page)
    if data["country"] == "DK":
        page.keyboard.press("Space")
    else:
        page.keyboard.press("ArrowDown")  # moves to Sweden and selects it
    assert focused_matches(page, f"[name=country][value={data['country']}]:checked"), active_id(page)
    tab_to(page, "main form button[type=submit]")
    with navigation(page):
        page.keyboard.press("Enter")
    assert re.search(r"/associations/\d+/step/identity$", page.url), page.url
    association_id = newest_association_id(live_server)
    assert association_by_id(live_server, association_id)["name"] == data["name"]
    check_page(page, locale)

    # The identity step.
    tab_to(page, "#registration_number")
    page.keyboard.type(data["number"])
    tab_to(page, "#home_municipality")
    choose_in_select(page, "#home_municipality", data["home"])
    # Open the region (Enter on its summary), tick its first municipality with Space, close it again.
    tab_to(page, "#active-list summary", text=data["region"])
    page.keyboard.press("Enter")
    first = data["home"]
    while first == data["home"]:  # the home municipality is not "another" municipality
        page.keyboard.press("Tab")
        assert focused_matches(page, "#active-list details[open] input[type=checkbox]"), active_id(page)
        checkbox = "#" + active_id(page)
        first = page.locator(f"label[for='{checkbox[1:]}']").inner_text().strip()
    page.keyboard.press("Space")
    assert page.is_checked(checkbox)
    tab_to(page, "#active-list summary", text=data["region"], backwards=True)
    page.keyboard.press("Enter")  # closed again: its ticked boxes are still sent with the form
    tab_to(page, "#address")
    page.keyboard.type(data["address"])
    tab_to(page, "#email")
    page.keyboard.type(data["email"])
    check_page(page, locale)
    tab_to(page, "main [name=action][value=continue]")
    with navigation(page):
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/associations/{association_id}/step/purpose"), page.url

    saved = association_by_id(live_server, association_id)
    assert saved["registration_number"] == data["number"]
    assert saved["home"] == data["home"]
    assert saved["active"] == [first]
    assert saved["email"] == data["email"]
