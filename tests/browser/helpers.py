"""Helpers shared by the browser tests: accessibility checks, screenshots and the wizard's steps.

Fields are found by their stable name/id attributes and buttons by name/value or by the
form they belong to, never by their (translated) text: the catalogues change while the
suite is written, the attributes do not.
"""

import functools
import io
import re
from contextlib import contextmanager
from pathlib import Path

from flask_babel import force_locale
from sqlalchemy import select

#: Screenshots of the main pages, overwritten on every run.
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

PASSWORD = "Rødgrød med fløde på en solrig tirsdag"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: Real-looking data for an association in each country; the locale picks the country.
ASSOCIATIONS = {
    "da": {
        "country": "DK",
        "name": "Gellerup Boldklub",
        "number": "13585628",
        "bad_number": "13585627",
        "home": "Aarhus",
        "region": "Region Midtjylland",
        "active": ["Odder", "Skanderborg"],
        "address": "Gudrunsvej 20",
        "postcode": "8220",
        "city": "Brabrand",
        "email": "kontakt@gellerupboldklub.dk",
        "phone": "+45 86 12 34 56",
        "website": "www.gellerupboldklub.dk",
        "purpose": "Foreningens formål er at fremme fællesskab og sundhed gennem fodbold for børn og unge.",
        "activities": "Fodboldtræning for piger og drenge hver tirsdag og torsdag på Gellerup Stadion.",
        "areas": "Gellerup\nToveshøj\nBrabrand",
        "board": [("Anna Berg Nielsen", "chair", "2026-03-01"), ("Yusuf Demir", "treasurer", "2026-03-01")],
        "signer": ("Anna Berg Nielsen", "Formand"),
    },
    "sv": {
        "country": "SE",
        "name": "Hammarkullens Idrottsförening",
        "number": "802400-0104",
        "bad_number": "802400-0105",
        "home": "Göteborg",
        "region": "Västra Götalands län",
        "active": ["Mölndal", "Partille"],
        "address": "Hammarkullsgatan 12",
        "postcode": "424 37",
        "city": "Angered",
        "email": "info@hammarkullensif.se",
        "phone": "+46 31 123 45 67",
        "website": "www.hammarkullensif.se",
        "purpose": "Föreningens ändamål är att främja gemenskap och hälsa genom fotboll för barn och unga.",
        "activities": "Fotbollsträning för flickor och pojkar varje tisdag och torsdag på Hammarkullens IP.",
        "areas": "Hammarkullen\nHjällbo\nAngered",
        "board": [("Sara Lindqvist", "chair", "2026-03-01"), ("Ahmed Hassan", "treasurer", "2026-03-01")],
        "signer": ("Sara Lindqvist", "Ordförande"),
    },
}


# ---------------------------------------------------------------- checks


