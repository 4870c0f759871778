"""Bounds on what a request may carry: numbers that fit the database, ASCII list indexes, text without controls.

Python is more generous than a form or a URL should be. ``int()`` and ``str.isdigit()`` take "²" and "٣" for
digits (``int("²")`` then fails), and an ``int`` has no upper bound while the database's integer columns end at
2**31 - 1: past it PostgreSQL refuses the statement, and past 2**63 SQLite's driver cannot even bind the value.
Text is the same: a carriage return typed into a name breaks an e-mail header later, a NUL byte cannot be
stored in PostgreSQL at all, and a bidi override makes a name read differently from what it is. Whatever a
visitor sends must end as a form error, a 404 or a value ignored, never as a server error.
"""

import re

from flask import request
from flask_babel import lazy_gettext as _l
from werkzeug.routing import IntegerConverter, Map
from wtforms import FieldList, IntegerField
from wtforms.validators import NumberRange, ValidationError
from wtforms.widgets import HiddenInput

#: The database's INTEGER (PostgreSQL's is 32-bit): every id, count and year column of the app.
INT_MAX = 2**31 - 1
INT_MIN = -(2**31)
#: Further than any result list reaches (25 a page: 250 000 results); a page asked for past it is this one.
MAX_PAGE = 10_000
#: At most this many rows in a list of sub-forms (board members, checklist answers); later indexes are ignored.
MAX_LIST_INDEX = 999

#: ASCII digits, an optional minus; long enough for any bound above and far below int()'s 4 300-digit limit.
_INTEGER = re.compile(r"-?[0-9]{1,30}")

#: C0 and C1 control characters (line breaks and tabs included), the line and paragraph separators, and the
#: bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
_NOT_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: Control characters other than tab, line feed and carriage return: those a multi-line text may hold.
_NOT_MULTI_LINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def parse_int(value: object, minimum: int = 0, maximum: int = INT_MAX) -> int | None:
    """The integer that ``value`` spells in ASCII digits, if it lies within [minimum, maximum]; else None."""
    if not isinstance(value, str) or not _INTEGER.fullmatch(value):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def list_index(value: object, maximum: int = MAX_LIST_INDEX) -> int | None:
    """A row number in a form field's name or a button's value ("board_members-3-name", remove_row=3), or None."""
    return parse_int(value, 0, maximum)


def page_arg(name: str = "page") -> int:
    """The page of a result list asked for in the query string: 1 if missing or not a number, at most MAX_PAGE."""
    number = parse_int(request.args.get(name), -(10**30), 10**30)
    return 1 if number is None else min(max(number, 1), MAX_PAGE)


class BoundedIntConverter(IntegerConverter):
    """The app's ``<int:...>``: ASCII digits only, at most INT_MAX; any other value is a 404, as for a missing id.

    Werkzeug's own takes every script's digits (``\\d``) and any size, which the database then refuses.
    """

    regex = r"[0-9]+"

    def __init__(self, map: Map, fixed_digits: int = 0, min: int | None = None, max: int | None = None,
                 signed: bool = False) -> None:
        # A rule may narrow the range (<int(max=12):month>), never widen it past the column's.
        super().__init__(map, fixed_digits, min, INT_MAX if max is None or max > INT_MAX else max, signed)


def is_single_line(value: str | None) -> bool:
    """True if the text has no control character (line breaks and tabs included) and no bidi override."""
    return not value or not _NOT_SINGLE_LINE.search(value)


def is_multi_line(value: str | None) -> bool:
    """True if the text has no control character other than line breaks and tabs."""
    return not value or not _NOT_MULTI_LINE.search(value)


SINGLE_LINE_MESSAGE = _l("Type this on one line, without control characters or characters that change the "
                         "direction of the text.")
MULTI_LINE_MESSAGE = _l("Remove the control characters from the text. Line breaks and tabs are fine.")


def single_line(form, field) -> None:
    """Validator of every one-line text field: names, titles, references, search words."""
    if isinstance(field.data, str) and not is_single_line(field.data):
        raise ValidationError(str(SINGLE_LINE_MESSAGE))


def multi_line(form, field) -> None:
    """Validator of every text area: line breaks and tabs are welcome, other control characters are not."""
    if isinstance(field.data, str) and not is_multi_line(field.data):
        raise ValidationError(str(MULTI_LINE_MESSAGE))


class BoundedFieldList(FieldList):
    """A FieldList that reads only ASCII row numbers up to MAX_LIST_INDEX from the posted field names.

    WTForms' own passes any index that ``str.isdigit()`` accepts to ``int()``: "board_members-²-name" raises
    ValueError while the form is built, and "answers-٣-note" would quietly be row 3. Such names are ignored.
    """

    def _extract_indices(self, prefix, formdata):
        start = prefix + self._separator
        for key in formdata:
            if key.startswith(start):
                index = list_index(key[len(start):].split(self._field_separator, 1)[0])
                if index is not None:
                    yield index


#: A version no record has: records start at 1 and count up.
NO_VERSION = 0


class VersionField(IntegerField):
    """The hidden version of a record the page was loaded at (optimistic locking).

    A value that is not a version the column can hold (not ASCII digits, negative, past INT_MAX) reads as
    NO_VERSION, so the save is refused as made on a stale page ("someone else saved meanwhile") and the page
    comes back with the current version, never as a form error the visitor could not correct.
    """

    widget = HiddenInput()

    def __init__(self, label=None, validators=None, **kwargs) -> None:
        super().__init__(label, [*(validators or []), NumberRange(min=NO_VERSION, max=INT_MAX)], **kwargs)

    def process_formdata(self, valuelist) -> None:
        if valuelist:
            number = parse_int(valuelist[0], NO_VERSION, INT_MAX)
            self.data = NO_VERSION if number is None else number
