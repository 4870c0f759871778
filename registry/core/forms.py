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
    """(anchor id, label, message) for every error: the form's own first, then each field's, nested included.

    A form's own error is a message, or (anchor id, label, message) when it concerns something on the page that
    is not one of the form's fields, such as a checklist item. A FormField entry may carry a ``summary_label``
    that names it (e.g. "3. Has the association a board?") before its fields' labels.
    """
    found: list[tuple[str, str, str]] = [
        error if isinstance(error, tuple) else ("", "", str(error)) for error in getattr(form, "form_errors", [])]
    for field in form:
        found.extend(_field_errors(field))
    return found


def _field_errors(field: Field, prefix: str = "") -> list[tuple[str, str, str]]:
    if isinstance(field, FieldList):
        return [error for entry in field for error in _field_errors(entry, prefix)]
    if isinstance(field, FormField):
        named = getattr(field, "summary_label", None)
        return [error for sub in field for error in _field_errors(sub, f"{named} – " if named else prefix)]
    if field.errors and isinstance(field.errors, list):
        message = field.errors[0]
        if isinstance(message, str) or hasattr(message, "__html__") or not isinstance(message, list | dict):
            return [(field.id, prefix + str(field.label.text), str(message))]
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


class FieldErrors(Exception):
    """Every problem a service found with one submission, so that the form can show them all at once."""

    def __init__(self, errors: list[FieldValueError]) -> None:
        super().__init__(*[error.field for error in errors])
        self.errors = errors

    def __str__(self) -> str:
        return "; ".join(str(error) for error in self.errors)


def raise_all(errors: list[FieldValueError]) -> None:
    """Raise the errors together, if there are any."""
    if errors:
        raise FieldErrors(errors)


def apply_service_errors(form: Form, error: FieldValueError | FieldErrors,
                         labels: dict[str, str] | None = None) -> None:
    """Copy a service's field-keyed errors onto the form so each shows next to its field.

    An error keyed to something that is not a field of the form goes into the summary, linked to that key as an
    anchor on the page and named by ``labels`` (e.g. a checklist item's number and text).
    """
    for one in getattr(error, "errors", [error]):
        target = getattr(form, one.field, None)
        if isinstance(target, Field):
            target.errors = [*target.errors, str(one)] if isinstance(target.errors, list) else [str(one)]
        elif labels is not None and one.field in labels:
            form.form_errors.append((one.field, labels[one.field], str(one)))
        else:
            form.form_errors.append(str(one))


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
