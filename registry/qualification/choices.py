"""Answers, evidence types and recommendations of a qualification."""

from flask_babel import lazy_gettext as _l

from registry.core.choices import Choices

ANSWERS = Choices(
    ("met", _l("Met")),
    ("partly_met", _l("Partly met")),
    ("not_met", _l("Not met")),
    ("not_relevant", _l("Not relevant")),
    ("information_missing", _l("Information missing")),
)

EVIDENCE_TYPES = Choices(
    ("none", _l("No evidence")),
    ("document", _l("A document of the association")),
    ("link", _l("A link")),
    ("observation", _l("A dated observation")),
)

RECOMMENDATIONS = Choices(
    ("recommended", _l("Recommended as a partner")),
    ("recommended_with_conditions", _l("Recommended with conditions")),
    ("not_recommended", _l("Not recommended")),
)

CASE_STATUSES = Choices(
    ("open", _l("Open")),
    ("concluded", _l("Concluded")),
    ("superseded", _l("Superseded")),
)
