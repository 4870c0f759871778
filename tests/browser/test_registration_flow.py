"""The whole journey in a real browser: account, verification, every wizard step, submission.

Runs once with a Danish browser (a Danish association) and once with a Swedish one
(a Swedish association). Every page reached is checked with axe-core and photographed.
"""

import re

import pytest

from tests.browser.helpers import (
    ASSOCIATIONS,
    PDF,
    association_by_id,
    check_page,
    click_and_wait,
    continue_step,
    create_association,
    fill_governance,
    fill_identity,
    fill_purpose,
    fill_roles,
    give_declaration,
    register_account,
    translated,
    upload_document,
)

pytestmark = pytest.mark.browser

DOCUMENTS = {
    "da": [("statutes", "vedtægter.pdf"), ("minutes", "referat-generalforsamling-2026.pdf"),
           ("accounts", "årsregnskab-2025.pdf")],
    "sv": [("statutes", "stadgar.pdf"), ("minutes", "protokoll-årsmöte-2026.pdf"),
           ("accounts", "årsredovisning-2025.pdf")],
}
DECLARATIONS = {"da": ["child_certificates", "democracy"], "sv": ["democracy"]}


def test_register_an_association_from_account_to_public_profile(page, new_context, live_server, locale):
    data = ASSOCIATIONS[locale]
    server = live_server

    page.goto(server.url + "/")
    check_page(page, locale, "home")

    # Account and e-mail verification.
    register_account(page, server, locale, email=f"anna.{locale}@example.org")
    click_and_wait(page, page.locator("main a[href$='/associations/new']"))
    check_page(page, locale, "create")

    # The first question.
    create_association(page, locale)
    association_id = int(re.search(r"/associations/(\d+)/", page.url).group(1))

    # 1. Identity
    check_page(page, locale, "identity-step")
    # With JavaScript, a filter box narrows the long list of municipalities.
    first_active = data["active"][0]
    page.fill("#active-filter", first_active.lower())
    visible = page.locator("#active-list .choice:visible")
    assert visible.count() >= 1
    assert all(first_active.lower() in text.lower() for text in visible.all_inner_texts())
    check_page(page, locale)
    page.fill("#active-filter", "")
    assert page.locator("#active-list details[open]").count() == 0  # closed again when cleared
    fill_identity(page, locale)
    continue_step(page)
    assert page.url.endswith(f"/associations/{association_id}/step/purpose"), page.url
    saved = association_by_id(server, association_id)
    assert saved["country"] == data["country"]
    assert saved["registration_number"] == data["number"]
    assert saved["home"] == data["home"]
    assert saved["active"] == sorted(data["active"])

    # 2. Purpose
    check_page(page, locale, "purpose-step")
    fill_purpose(page, locale)
    continue_step(page)
    assert page.url.endswith("/step/governance"), page.url

    # 3. Governance: two board rows, the second added with the button.
    check_page(page, locale, "governance-step")
    fill_governance(page, locale)
    check_page(page, locale)
    continue_step(page)
    assert page.url.endswith("/step/roles"), page.url
    assert association_by_id(server, association_id)["board"] == [(name, role) for name, role, _ in data["board"]]

    # 4. Roles
    check_page(page, locale, "roles-step")
    fill_roles(page)
    continue_step(page)
    assert page.url.endswith(f"/associations/{association_id}/documents"), page.url

    # 5. Documents
    check_page(page, locale)
    for kind, filename in DOCUMENTS[locale]:
        upload_document(page, kind, filename, PDF)
    assert page.locator("main table tbody tr").count() == 3
    check_page(page, locale, "documents")
    click_and_wait(page, page.locator(f"main a.button[href$='/associations/{association_id}/declarations']"))

    # 6. Declarations
    check_page(page, locale, "declarations-step")
    for kind in DECLARATIONS[locale]:
        give_declaration(page, kind, data["signer"])
    assert page.locator("main form[action*='/declarations/']").count() == 0
    check_page(page, locale)
    click_and_wait(page, page.locator(f"main a.button[href$='/associations/{association_id}/review']"))

    # 7. Review: nothing missing; consent to the public profile; submit.
    check_page(page, locale, "review")
    assert page.locator("main .missing-list").count() == 0
    consent = page.locator("main form[action$='/consent']")
    consent.locator("#public_profile").check()
    click_and_wait(page, consent.locator("button[type=submit]"))
    assert page.locator("#public_profile").is_checked()
    assert association_by_id(server, association_id)["public_profile"] is True
    submit_button = page.locator("main form[action$='/submit'] button[type=submit]")
    assert submit_button.is_enabled()
    click_and_wait(page, submit_button)

    # The overview says the association is submitted, in the reader's language.
    assert page.url.endswith(f"/associations/{association_id}"), page.url
    check_page(page, locale, "submitted")
    assert association_by_id(server, association_id)["status"] == "submitted"
    assert page.locator("main .badge").first.inner_text().strip() == translated(server, locale, "Submitted")
    flash = page.locator(".flash-success").first.inner_text()
    assert flash.strip() == translated(server, locale, "The association has been submitted to %(municipality)s.",
                                       municipality=data["home"])

    # The public profile is reachable without logging in.
    anonymous = new_context(locale).new_page()
    anonymous.goto(server.url + "/directory")
    check_page(anonymous, locale, "directory")
    click_and_wait(anonymous, anonymous.locator(f"main a[href$='/directory/{association_id}']"))
    assert anonymous.locator("h1").inner_text().strip() == data["name"]
    assert data["home"] in anonymous.locator("main").inner_text()
    assert data["board"][0][0] not in anonymous.locator("main").inner_text()  # board members stay private
    check_page(anonymous, locale, "public-profile")
    response = anonymous.goto(server.url + f"/directory/{association_id}")
    assert response.status == 200
