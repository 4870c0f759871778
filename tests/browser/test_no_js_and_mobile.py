"""The site without JavaScript, and on a 375 px wide phone screen."""

import pytest

from tests.browser.helpers import (
    ASSOCIATIONS,
    assert_error_summary,
    association_by_id,
    check_page,
    click_and_wait,
    continue_step,
    create_association,
    fill_governance,
    fill_identity,
    log_in,
    make_user_with_association,
    newest_association_id,
    register_account,
    screenshot,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


def test_register_an_association_without_javascript(new_context, live_server, locale):
    data = ASSOCIATIONS[locale]
    page = new_context(locale, java_script_enabled=False).new_page()
    register_account(page, live_server, locale, email=f"nojs.{locale}@example.org", shots=False)
    assert page.locator("#error-summary").count() == 0
    page.goto(live_server.url + "/associations/new")
    check_page(page, locale)
    create_association(page, locale)
    association_id = newest_association_id(live_server)
    assert page.url.endswith(f"/associations/{association_id}/step/identity")

    # The home municipality select and the region groups (<details>) work without a script;
    # the filter boxes, which need one, stay hidden.
    check_page(page, locale)
    assert page.locator("#active-filter").is_hidden()
    assert page.locator("#home-filter").is_hidden()
    fill_identity(page, locale)
    continue_step(page)
    assert page.url.endswith("/step/purpose"), page.url
    saved = association_by_id(live_server, association_id)
    assert saved["registration_number"] == data["number"]
    assert saved["home"] == data["home"]
    assert saved["active"] == sorted(data["active"])
    assert saved["email"] == data["email"]

    # Governance: "Add a board member" is a submit button; the server adds the row.
    page.goto(f"{live_server.url}/associations/{association_id}/step/governance")
    assert page.locator("fieldset.board-row").count() == 1
    fill_governance(page, locale, members=10, paying=25)
    assert page.locator("fieldset.board-row").count() == 2
    check_page(page, locale)
    continue_step(page)
    # Without a script the error summary is shown at the top; nothing moves focus there.
    assert_error_summary(page, "paying_member_count", focused=False)
    check_page(page, locale)
    assert page.input_value("[id='board_members-1-name']") == data["board"][1][0]
    page.fill("#paying_member_count", "8")
    continue_step(page)
    assert page.url.endswith("/step/roles"), page.url
    assert [name for name, _ in association_by_id(live_server, association_id)["board"]] == \
        [name for name, _, _ in data["board"]]


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = page.evaluate("""w => Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > w + 0.5)
            .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                + ' ' + Math.round(e.getBoundingClientRect().right))""", PHONE["width"])
        raise AssertionError(f"{page.url} scrolls sideways at 375 px: scrollWidth {width}; too wide: {wide}")


def test_no_horizontal_scrolling_at_375px(new_context, live_server, locale):
    email, association_id, password = make_user_with_association(live_server, locale, complete=True)
    live_server.query(lambda: _make_public(association_id))
    anonymous = new_context(locale, viewport=PHONE).new_page()
    for path, name in (("/", "home"), ("/account/login", "login"), ("/account/register", "register"),
                       ("/directory", "directory"), (f"/directory/{association_id}", "public-profile")):
        anonymous.goto(live_server.url + path)
        no_horizontal_scroll(anonymous)
        check_page(anonymous, locale, f"mobile-{name}" if name == "home" else None)

    page = new_context(locale, viewport=PHONE).new_page()
    log_in(page, live_server, email, password)
    base = f"{live_server.url}/associations/{association_id}"
    for path, name in (("/step/identity", "identity-step"), ("/step/governance", "governance-step"),
                       ("/review", "review")):
        page.goto(base + path)
        no_horizontal_scroll(page)
        check_page(page, locale, f"mobile-{name}" if name != "review" else None)

    # The error state, two board rows and the region groups opened.
    page.goto(base + "/step/governance")
    click_and_wait(page, page.locator("main [name=add_row]"))
    page.fill("#member_count", "5")
    page.fill("#paying_member_count", "50")
    continue_step(page)
    assert_error_summary(page, "paying_member_count")
    no_horizontal_scroll(page)
    check_page(page, locale)
    page.goto(base + "/step/identity")
    for summary in page.locator("#active-list summary").all()[:3]:
        summary.click()
    page.fill("[name=registration_number]", "123")
    continue_step(page)
    assert_error_summary(page, "registration_number")
    no_horizontal_scroll(page)
    check_page(page, locale)
    screenshot(page, f"{locale}-mobile-identity-error")


def _make_public(association_id: int) -> None:
    from registry.associations.models import Association
    from registry.core.models import utcnow
    from registry.extensions import db

    # A profile is public once the association consented and submitted; a draft's answers 404.
    association = db.session.get(Association, association_id)
    association.public_profile, association.status, association.submitted_at = True, "submitted", utcnow()
    db.session.commit()
