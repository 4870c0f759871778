"""Locale selection and helpers for translated labels."""

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import dates as babel_dates
from flask import current_app, request, session
from flask_babel import get_locale, get_translations
from flask_login import current_user
from jinja2 import pass_context

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


#: (locale, message) → translation, for templates: a page asks for some fifty messages, and Flask-Babel
#: looks the catalogue up through the request context for each. Catalogues do not change while the app runs.
_TRANSLATED: dict[tuple[str, str], str] = {}
_MEMO_LIMIT = 20_000  # messages come from templates, so the set is small; the limit only guards against misuse


@pass_context
def _template_gettext(context, message: str) -> str:
    locale = context.get("current_locale")
    if locale is None:
        return get_translations().ugettext(message)
    key = (locale, message)
    found = _TRANSLATED.get(key)
    if found is None:
        found = get_translations().ugettext(message)
        if len(_TRANSLATED) < _MEMO_LIMIT:
            _TRANSLATED[key] = found
    return found


@lru_cache(maxsize=8192)
def _formatted_date(value, format: str, locale: str, zone: str) -> str:
    moment = value
    if isinstance(value, datetime):
        moment = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(ZoneInfo(zone))
    return babel_dates.format_date(moment, format, locale=locale)


def format_date(value, format: str = "medium") -> str:
    """A date (or a datetime's date in the app's time zone) in the current language; repeated dates are reused.

    Lists show a date per row, and Babel takes longer over one than the rest of the row together.
    """
    return _formatted_date(value, format, str(get_locale()), current_app.config["BABEL_DEFAULT_TIMEZONE"])


def install_template_gettext(app) -> None:
    """Let templates translate through the memo above; plural forms keep Flask-Babel's own lookup."""
    app.jinja_env.install_gettext_callables(
        gettext=_template_gettext,
        ngettext=lambda s, p, n: get_translations().ungettext(s, p, n),
        pgettext=lambda c, s: get_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: get_translations().unpgettext(c, s, p, n),
        newstyle=True)
