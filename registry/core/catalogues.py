"""Checks on the translation catalogues, shared by `flask translate check` and the tests."""

from pathlib import Path

from babel.messages.pofile import read_po


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
    import re

    return set(re.findall(r"%\((\w+)\)[sd]", text))
