"""The language switcher in the header: choose a language, press the button, the page follows."""

import pytest

from tests.browser.helpers import assert_lang, check_page, click_and_wait, navigation

pytestmark = pytest.mark.browser

OTHER = {"da": ("sv", "Svenska"), "sv": ("da", "Dansk")}
NAMES = {"da": "Dansk", "sv": "Svenska"}


def switch_with_button(page, name: str) -> None:
    """Choose a language in the header's select with the keyboard and press the visible button."""
    header_form = page.locator("header form.language-form")
    before = page.url
    header_form.locator("#language-select").focus()
    # Keyboard choice (no automatic submit for keyboard users): Home, then ArrowDown to the name.
    page.keyboard.press("Home")
    for _ in range(5):
        if page.evaluate("document.querySelector('#language-select').selectedOptions[0].text") == name:
            break
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(200)
    assert page.url == before  # choosing with keys alone does not submit
    click_and_wait(page, header_form.locator("button[type=submit]"))


def test_switch_to_swedish_and_back_to_danish(new_context, live_server):
    page = new_context("da").new_page()
    page.goto(live_server.url + "/")
    assert_lang(page, "da")
    switch_with_button(page, "Svenska")
    assert page.url == live_server.url + "/"
    assert_lang(page, "sv")
    assert page.input_value("#language-select") == "sv"
    check_page(page, "sv")
    page.goto(live_server.url + "/account/login")  # the choice holds on the next page
    assert_lang(page, "sv")
    switch_with_button(page, "Dansk")
    assert page.url == live_server.url + "/account/login"  # back where the switch was made
    assert_lang(page, "da")
    check_page(page, "da")


def test_choosing_with_the_pointer_submits_at_once(page, live_server, locale):
    """With JavaScript, picking another language with mouse or touch needs no button press."""
    page.goto(live_server.url + "/")
    assert_lang(page, locale)
    other, name = OTHER[locale]
    with navigation(page):
        page.select_option("#language-select", label=name)
    assert_lang(page, other)
    with navigation(page):
        page.select_option("#language-select", label=NAMES[locale])
    assert_lang(page, locale)


def test_switch_without_javascript(new_context, live_server, locale):
    page = new_context(locale, java_script_enabled=False).new_page()
    page.goto(live_server.url + "/")
    assert_lang(page, locale)
    other, name = OTHER[locale]
    header_form = page.locator("header form.language-form")
    header_form.locator("#language-select").select_option(label=name)
    click_and_wait(page, header_form.locator("button[type=submit]"))
    assert_lang(page, other)
    header_form.locator("#language-select").select_option(label=NAMES[locale])
    click_and_wait(page, header_form.locator("button[type=submit]"))
    assert_lang(page, locale)
