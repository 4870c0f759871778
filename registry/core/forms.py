"""Helpers shared by forms and the form macros."""

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import Field, Form, SelectChoice
from wtforms.fields import FieldList, FormField
from wtforms.validators import ValidationError
from wtforms.widgets import Select, html_params

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
        if isinstance(message, str) or hasattr(message, "__html__") or not isinstance(message, list | dict):
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


class FixedChoicesSelect(Select):
    """A ``<select>`` whose options are rendered once per language: for fields whose choices never change.

    A filter form with a few dozen translated options is shown on every search; rendering each option through
    WTForms and gettext again costs more than the search itself. Only the chosen option differs per request.
    """

    def __init__(self) -> None:
        super().__init__()
        self._options: dict[str, list[tuple[str, str]]] = {}

    def _rendered(self, field) -> list[tuple[str, str]]:
        locale = str(get_locale())
        options = self._options.get(locale)
        if options is None:
            options = self._options[locale] = [
                (str(choice.value), f' value="{escape(choice.value)}">{escape(str(choice.label))}</option>')
                for choice in field.choices]
        return options

    def __call__(self, field, **kwargs) -> Markup:
        """The select with the field's value chosen; attributes as WTForms' own Select takes them."""
        kwargs.setdefault("id", field.id)
        chosen = str(field.data) if field.data is not None else None
        options = "".join(f"<option selected{rest}" if value == chosen else f"<option{rest}"
                          for value, rest in self._rendered(field))
        return Markup(f"<select {html_params(name=field.name, **kwargs)}>{options}</select>")
