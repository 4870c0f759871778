"""Template helpers that turn stored keys into labels in the reader's language."""

from types import SimpleNamespace

from flask_babel import get_locale
from flask_babel import gettext as _

from registry.associations import choices
from registry.screening.choices import FLAG_REASONS


def language_labels(codes: list[str]) -> list[str]:
    """Names of languages given by ISO code, in the reader's language."""
    names = get_locale().languages
    return [names.get(code, code).capitalize() for code in codes]


def yes_no(value: bool | None) -> str:
    """Yes, No or a dash for unanswered."""
    if value is None:
        return "–"
    return _("Yes") if value else _("No")


def template_context() -> dict:
    """What association templates need to show labels."""
    return {
        "labels": SimpleNamespace(target_groups=choices.TARGET_GROUPS, board_roles=choices.BOARD_ROLES,
                                  roles=choices.ROLES, motivations=choices.MOTIVATIONS,
                                  collaboration_forms=choices.COLLABORATION_FORMS,
                                  document_kinds=choices.DOCUMENT_KINDS),
        "statuses": choices.STATUSES,
        "rights_choices": choices.RIGHTS,
        "language_labels": language_labels,
        "yes_no": yes_no,
        "flag_reasons": FLAG_REASONS,
    }