def assert_accessible(page) -> None:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now; fail on any violation."""
    violations = _axe_violations(page)
    if violations:
        lines = [f"axe found {len(violations)} violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} "
                         f"<{violation['helpUrl']}>")
            for node in violation["nodes"][:10]:
                lines.append(f"    target {node['target']}: {node.get('failureSummary', '').strip()}")
        raise AssertionError("\n".join(lines))


def _axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    mirror_context = getattr(page.context, "axe_mirror", None)
    if mirror_context is None:
        return Axe().run(page, options=options).response["violations"]
    # JavaScript is off in this page: check the very same DOM in the scripting twin, served under
    # the same URL (so the stylesheet loads) with site.js blocked.
    html, url = page.content(), page.url
    mirror = mirror_context.new_page()
    try:
        mirror.route("**/*.js", lambda route: route.abort())
        mirror.route(lambda address: address == url,
                     lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
        mirror.goto(url)
        return Axe().run(mirror, options=options).response["violations"]
    finally:
        mirror.close()


def assert_lang(page, locale: str) -> None:
    """The page declares the language it is written in."""
    assert page.locator("html").get_attribute("lang") == locale, page.url


def screenshot(page, name: str) -> None:
    """Save a full-page PNG under docs/screenshots/ (overwritten every run).

    Reduced to a 256-colour palette (flat page colours survive; a third of the bytes), with
    Pillow, which WeasyPrint already brings.
    """
    from PIL import Image

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE) \
        .save(SCREENSHOT_DIR / f"{name}.png")


def check_page(page, locale: str, shot: str | None = None) -> None:
    """Every page a flow reaches: right language, no axe violations, optionally a screenshot."""
    assert_lang(page, locale)
    assert_accessible(page)
    if shot:
        screenshot(page, f"{locale}-{shot}")


def assert_error_summary(page, expect_field: str | None = None, focused: bool = True) -> list[str]:
    """The error summary is shown and (with JavaScript) focused; each link points at an existing field.

    Returns the ids the summary links to.
    """
    summary = page.locator("#error-summary")
    assert summary.count() == 1, f"no error summary on {page.url}"
    assert summary.is_visible()
    if focused:
        page.wait_for_function("document.activeElement && document.activeElement.id === 'error-summary'")
    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs, "the error summary lists no errors"
    ids = []
    for href in hrefs:
        assert href.startswith("#"), href
        target = href[1:]
        assert page.locator(f"[id='{target}']").count() == 1, f"error link {href} points at nothing"
        ids.append(target)
    if expect_field:
        assert expect_field in ids, ids
    return ids


def active_id(page) -> str:
    """The id (or tag and class) of the element that has focus."""
    return page.evaluate("""() => { const e = document.activeElement;
        return e ? (e.id || (e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))) : ''; }""")


# ---------------------------------------------------------------- navigation


@contextmanager
def navigation(page):
    """Wait for the page load that an action inside the block starts (POST → 303 → GET)."""
    with page.expect_navigation(wait_until="load"):
        yield


def click_and_wait(page, locator) -> None:
    """Click something that submits a form or follows a link, and wait for the next page."""
    with navigation(page):
        locator.click()


def main_form(page, has=None):
    """The form inside <main> (the header has forms of its own)."""
    forms = page.locator("main form")
    return forms.filter(has=page.locator(has)) if has else forms.first


def submit_main_form(page, has=None) -> None:
    """Press the submit button of the main form."""
    click_and_wait(page, main_form(page, has).locator("button[type=submit]").last)


def continue_step(page) -> None:
    """Press "Save and continue" in a wizard step."""
    click_and_wait(page, page.locator("main [name=action][value=continue]"))


# ---------------------------------------------------------------- accounts


def register_account(page, server, locale: str, email: str, name: str = "Anna Berg Nielsen",
                     shots: bool = True) -> None:
    """Create an account through /account/register, open the link in the verification mail, and log in."""
    page.goto(server.url + "/account/register")
    check_page(page, locale, "register" if shots else None)
    page.fill("#display_name", name)
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.fill("#password_confirm", PASSWORD)
    submit_main_form(page)
    # The answer is the same for a taken address, so it cannot log in: it asks to check the mail, then log in.
    assert page.url.endswith("/account/login"), page.url
    check_page(page, locale)
    link = server.link_in_mail(email)
    assert link.startswith(server.url + "/account/verify/"), link
    page.goto(link)
    assert page.url.endswith("/account/login"), page.url
    log_in(page, server, email)
    assert page.url.endswith("/associations/"), page.url
    assert page.locator("form[action$='/verify/resend']").count() == 0  # confirmed: no warning left
    check_page(page, locale, "my-associations" if shots else None)


def log_in(page, server, email: str, password: str = PASSWORD) -> None:
    """Log in through the login form."""
    page.goto(server.url + "/account/login")
    page.fill("#email", email)
    page.fill("#password", password)
    submit_main_form(page)
    assert "/account/login" not in page.url, "login failed"


@functools.cache
def _password_hash() -> str:
    """One argon2 hash of PASSWORD for every test user (hashing takes a noticeable fraction of a second)."""
    from registry.accounts.passwords import hash_password

    return hash_password(PASSWORD)


def make_user_with_association(server, locale: str, complete: bool = False, email: str | None = None,
                               with_association: bool = True):
    """Create a verified user (and an association in the locale's country) directly in the database.

    Returns (email, association id or None, password).
    """
    from registry.accounts.models import User
    from registry.core.models import utcnow
    from registry.extensions import db
    from tests.factories import Factories

    password_hash = _password_hash()

    def build():
        user = User(email=email or f"owner.{locale}@example.org", display_name="Anna Berg Nielsen",
                    password_hash=password_hash, locale=locale, email_verified_at=utcnow())
        db.session.add(user)
        db.session.commit()
        if not with_association:
            return user.email, None
        data = ASSOCIATIONS[locale]
        association = Factories().association(owner=user, country=data["country"], complete=complete,
                                              name=data["name"])
        return user.email, association.id

    address, association_id = server.query(build)
    return address, association_id, PASSWORD


def association_by_id(server, association_id: int):
    """Read an association (with what the browser saved) from the database."""
    from registry.associations.models import Association
    from registry.extensions import db

    def read():
        association = db.session.get(Association, association_id)
        return {
            "name": association.name,
            "country": association.country,
            "status": association.status,
            "public_profile": association.public_profile,
            "registration_number": association.registration_number,
            "home": association.home_municipality.name if association.home_municipality else None,
            "active": sorted(m.name for m in association.active_municipalities),
            "email": association.email,
            "board": [(m.name, m.role) for m in association.board_members],
        }

    return server.query(read)


def newest_association_id(server) -> int:
    from registry.associations.models import Association
    from registry.extensions import db

    return server.query(lambda: db.session.scalar(select(Association.id).order_by(Association.id.desc())))


def translated(server, locale: str, message: str, **variables) -> str:
    """A message as the app's compiled catalogue renders it in a locale."""
    from flask_babel import gettext

    with server.app.test_request_context(), force_locale(locale):
        return gettext(message, **variables)


# ---------------------------------------------------------------- the wizard


def create_association(page, locale: str, check: bool = True) -> None:
    """Fill in the first question (name and country) and start the registration."""
    data = ASSOCIATIONS[locale]
    page.fill("#name", data["name"])
    page.check(f"main [name=country][value={data['country']}]")
    submit_main_form(page)
    assert re.search(r"/associations/\d+/step/identity$", page.url), page.url


def fill_identity(page, locale: str) -> None:
    """Step 1: number, home municipality (the select), active municipalities, contact details."""
    data = ASSOCIATIONS[locale]
    page.fill("[name=registration_number]", data["number"])
    page.select_option("#home_municipality", label=data["home"])
    region = page.locator("#active-list details").filter(
        has=page.locator("summary", has_text=re.compile("^" + re.escape(data["region"]))))
    region.locator("summary").click()
    for name in data["active"]:
        region.get_by_label(name, exact=True).check()
    page.fill("#address", data["address"])
    page.fill("#postcode", data["postcode"])
    page.fill("#city", data["city"])
    page.fill("#email", data["email"])
    page.fill("#phone", data["phone"])
    page.fill("#website", data["website"])


def fill_purpose(page, locale: str) -> None:
    """Step 2: purpose, activities, target groups, local areas, languages."""
    data = ASSOCIATIONS[locale]
    page.fill("#purpose", data["purpose"])
    page.fill("#activities", data["activities"])
    for key in ("children", "youth", "newcomers"):
        page.check(f"[name=target_groups][value={key}]")
    page.fill("#local_areas", data["areas"])
    for code in ("da", "sv", "ar", "so"):
        page.check(f"[name=languages][value={code}]")


def fill_governance(page, locale: str, members: int = 40, paying: int = 31) -> None:
    """Step 3: two board rows (the second added with the button), counts and the three questions."""
    data = ASSOCIATIONS[locale]
    add_board_rows(page, data["board"])
    page.fill("#member_count", str(members))
    page.fill("#paying_member_count", str(paying))
    page.fill("#volunteer_count", "9")
    page.fill("#founded_year", "1998")
    for question in ("assembly_elects_board", "open_to_all", "non_commercial"):
        page.check(f"[name={question}][value=yes]")


def add_board_rows(page, board) -> None:
    """Fill the board rows, pressing "Add a board member" for each row after the first."""
    for index, (name, role, elected) in enumerate(board):
        if page.locator(f"[id='board_members-{index}-name']").count() == 0:
            click_and_wait(page, page.locator("main [name=add_row]"))
        page.fill(f"[id='board_members-{index}-name']", name)
        page.select_option(f"[id='board_members-{index}-role']", value=role)
        page.fill(f"[id='board_members-{index}-elected_on']", elected)


def fill_roles(page) -> None:
    """Step 4: roles, motivations, forms of collaboration."""
    for key in ("activities", "arena", "contact"):
        page.check(f"[name=roles][value={key}]")
    page.fill("#roles_description", "Vi har trænere og frivillige med stærk kontakt til familierne i området.")
    for key in ("premises", "reach"):
        page.check(f"[name=motivations][value={key}]")
    for key in ("co_creation", "volunteering"):
        page.check(f"[name=collaboration_forms][value={key}]")
    page.fill("#collaboration_note", "Gerne faste møder to gange om året.")


def upload_document(page, kind: str, filename: str, data: bytes, mime: str = "application/pdf") -> None:
    """Step 5: upload one document of a kind."""
    page.select_option("#kind", value=kind)
    page.set_input_files("#file", files=[{"name": filename, "mimeType": mime, "buffer": data}])
    submit_main_form(page, has="#file")


def give_declaration(page, kind: str, signer: tuple[str, str]) -> None:
    """Step 6: give one declaration."""
    form = page.locator(f"form[action$='/declarations/{kind}']")
    form.locator(f"[id='{kind}-signer_name']").fill(signer[0])
    form.locator(f"[id='{kind}-signer_role']").fill(signer[1])
    form.locator(f"[id='{kind}-confirm']").check()
    click_and_wait(page, form.locator("button[type=submit]"))
