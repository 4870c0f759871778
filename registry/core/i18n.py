"""Locale selection and helpers for translated labels."""

from flask import current_app, request, session
from flask_login import current_user

LANGUAGE_NAMES = {"da": "Dansk", "sv": "Svenska", "en": "English"}


def select_locale() -> str:
    """Explicit choice → the user's saved preference → Accept-Language → Danish."""
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("locale")
    if chosen in languages:
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    best = request.accept_languages.best_match(languages)
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def localized(texts: dict[str, str], locale: str) -> str:
    """Pick the text for a locale from a {da, sv, en} mapping, falling back to English, then Danish."""
    return texts.get(locale) or texts.get("en") or texts.get("da") or ""
