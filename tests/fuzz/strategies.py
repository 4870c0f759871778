"""Everything the fuzz tests post, in one place: hostile values of every kind, and fields that name them.

A field of the table in targets.py is a kind (text, number, date, choice…) and a value that passes, so that a
submission can get past one check to the next. For each field Hypothesis draws: the passing value, a value
hostile to that kind, a value hostile to any kind, several values under the one name (a list where a scalar is
expected), or nothing at all (the field missing). Submissions also carry extra fields the form does not have.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

HUGE = "99999999999999999999"

#: Values that have broken, or could break, something on the way from a form to the database and back to a page.
NASTY = [
    "", " ", "\r", "\n", "\r\n", "\t", "\x00", "a\x00b", "\x7f", "\x85", "\x1b[31m", "\u2028", "\u2029",
    "\u202e", "abc\u202edcb", "\u2066x\u2069", "\u200f", "\ufeff", "\ufffd", "\U0001f600", "e\u0301",
    "²", "٣", "١٢", "߃", "Ⅻ", "-1", "0", "1", "007", "2147483647", "2147483648", "-2147483649",
    "9223372036854775807", "9223372036854775808", HUGE, "-" + HUGE, "9" * 4301, "1e5", "1.5", "NaN", "inf", "0x1F",
    "1_000", " 5 ", "+5", "true", "None", "null", "[]", "{}", "' OR '1'='1", "\"; DROP TABLE users; --",
    "<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", "%(x)s", "%s%n", "../../etc/passwd", "C:\\con\\nul",
    "x" * 20_001, "é" * 301, "https://example.org/\r\nX-Injected: 1", "javascript:alert(1)", "//evil.example",
    "a@b", "@", "Anna Berg <anna@example.org>", "anna@exa\u202emple.org", "anna\r\n@example.org",
    "2025-02-30", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "2025-13-01", "٢٠٢٥-٠١-٠١",
]

#: Field names a form does not have, or has with an index no browser sends.
EXTRA_NAMES = [
    "csrf_token", "lock_version", "action", "add_row", "remove_row", "next", "id", "association_id", "status",
    "board_members-²-name", "board_members-٣-name", f"board_members-{HUGE}-name", "board_members--1-name",
    "board_members-0", "board_members-", "answers-²-note", f"answers-{HUGE}-answer", "answers-0-item_key",
    "answers-999-item_key", "answers-0-evidence_document_id", "file", "\x00", "a\u202eb", "x" * 300,
]

any_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Nd", "No", "Nl"]), max_size=8),
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(["Anna", "42", "https://x.dk/", ""]),
              st.sampled_from(NASTY[:30]), st.text(max_size=5)),
)

#: Numbers at and past the edges of the database's columns, and strings Python's int() reads another way.
EDGE_NUMBERS = ["0", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                HUGE, "-" + HUGE, "9" * 4301, "²", "٣", "١٢", "߃", "1_000", " 5", "+5", "1.0", "1e3", "0x10", "", "-0"]

number_text = st.one_of(
    st.sampled_from(EDGE_NUMBERS),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.integers(min_value=-3, max_value=3000).map(str),
)

date_text = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["2025-02-30", "2025-13-01", "25-01-01", "2025/01/01", "01-01-2025", "٢٠٢٥-٠١-٠١", "now"]),
)

email_text = st.one_of(st.emails(), st.sampled_from(["a@b", "@", "anna@exa\u202emple.org", "anna\r\n@x.dk"]))


class _Valid:
    """The field's passing value, filled in when the submission is made (it may depend on the world then)."""

    def __repr__(self) -> str:
        return "VALID"


VALID = _Valid()
MISSING = object()


@dataclass(frozen=True, repr=False)
class Field:
    """A form field: what kind of value it takes, and a value that passes (or a function of the world giving one)."""

    kind: st.SearchStrategy
    valid: Any = ""
    many: bool = False  # a multiple-choice field: the passing value is a list
    edges: tuple = ()  # values tried every run besides the shared edges, for what this field parses itself

    def passing(self, world) -> Any:
        return self.valid(world) if callable(self.valid) else self.valid

    def hostile(self) -> st.SearchStrategy:
        """Anything but the passing value: another of the kind, any text, several values, or none at all."""
        return st.one_of(
            self.kind,
            any_text,
            st.lists(st.one_of(self.kind, any_text), min_size=2, max_size=3),
            st.just(MISSING),
        )

    def values(self) -> st.SearchStrategy:
        """What Hypothesis posts under this field's name when every field is drawn freely."""
        return st.one_of(st.just(VALID), self.hostile())


