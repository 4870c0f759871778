"""The account page: display name and preferred language."""

from urllib.parse import urlsplit

from tests.accounts.helpers import field_error, flashes, html_lang, input_value, reload


def _save(client, **fields):
    return client.post("/account/settings", data={"display_name": "Anna Berg", "locale": "da", **fields})


def test_settings_show_current_values(client, factories, login):
    """The form is filled in with the user's name and language."""
    login(factories.user(display_name="Anna Berg", locale="en"))

    response = client.get("/account/settings")

    assert response.status_code == 200
    assert input_value(response, "display_name") == "Anna Berg"
    assert '<option selected value="en">' in response.get_data(as_text=True)


def test_save_name_and_language(client, factories, login, translate):
    """Name and language are saved on the user, and the next page is in the new language."""
    user = factories.user(display_name="Anna Berg", locale="da")
    login(user)

    response = _save(client, display_name="  Anna Berg-Lund ", locale="sv")

    assert response.status_code == 303
    assert response.headers["Location"] == "/account/settings"
    user = reload(user)
    assert (user.display_name, user.locale) == ("Anna Berg-Lund", "sv")
    page = client.get("/account/settings")
    assert html_lang(page) == "sv"
    assert ("success", translate("Your settings have been saved.", "sv")) in flashes(page)


def test_unknown_language_not_saved(client, factories, login):
    """A language the site does not offer is refused on the form and not saved."""
    user = factories.user(locale="da")
    login(user)

    response = _save(client, locale="fr")

    assert response.status_code == 200
    assert field_error(response, "locale")
    assert reload(user).locale == "da"


def test_empty_name_not_saved(client, factories, login):
    """The name is required."""
    user = factories.user(display_name="Anna Berg")
    login(user)

    response = _save(client, display_name="")

    assert response.status_code == 200
    assert field_error(response, "display_name")
    assert reload(user).display_name == "Anna Berg"


def test_settings_require_login(client):
    """Anonymous visitors are sent to log in."""
    response = client.post("/account/settings", data={"display_name": "X", "locale": "sv"})

    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/account/login"
