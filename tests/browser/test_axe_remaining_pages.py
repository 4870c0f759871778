"""axe-core and <html lang> on the pages no other browser test reaches, in Danish and in Swedish.

Account settings and passwords, the public directory and a profile, the checklist (with the
administrator's "add local item" form and its error state), the staff people page (and its
invitation error state), supervision (rounds, a drawn round, a case and the sanction form's error
state), the decision settings, the award page and its error state, publication (Aarhus: manage,
publish, the public list and the index; Göteborg: the page saying Swedish law asks for no list) and
the 403 and 404 pages.

The data is seeded through the services: an officer and an administrator of Aarhus (da) or
Göteborg (sv) with their decision settings, three submitted, complete associations with final
positive screening decisions, two of them awarded a grant (so that supervision has a population to
draw from and the yearly list has entries), and the checklist templates.
"""

import re
from datetime import date

import pytest

from tests.browser.helpers import (
    ASSOCIATIONS,
    assert_error_summary,
    assert_lang,
    check_page,
    click_and_wait,
    log_in,
    submit_main_form,
)

pytestmark = pytest.mark.browser

PLACES = {"da": ("DK", "751"), "sv": ("SE", "1480")}
NAMES = {"da": ["Gellerup Boldklub", "Brabrand Skakklub", "Aarhus Vest Kor"],
         "sv": ["Hammarkullens Idrottsförening", "Angereds Schackklubb", "Hjällbo Kör"]}


def seed(server, locale: str) -> dict:
    """Staff of the locale's municipality, decided associations (one with a public profile), the checklists."""
    from registry.accounts.models import User
    from registry.checklists.services import load_templates
    from registry.core.models import utcnow
    from registry.extensions import db
    from tests.browser.helpers import _password_hash
    from tests.factories import Factories
    from tests.screening.helpers import award, decided_case

    country, code = PLACES[locale]
    data = ASSOCIATIONS[locale]

    def build():
        load_templates()
        factories = Factories()
        factories.decision_settings(country, code)
        municipality = factories.municipality(country, code)
        users = {}
        for key, role, name in (("owner", None, data["signer"][0]), ("officer", "officer", "Mette Sagsbehandler"),
                                ("admin", "administrator", "Lars Administrator")):
            extra = {"role": role, "municipality_id": municipality.id} if role else {}
            user = User(email=f"{key}.{locale}@example.org", display_name=name, password_hash=_password_hash(),
                        locale=locale, email_verified_at=utcnow(), **extra)
            db.session.add(user)
            db.session.commit()
            users[key] = user
        ids, cases = [], []
        for number, name in enumerate(NAMES[locale]):
            owner = users["owner"] if number == 0 else factories.user(locale=locale)
            association = factories.submitted_association(owner=owner, country=country, home=code, complete=True,
                                                          name=name, purpose=data["purpose"],
                                                          activities=data["activities"])
            association.public_profile = number == 0
            db.session.commit()
            case, _decision = decided_case(association, users["officer"], "eligible")
            if number < len(NAMES[locale]) - 1:  # the last is found eligible but never awarded
                award(case, users["officer"])
            ids.append(association.id)
            cases.append(case.id)
        return {"officer": users["officer"].email, "admin": users["admin"].email, "owner": users["owner"].email,
                "ids": ids, "cases": cases}

    return server.query(build)


