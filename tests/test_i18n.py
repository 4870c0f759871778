"""Translations: complete catalogues, and Danish and Swedish pages really served."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from config import BASE_DIR
from registry.core.catalogues import catalogue_problems

TRANSLATIONS = BASE_DIR / "translations"


def test_catalogues_have_no_empty_fuzzy_or_broken_entries():
    """Every da, sv and en entry is translated, not fuzzy, with the msgid's placeholders."""
    assert catalogue_problems(TRANSLATIONS) == []


def test_catalogues_cover_every_extracted_string():
    """messages.pot is up to date with the code, and each catalogue holds all its strings."""
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        template_ids = {message.id for message in read_po(handle) if message.id}
    for language in ("da", "sv", "en"):
        with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            ids = {message.id for message in read_po(handle) if message.id}
        assert template_ids <= ids, (language, sorted(map(str, template_ids - ids))[:5])


def test_pot_is_current(tmp_path):
    """Re-extracting finds no string missing from messages.pot (run `flask translate update`)."""
    import subprocess
    import sys

    out = tmp_path / "fresh.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l",
                    "-o", str(out), "."], check=True, cwd=BASE_DIR, capture_output=True)
    with out.open("rb") as handle:
        fresh = {message.id for message in read_po(handle) if message.id}
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        committed = {message.id for message in read_po(handle) if message.id}
    assert fresh - committed == set()


@pytest.mark.parametrize(("language", "expected"), [
    ("da", ["Opret konto", "Log ind"]),
    ("sv", ["Skapa konto", "Logga in"]),
    ("en", ["Create account", "Log in"]),
])
def test_pages_are_served_in_the_requested_language(client, language, expected):
    """The compiled catalogue is found (absolute path) and the page speaks the language."""
    page = client.get("/account/register", headers={"Accept-Language": language}).get_data(as_text=True)
    assert f'<html lang="{language}">' in page
    for text in expected:
        assert text in page


def test_form_errors_are_translated(client):
    """A validation message appears in Swedish for a Swedish visitor."""
    page = client.post("/account/register", data={"email": "x"},
                       headers={"Accept-Language": "sv"}).get_data(as_text=True)
    assert '<html lang="sv">' in page
    assert "This field is required" not in page


def test_translation_directory_is_absolute(app):
    """Flask-Babel resolves relative paths against the package; ours must be absolute."""
    assert Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]).is_absolute()
