"""Small helpers shared by the accounts tests: form posts and reading the rendered HTML."""

import html
import re

from sqlalchemy import func, select

from registry.accounts.models import User
from registry.extensions import db

#: Strong enough for the zxcvbn rule, and different from the factories' password.
STRONG = "vivid lantern orchard quietly"
OTHER_STRONG = "purple tugboat whistles at dawn"


def register(client, headers=None, **fields):
    """POST the registration form; fields override the defaults."""
    data = {"display_name": "Anna Berg", "email": "anna@example.org", "password": STRONG,
            "password_confirm": STRONG, **fields}
    return client.post("/account/register", data=data, headers=headers or {})


def log_in(client, email, password, **kwargs):
    """POST the login form."""
    return client.post("/account/login", data={"email": email, "password": password}, **kwargs)


def html_lang(response) -> str:
    """The page's <html lang>."""
    found = re.search(r'<html lang="([^"]*)"', response.get_data(as_text=True))
    assert found, response.get_data(as_text=True)[:300]
    return found.group(1)


def field_error(response, field_id: str) -> str | None:
    """The error message shown next to a form field, or None."""
    found = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>',
                      response.get_data(as_text=True), re.S)
    if not found:
        return None
    text = re.sub(r'<span class="visually-hidden">.*?</span>', "", found.group(1), flags=re.S)
    return html.unescape(" ".join(text.split()))


def flashes(response) -> list[tuple[str, str]]:
    """(category, text) of every flash message on the page."""
    return [(category, html.unescape(" ".join(text.split()))) for category, text in re.findall(
        r'<div class="flash flash-(\w+)" role="\w+">(.*?)</div>', response.get_data(as_text=True), re.S)]


def page_shows(response, text: str) -> bool:
    """Whether the page's text contains the (unescaped) text."""
    return " ".join(text.split()) in " ".join(html.unescape(response.get_data(as_text=True)).split())


def input_value(response, name: str) -> str | None:
    """The value="" of the input with this name, or None."""
    page = response.get_data(as_text=True)
    tag = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', page)
    if not tag:
        return None
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return html.unescape(value.group(1)) if value else None


def reload(user: User) -> User:
    """The user as stored now (drops what the session remembers)."""
    db.session.expire_all()
    return db.session.get(User, user.id)


def user_count() -> int:
    """How many accounts exist."""
    return db.session.scalar(select(func.count()).select_from(User))


def user_by_email(email: str) -> User | None:
    """The stored user with exactly this address."""
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == email))


def is_logged_in(client) -> bool:
    """Whether the client's session is logged in (the account page answers instead of redirecting)."""
    return client.get("/account/settings").status_code == 200
