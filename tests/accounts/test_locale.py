"""Which language a page is served in, and the language switch."""

import pytest

from tests.accounts.helpers import html_lang, reload


@pytest.mark.parametrize(("accept_language", "expected"), [
    ("sv", "sv"),
    ("sv-SE,sv;q=0.9,en;q=0.5", "sv"),
    ("en-GB,en;q=0.9", "en"),
    ("fr-FR,de;q=0.5", "da"),
    (None, "da"),
])
def test_accept_language(client, accept_language, expected):
    """Without a choice or a logged-in user, Accept-Language decides, and Danish is the fallback."""
    headers = {"Accept-Language": accept_language} if accept_language else {}

    assert html_lang(client.get("/", headers=headers)) == expected


def test_user_preference_beats_accept_language(client, factories, login):
    """A logged-in user with no session choice gets their saved language."""
    login(factories.user(locale="en"))
    with client.session_transaction() as session:
        assert "locale" not in session

    assert html_lang(client.get("/")) == "en"
    assert html_lang(client.get("/", headers={"Accept-Language": "sv"})) == "en"


def test_explicit_choice_beats_user_preference(client, factories, login):
    """A language chosen in this session wins over the user's saved preference."""
    user = factories.user(locale="en")
    login(user)
    with client.session_transaction() as session:
        session["locale"] = "sv"

    assert html_lang(client.get("/")) == "sv"
    assert reload(user).locale == "en"


def test_explicit_choice_beats_accept_language(client):
    """An anonymous visitor's choice wins over the browser's Accept-Language."""
    client.post("/language", data={"language": "en"})

    assert html_lang(client.get("/", headers={"Accept-Language": "sv"})) == "en"


def test_logging_in_hands_over_to_user_preference(client, factories, login):
    """A choice made before logging in gives way to the user's saved language."""
    client.post("/language", data={"language": "sv"})
    login(factories.user(locale="en"))

    assert html_lang(client.get("/")) == "en"


def test_language_switch_anonymous(client):
    """POST /language switches the following pages and returns to the local next page."""
    response = client.post("/language", data={"language": "sv", "next": "/directory?q=fodbold"})

    assert response.status_code == 303
    assert response.headers["Location"] == "/directory?q=fodbold"
    assert html_lang(client.get("/directory")) == "sv"


def test_language_switch_stores_user_preference(client, factories, login):
    """For a logged-in user the choice is also saved on the account."""
    user = factories.user(locale="da")
    login(user)

    assert client.post("/language", data={"language": "sv"}).status_code == 303

    assert reload(user).locale == "sv"
    assert html_lang(client.get("/account/settings")) == "sv"


@pytest.mark.parametrize("language", ["fr", "", "SV", "sv-SE"])
def test_language_switch_unknown_language(client, language):
    """A language the site does not offer answers 400 and changes nothing."""
    response = client.post("/language", data={"language": language})

    assert response.status_code == 400
    with client.session_transaction() as session:
        assert "locale" not in session
    assert html_lang(client.get("/")) == "da"


def test_language_switch_missing_language(client):
    """A switch without a language answers 400."""
    assert client.post("/language").status_code == 400


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example",
                                    "javascript:alert(1)"])
def test_language_switch_ignores_offsite_next(client, target):
    """An off-site next after switching language is replaced by the front page."""
    response = client.post("/language", data={"language": "en", "next": target})

    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_language_switch_get_not_allowed(client):
    """The language switch changes state, so it only answers POST."""
    assert client.get("/language?language=sv").status_code == 405
