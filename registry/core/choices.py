"""Enumerations stored as keys, shown through translated labels."""

from collections.abc import Iterable

from flask_babel import LazyString, get_locale
from wtforms import SelectChoice


class Choices:
    """An ordered set of (key, lazy label[, lazy help]) used by forms, models and templates."""

    def __init__(self, *items: tuple) -> None:
        self._items = [(item[0], item[1], item[2] if len(item) > 2 else None) for item in items]
        self._labels = {key: label for key, label, _ in self._items}
        self._help = {key: help_ for key, _, help_ in self._items}
        self._by_locale: dict[str, dict[str, str]] = {}

    def __iter__(self):
        return iter(key for key, _, _ in self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._labels

    @property
    def keys(self) -> list[str]:
        """All keys in display order."""
        return [key for key, _, _ in self._items]

    def label(self, key: str) -> str | LazyString:
        """The translated label of a key (the key itself if unknown)."""
        return self._labels.get(key, key)

    def help(self, key: str) -> str | LazyString | None:
        """The translated explanation of a key, if any."""
        return self._help.get(key)

    def form_choices(self) -> list[SelectChoice]:
        """Choices for WTForms select, radio and checkbox fields."""
        return [SelectChoice(key, label) for key, label, _ in self._items]

    def labels(self, keys: Iterable[str]) -> list[str]:
        """Translated labels of the given keys in display order."""
        wanted = set(keys)
        return [label for key, label in self.translated().items() if key in wanted]

    def translated(self) -> dict[str, str]:
        """Key → label in the current language, in display order; translated once per language.

        Result lists show a label per row; looking each one up through gettext again costs more than the row.
        """
        locale = str(get_locale())
        found = self._by_locale.get(locale)
        if found is None:
            found = self._by_locale[locale] = {key: str(label) for key, label, _ in self._items}
        return found
