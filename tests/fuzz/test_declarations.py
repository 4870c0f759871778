"""Every form field and route of the app declares the bounds of what it accepts (read from the code, no requests).

A new form or route that forgets them fails here, before any visitor finds the server error.
"""

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    PasswordField,
    StringField,
    TextAreaField,
)
from wtforms.fields.core import UnboundField
from wtforms.validators import NumberRange

from registry.core.inputs import INT_MAX, INT_MIN, BoundedFieldList, BoundedIntConverter, multi_line, single_line


def _form_classes() -> set[type]:
    found, pending = set(), list(FlaskForm.__subclasses__())
    while pending:
        cls = pending.pop()
        if cls.__module__.startswith("registry.") and cls not in found:
            found.add(cls)
            pending.extend(cls.__subclasses__())
    return found


def _fields(form_class: type, prefix: str = ""):
    """(dotted name, unbound field) of every field of the form, those of nested forms and lists included."""
    for name in dir(form_class):
        unbound = getattr(form_class, name, None)
        if isinstance(unbound, UnboundField):
            yield from _unbound(unbound, f"{prefix}{form_class.__name__}.{name}")


def _unbound(unbound: UnboundField, name: str):
    yield name, unbound
    if issubclass(unbound.field_class, FieldList):
        yield from _unbound(unbound.args[0], f"{name}[]")
    elif issubclass(unbound.field_class, FormField):
        yield from _fields(unbound.args[0] if unbound.args else unbound.kwargs["form_class"], f"{name} → ")


def _all_fields(app):
    forms = _form_classes()
    assert len(forms) > 20, forms  # every view module is imported by create_app
    return [field for form in sorted(forms, key=lambda cls: cls.__name__) for field in _fields(form)]


def _validators(unbound: UnboundField) -> list:
    return list(unbound.kwargs.get("validators") or (unbound.args[1] if len(unbound.args) > 1 else []))


def _resolve(value):
    return value() if callable(value) else value


def test_every_integer_field_fits_the_database_columns(app):
    """An IntegerField takes any int Python can parse; each is bounded within the database's INTEGER."""
    checked = []
    for name, unbound in _all_fields(app):
        if issubclass(unbound.field_class, IntegerField):
            validators = unbound.bind(form=None, name="x", _meta=FlaskForm.Meta()).validators
            ranges = [validator for validator in validators if isinstance(validator, NumberRange)]
            assert ranges, f"{name} has no NumberRange"
            low, high = _resolve(ranges[0].min), _resolve(ranges[0].max)
            assert low is not None and high is not None and INT_MIN <= low <= high <= INT_MAX, name
            checked.append(name)
    assert "CaseForm.lock_version" in checked and "GovernanceForm.founded_year" in checked


def test_every_one_line_text_field_refuses_control_and_bidi_characters(app):
    """Names, titles, references, search words: single_line; text areas: multi_line. E-mail fields are checked by
    their e-mail validator, passwords are never shown nor stored, hidden fields are checked by the service."""
    for name, unbound in _all_fields(app):
        kind = unbound.field_class
        if not issubclass(kind, StringField) or issubclass(kind, EmailField | PasswordField | HiddenField):
            continue
        expected = multi_line if issubclass(kind, TextAreaField) else single_line
        assert expected in _validators(unbound), f"{name} lacks {expected.__name__}"


def test_every_list_of_sub_forms_reads_only_ascii_indexes(app):
    for name, unbound in _all_fields(app):
        if issubclass(unbound.field_class, FieldList):
            assert issubclass(unbound.field_class, BoundedFieldList), name


def test_every_int_in_a_route_is_bounded(app):
    """Every <int:...> of every route is the app's converter: ASCII digits, at most INT_MAX."""
    bounded = [rule for rule in app.url_map.iter_rules()
               if any(isinstance(converter, BoundedIntConverter) for converter in rule._converters.values())]
    assert len(bounded) > 30
    for rule in app.url_map.iter_rules():
        for argument, converter in rule._converters.items():
            if isinstance(converter, BoundedIntConverter):
                assert converter.max <= INT_MAX and converter.regex == "[0-9]+", (rule.rule, argument)
            else:
                assert "Integer" not in type(converter).__name__, (rule.rule, argument)
