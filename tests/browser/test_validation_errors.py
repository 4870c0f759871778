"""A mistake in each step: the page comes back with an error summary that has focus and
links to real fields, and everything else the person typed is still there."""

import pytest

from tests.browser.helpers import (
    ASSOCIATIONS,
    PASSWORD,
    add_board_rows,
    assert_error_summary,
    check_page,
    click_and_wait,
    continue_step,
    log_in,
    make_user_with_association,
    submit_main_form,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def association_id(page, live_server, locale):
    """A verified user, logged in through the form, who owns a filled-in association."""
    email, association_id, password = make_user_with_association(live_server, locale)
    log_in(page, live_server, email, password)
    return association_id


def step_url(server, association_id, step):
    if step in ("identity", "purpose", "governance", "roles"):
        return f"{server.url}/associations/{association_id}/step/{step}"
    return f"{server.url}/associations/{association_id}/{step}"


def test_register_keeps_name_and_email(page, live_server, locale):
    page.goto(live_server.url + "/account/register")
    page.fill("#display_name", "Maria Jensen")
    page.fill("#email", "maria@example.org")
    page.fill("#password", PASSWORD)
    page.fill("#password_confirm", PASSWORD + " og lidt til")
    submit_main_form(page)
    assert_error_summary(page, "password_confirm")
    assert page.input_value("#display_name") == "Maria Jensen"
    assert page.input_value("#email") == "maria@example.org"
    assert page.input_value("#password_confirm") == ""  # passwords are never sent back
    check_page(page, locale, "register-error")


def test_create_without_name_keeps_country(page, association_id, live_server, locale):
    page.goto(live_server.url + "/associations/new")
    country = ASSOCIATIONS[locale]["country"]
    page.check(f"main [name=country][value={country}]")
    submit_main_form(page)
    assert_error_summary(page, "name")
    assert page.is_checked(f"main [name=country][value={country}]")
    check_page(page, locale, "create-error")


def test_identity_invalid_number_keeps_address_and_email(page, association_id, live_server, locale):
    data = ASSOCIATIONS[locale]
    page.goto(step_url(live_server, association_id, "identity"))
    page.fill("[name=registration_number]", data["bad_number"])
    page.fill("#address", data["address"])
    page.fill("#email", data["email"])
    continue_step(page)
    assert page.url.endswith("/step/identity")
    assert_error_summary(page, "registration_number")
    assert page.get_attribute("#registration_number", "aria-invalid") == "true"
    assert page.input_value("#registration_number") == data["bad_number"]
    assert page.input_value("#address") == data["address"]
    assert page.input_value("#email") == data["email"]
    assert page.locator("#home_municipality option:checked").inner_text() == data["home"]
    check_page(page, locale, "identity-error")


def test_purpose_missing_keeps_activities(page, association_id, live_server, locale):
    page.goto(step_url(live_server, association_id, "purpose"))
    activities = ASSOCIATIONS[locale]["activities"]
    page.fill("#purpose", "")
    page.fill("#activities", activities)
    continue_step(page)
    assert page.url.endswith("/step/purpose")
    assert_error_summary(page, "purpose")
    assert page.input_value("#activities") == activities
    check_page(page, locale, "purpose-error")


def test_governance_more_paying_than_members_keeps_board(page, association_id, live_server, locale):
    data = ASSOCIATIONS[locale]
    page.goto(step_url(live_server, association_id, "governance"))
    add_board_rows(page, data["board"])
    page.fill("#member_count", "10")
    page.fill("#paying_member_count", "25")
    continue_step(page)
    assert page.url.endswith("/step/governance")
    assert_error_summary(page, "paying_member_count")
    for index, (name, role, elected) in enumerate(data["board"]):
        assert page.input_value(f"[id='board_members-{index}-name']") == name
        assert page.input_value(f"[id='board_members-{index}-role']") == role
        assert page.input_value(f"[id='board_members-{index}-elected_on']") == elected
    assert page.input_value("#member_count") == "10"
    check_page(page, locale, "governance-error")


def test_roles_other_without_description_keeps_note(page, association_id, live_server, locale):
    page.goto(step_url(live_server, association_id, "roles"))
    note = "Vi mødes gerne med kommunen hvert kvartal."
    page.check("[name=roles][value=other]")
    page.fill("#roles_description", "")
    page.fill("#collaboration_note", note)
    continue_step(page)
    assert page.url.endswith("/step/roles")
    assert_error_summary(page, "roles_description")
    assert page.input_value("#collaboration_note") == note
    assert page.is_checked("[name=roles][value=other]")
    check_page(page, locale, "roles-error")


def test_documents_text_file_named_pdf_is_refused(page, association_id, live_server, locale):
    page.goto(step_url(live_server, association_id, "documents"))
    page.select_option("#kind", value="minutes")
    page.set_input_files("#file", files=[{"name": "referat.pdf", "mimeType": "application/pdf",
                                          "buffer": b"Referat af generalforsamlingen, ikke en PDF.\n"}])
    submit_main_form(page, has="#file")
    assert page.url.endswith("/documents")
    assert_error_summary(page, "file")
    assert page.locator("#file-error").is_visible()
    assert page.input_value("#kind") == "minutes"
    assert page.locator("main table").count() == 0  # nothing was stored
    check_page(page, locale, "documents-error")


def test_declaration_without_tick_keeps_name(page, association_id, live_server, locale):
    signer, role = ASSOCIATIONS[locale]["signer"]
    page.goto(step_url(live_server, association_id, "declarations"))
    form = page.locator("form[action$='/declarations/democracy']")
    form.locator("[id='democracy-signer_name']").fill(signer)
    form.locator("[id='democracy-signer_role']").fill(role)
    click_and_wait(page, form.locator("button[type=submit]"))
    assert_error_summary(page, "democracy-confirm")
    assert page.input_value("[id='democracy-signer_name']") == signer
    assert page.input_value("[id='democracy-signer_role']") == role
    assert not page.is_checked("[id='democracy-confirm']")
    check_page(page, locale, "declarations-error")