def text(valid: Any = "Anna Berg") -> Field:
    return Field(any_text, valid)


def textarea(valid: Any = "Line one.\r\nLine two.") -> Field:
    return Field(st.one_of(any_text, st.text(max_size=200)), valid)


def number(valid: Any = "12") -> Field:
    return Field(number_text, valid)


def day(valid: Any = None) -> Field:
    return Field(date_text, valid if valid is not None else date.today().isoformat())


def future_day() -> Field:
    return Field(date_text, lambda world: (date.today() + timedelta(days=14)).isoformat())


def choice(options, valid: Any = None, many: bool = False) -> Field:
    options = list(options)
    picked = st.lists(st.sampled_from(options), max_size=3) if many else st.sampled_from(options)
    return Field(picked, valid if valid is not None else ([options[0]] if many else options[0]), many)


def flag(valid: Any = "y") -> Field:
    """A checkbox or a button (its passing value None: not pressed, the field absent)."""
    return Field(st.sampled_from(["y", "on", "1", "true", "false", "0", "", "yes", "no"]), valid)


def email(valid: Any = "kontakt@forening.example") -> Field:
    return Field(email_text, valid)


def password(valid: Any = "correct horse battery staple") -> Field:
    return Field(st.one_of(st.text(max_size=40), st.sampled_from(["short", "password123", "x" * 1000])), valid)


def world_value(function: Callable, kind: st.SearchStrategy = number_text, edges: tuple = ()) -> Field:
    """A field whose passing value comes from the world (an id, a version, an item key)."""
    return Field(kind, function, edges=edges)


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

upload = st.tuples(
    st.one_of(st.just(PDF), st.binary(max_size=64), st.sampled_from([b"", b"PK\x03\x04" + b"\x00" * 30,
                                                                      b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"])),
    st.one_of(st.just("statutes.pdf"), any_text, st.text(max_size=20).map(lambda name: name + ".pdf")),
)


def file() -> Field:
    """An uploaded file: (content, file name); the passing one is a small PDF."""
    return Field(upload, (PDF, "statutes.pdf"))


extra_fields = st.dictionaries(st.one_of(st.sampled_from(EXTRA_NAMES), st.text(max_size=12)), any_text, max_size=3)


@dataclass(frozen=True)
class Target:
    """A form of the app: where it posts, who posts it, and its fields."""

    name: str
    path: str  # formatted with the world's records: "/associations/{association.id}/documents"
    actor: str | None  # an actor of the world, None for an anonymous visitor
    fields: dict[str, Field] = field(default_factory=dict)
    multipart: bool = False

    def __repr__(self) -> str:
        return f"Target({self.name!r})"

    def url(self, world) -> str:
        return self.path.format_map(_Lookup(world))

    def submission(self) -> st.SearchStrategy:
        """One submission: a value (or VALID, or MISSING) for each field, and extra fields.

        Mostly the passing submission with one to three fields spoilt, so that a hostile value gets past the
        form's other checks to the service and the database; sometimes every field drawn freely.
        """
        names = sorted(self.fields)

        def spoil(chosen: list[str]) -> st.SearchStrategy:
            return st.fixed_dictionaries({name: self.fields[name].hostile() if name in chosen else st.just(VALID)
                                          for name in names})

        spoilt = st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True).flatmap(spoil) if names \
            else st.just({})
        free = st.fixed_dictionaries({name: one.values() for name, one in self.fields.items()})
        return st.tuples(st.one_of(spoilt, free), extra_fields)

    def data(self, world, drawn: tuple[dict, dict]) -> dict:
        """The form data to post for a drawn submission."""
        values, extra = drawn
        data = {name: value for name, value in extra.items() if name not in self.fields}
        for name, value in values.items():
            if value is VALID:
                value = self.fields[name].passing(world)
            if value is MISSING or value is None:
                continue
            data[name] = _as_posted(value)
        return data


def _as_posted(value):
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes):
        import io

        return (io.BytesIO(value[0]), value[1])
    if isinstance(value, list):
        return [_as_posted(one) for one in value]
    return value if isinstance(value, str | tuple) else str(value)


class _Lookup(dict):
    def __init__(self, world) -> None:
        super().__init__()
        self.world = world

    def __missing__(self, key: str):
        return getattr(self.world, key)