def test_remaining_pages_are_accessible(new_context, live_server, locale):
    server = live_server
    seeded = seed(server, locale)
    country, code = PLACES[locale]
    first = seeded["ids"][0]

    # -- anyone: forgot password, the directory with a search, a public profile, /lists, 404 -------------------
    anonymous = new_context(locale).new_page()
    anonymous.goto(server.url + "/account/password/forgot")
    check_page(anonymous, locale)
    anonymous.goto(server.url + "/directory")
    anonymous.fill("#q", NAMES[locale][0].split()[0])
    submit_main_form(anonymous, has="#q")
    assert "q=" in anonymous.url, anonymous.url
    assert anonymous.locator(f"main a[href$='/directory/{first}']").count() == 1
    check_page(anonymous, locale)
    click_and_wait(anonymous, anonymous.locator(f"main a[href$='/directory/{first}']"))
    assert anonymous.locator("h1").inner_text().strip() == NAMES[locale][0]
    check_page(anonymous, locale)
    anonymous.goto(server.url + "/lists")
    check_page(anonymous, locale)
    response = anonymous.goto(server.url + "/no/such/page")
    assert response.status == 404
    check_page(anonymous, locale)

    # -- the officer: account settings, change password, 403 ------------------------------------------------
    officer = new_context(locale).new_page()
    log_in(officer, server, seeded["officer"])
    officer.goto(server.url + "/account/settings")
    check_page(officer, locale)
    officer.goto(server.url + "/account/password")
    check_page(officer, locale)
    response = officer.goto(server.url + "/staff/people")
    assert response.status == 403
    check_page(officer, locale)

    # -- the administrator: checklist, people, settings ------------------------------------------------------------
    admin = new_context(locale).new_page()
    log_in(admin, server, seeded["admin"])
    admin.goto(server.url + "/staff/checklists/")
    assert admin.locator("main form[action$='/staff/checklists/items']").count() == 1
    check_page(admin, locale, "checklist" if locale == "da" else None)
    submit_main_form(admin, has="#text_da")
    assert_error_summary(admin, expect_field="text_da")
    check_page(admin, locale)

    admin.goto(server.url + "/staff/people")
    check_page(admin, locale)
    submit_main_form(admin, has="#display_name")
    assert_error_summary(admin, expect_field="email")
    check_page(admin, locale)

    admin.goto(server.url + "/staff/screening/settings")
    check_page(admin, locale)

    # -- supervision: rounds, draw (1 at random + one by judgement), the round, a case, the sanction errors ----------
    admin.goto(server.url + "/staff/supervision/")
    check_page(admin, locale)
    assert re.search(r"\b2\b", admin.locator("main").inner_text())  # the population: the two awarded associations
    admin.fill("#sample_size", "1")
    admin.fill("#judgement", f"{seeded['ids'][-1]}: klage fra en nabo")
    submit_main_form(admin, has="#judgement")
    assert re.search(r"/staff/supervision/rounds/\d+$", admin.url), admin.locator("main").inner_text()[:2000]
    cases = admin.locator("main a[href*='/staff/supervision/cases/']")
    assert cases.count() in (1, 2)
    check_page(admin, locale, "supervision-round" if locale == "da" else None)
    click_and_wait(admin, cases.first)
    assert re.search(r"/staff/supervision/cases/\d+$", admin.url), admin.url
    check_page(admin, locale)
    submit_main_form(admin, has="#sanction-reasons")
    assert admin.url.endswith("/sanctions"), admin.url
    assert_error_summary(admin, expect_field="sanction-reasons")
    check_page(admin, locale)

    # -- an award on the last association's screening: the page, then its errors ---------------------------------
    admin.goto(server.url + f"/staff/awards/cases/{seeded['cases'][-1]}")
    check_page(admin, locale)
    submit_main_form(admin, has="#decision_reference")
    assert_error_summary(admin, expect_field="decision_reference")
    check_page(admin, locale)

    # -- publication: manage, publish, the public list, the index (Danish municipalities only) --------------------
    admin.goto(server.url + "/staff/publication")
    check_page(admin, locale)
    if country == "SE":  # Swedish law has no § 35 a: the page says so, and nothing is published
        assert admin.locator("main form[method=post]").count() == 0
        return
    year = date.today().year
    click_and_wait(admin, admin.locator("main form[method=post] button[type=submit]"))
    assert admin.url.endswith(f"/lists/{country.lower()}/{code}/{year}"), admin.url
    for name in NAMES[locale][:-1]:
        assert name in admin.locator("main").inner_text()
    assert NAMES[locale][-1] not in admin.locator("main").inner_text()  # eligible, but never awarded
    check_page(admin, locale, "publication-list" if locale == "da" else None)
    anonymous.goto(server.url + "/lists")
    assert anonymous.locator(f"main a[href$='/lists/{country.lower()}/{code}/{year}']").count() == 1
    assert_lang(anonymous, locale)
    check_page(anonymous, locale)
