"""Checks on the translation catalogues, shared by `flask translate check` and the tests."""

import re
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def catalogue_problems(directory: Path, languages: tuple[str, ...] = ("da", "sv", "en")) -> list[str]:
    """Empty, fuzzy or placeholder-mismatched entries in each language's messages.po."""
    problems = []
    for language in languages:
        path = directory / language / "LC_MESSAGES" / "messages.po"
        if not path.exists():
            problems.append(f"{language}: {path} is missing")
            continue
        with path.open("rb") as handle:
            catalogue = read_po(handle, locale=language)
        for message in catalogue:
            if not message.id:
                continue
            problems.extend(f"{language}: {issue}: {message.id!r}" for issue in _issues(message))
    return problems


def _issues(message) -> list[str]:
    issues = []
    if message.fuzzy:
        issues.append("fuzzy")
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    if not all(strings):
        issues.append("empty")
        return issues
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    expected = _placeholders(ids[0])
    if any(_placeholders(text) - expected for text in strings):
        issues.append("unknown placeholder")
    return issues


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)[sd]", text))


def fill_source_language(path: Path) -> int:
    """English is the source language: every entry's text is its msgid; returns entries changed."""
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale="en")
    changed = 0
    for message in catalogue:
        if not message.id:
            continue
        wanted = tuple(message.id) if isinstance(message.id, tuple) else message.id
        if message.string != wanted or message.fuzzy:
            message.string, changed = wanted, changed + 1
            message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=0, sort_by_file=True)
    return changed
