"""Field types and validators shared by the wizard steps."""

import re

from flask_babel import gettext as _
from wtforms import SelectMultipleField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from registry.core.inputs import INT_MAX, parse_int

PHONE = re.compile(r"^\+?[0-9 ()\-]{6,20}$")


class MultiCheckboxField(SelectMultipleField):
    """Several checkboxes sharing one name; rendered as a fieldset by the form macros."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form) -> None:
        """Refuse keys that are not offered (a tampered form), with a readable message."""
        if not self.validate_choice:
            return
        offered = {str(value) for value, *_ in self.iter_choices()} if self.choices else set()
        for value in self.data or []:
            if str(value) not in offered:
                raise ValidationError(_("Choose from the list."))


def phone_number(form, field) -> None:
    """Digits, spaces, brackets, dashes and a leading +."""
    if field.data and not PHONE.match(field.data.strip()):
        raise ValidationError(_("Type a phone number with digits only, e.g. +45 12 34 56 78."))


def clean_text(value: str | None) -> str | None:
    """Strip surrounding space; empty becomes None."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def optional_int(value) -> int | None:
    """Coerce a submitted id to int; empty stays None so DataRequired can speak.

    Only ASCII digits up to the largest id the database holds: anything else raises ValueError, which the
    select field reports as an invalid choice (an unbounded int would reach the database and fail there).
    """
    if value in (None, ""):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    number = parse_int(value, 1, INT_MAX)
    if number is None:
        raise ValueError(f"not an id: {value!r}")
    return number
