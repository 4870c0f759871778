"""Helpers shared by forms and the form macros."""

from flask_babel import lazy_gettext as _l
from wtforms import Field, Form, SelectChoice
from wtforms.fields import FieldList, FormField
from wtforms.validators import ValidationError

YES_NO = [SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))]


def form_errors(form: Form) -> list[tuple[str, str, str]]:
    """(field id, label, first message) for every field in error, nested lists included."""
    found: list[tuple[str, str, str]] = []
    for field in form:
        found.extend(_field_errors(field))
    return found


def _field_errors(field: Field) -> list[tuple[str, str, str]]:
    if isinstance(field, FieldList):
        return [error for entry in field for error in _field_errors(entry)]
    if isinstance(field, FormField):
        return [error for sub in field for error in _field_errors(sub)]
    if field.errors and isinstance(field.errors, list):
        message = field.errors[0]
        if isinstance(message, str) or hasattr(message, "__html__") or not isinstance(message, (list, dict)):
            return [(field.id, str(field.label.text), str(message))]
    return []


def describedby_ids(field: Field, hint: str | None) -> str:
    """The ids of a field's hint and error message, for aria-describedby."""
    ids = []
    if hint:
        ids.append(f"{field.id}-hint")
    if field.errors:
        ids.append(f"{field.id}-error")
    return " ".join(ids)


def yes_no_to_bool(value: str | None) -> bool | None:
    """Map a yes/no radio answer to a nullable boolean."""
    return {"yes": True, "no": False}.get(value or "")


def bool_to_yes_no(value: bool | None) -> str | None:
    """Map a nullable boolean to the yes/no radio value."""
    return None if value is None else ("yes" if value else "no")


class FieldValueError(ValidationError):
    """A validation error raised by a service, keyed by the form field it concerns."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def apply_service_errors(form: Form, error: FieldValueError) -> None:
    """Copy a service's field-keyed error onto the form so it shows next to the field."""
    target = getattr(form, error.field, None)
    if target is not None:
        target.errors = [*target.errors, str(error)] if isinstance(target.errors, list) else [str(error)]
    else:
        form.form_errors.append(str(error))


def strip_text(value: str | None) -> str | None:
    """Remove surrounding white space (a pasted e-mail address often carries some)."""
    return value.strip() if isinstance(value, str) else value
