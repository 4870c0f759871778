"""The bounds of registry/core/inputs.py on their own: what they accept, refuse and never raise on."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from registry.core.inputs import (
    INT_MAX,
    MAX_PAGE,
    is_multi_line,
    is_single_line,
    list_index,
    page_arg,
    parse_int,
)
from tests.fuzz.strategies import NASTY

QUICK = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def test_parse_int_reads_ascii_digits_within_the_bounds():
    assert parse_int("42") == 42 and parse_int("007") == 7 and parse_int("-3", -5, 5) == -3
    assert parse_int(str(INT_MAX)) == INT_MAX
    for refused in (str(INT_MAX + 1), "-1", "²", "٣", "1_000", " 5", "+5", "1.0", "1e3", "", None, 5, "9" * 4301):
        assert parse_int(refused) is None, refused


@QUICK
@given(st.one_of(st.text(), st.sampled_from(NASTY), st.integers().map(str)),
       st.integers(-(2**40), 2**40), st.integers(-(2**40), 2**40))
def test_parse_int_never_raises_and_stays_within_its_bounds(value, low, high):
    number = parse_int(value, low, high)
    ascii_number = re.fullmatch(r"-?[0-9]{1,30}", value) is not None
    assert number == (int(value) if ascii_number and low <= int(value) <= high else None)


def test_a_list_index_is_a_small_ascii_number():
    assert list_index("0") == 0 and list_index("29", 29) == 29
    assert [list_index(value, 29) for value in ("30", "-1", "²", "٣", "99999999999999999999", "x")] == [None] * 6


def test_a_page_is_clamped_to_the_pages_there_can_be(app):
    for asked, page in (("3", 3), ("0", 1), ("-7", 1), ("99999999999999999999", MAX_PAGE), ("²", 1), ("", 1),
                        ("1e3", 1), ("9" * 4301, 1)):
        with app.test_request_context(query_string={"page": asked}):
            assert page_arg() == page, asked
    with app.test_request_context():
        assert page_arg() == 1


def test_one_line_text_refuses_controls_and_bidi_overrides_and_nothing_else():
    for refused in ("a\rb", "a\nb", "a\tb", "\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", *map(chr, range(
            0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))):
        assert not is_single_line(refused), repr(refused)
    for kept in ("", None, "Foreningen Ærø", "جمعية", "עמותה", "友好協会", "a\u200db", "a\u200fb", "½ ² ٣", "😀"):
        assert is_single_line(kept), repr(kept)


def test_multi_line_text_keeps_line_breaks_and_tabs_and_bidi_text():
    assert is_multi_line("One\r\nTwo\tthree \u202eflipped\u202c \u2028")
    for refused in ("\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85"):
        assert not is_multi_line(f"a{refused}b"), repr(refused)
