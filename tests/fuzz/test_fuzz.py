"""Fuzzing every form, query string and id in a URL: no input gives a server error, and a refusal saves nothing.

Each form of targets.py is posted by its actor with values drawn by Hypothesis (strategies.py): control and
bidi characters, other scripts' digits, numbers past every column, dates that do not exist, fields missing,
repeated or extra. Runs are derandomised, so a failure shows again on the next run, with its smallest example.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from werkzeug.routing import IntegerConverter

from registry.audit.models import AuditEvent
from registry.extensions import db
from tests.fuzz.conftest import control_characters_stored, rows_in_every_table
from tests.fuzz.strategies import HUGE, VALID, any_text, number_text
from tests.fuzz.targets import TARGETS

FUZZ = settings(max_examples=15, deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])

#: A post answered with a redirect was saved, unless it leaves an error message for the page it leads to.
REDIRECTS = (302, 303)


def _refused(client, response) -> bool:
    """The post was refused: the form is shown again (or an error page), or the redirect carries an error."""
    if response.status_code not in REDIRECTS:
        return True
    with client.session_transaction() as session:
        return any(category == "error" for category, _message in session.get("_flashes", []))


def _saved_state() -> tuple:
    """The rows of every table and the head of the audit trail: a refused post changes neither."""
    state = (rows_in_every_table(), db.session.scalar(select(func.max(AuditEvent.id))))
    db.session.rollback()  # a read outside a request opens a transaction of its own: end it
    return state


#: Values every field is tried with: past every integer column, a digit int() cannot read, the characters that
#: broke e-mail headers (CR), PostgreSQL (NUL) and the reading of names (a bidi override), and two values at once.
EDGES = (HUGE, "²", "x\x00\r\u202ey", ["1", "x"])


def _examples(target) -> int:
    """More examples for a form with more fields: each field is spoilt a few times."""
    return min(10 + 2 * len(target.fields), 50)


@pytest.mark.parametrize("target", TARGETS, ids=[target.name for target in TARGETS])
def test_no_form_input_gives_a_server_error(world, target):
    """Any submission of the form is answered below 500; a refused one saves nothing, an accepted one no
    control character (nor, in a one-line field, a bidi override)."""
    client = world.client(target.actor) if target.actor else None

    def post(drawn):
        url = target.url(world)  # makes the records the form needs before the state is read
        data = target.data(world, drawn)
        poster = client or world.client(None)  # an anonymous visitor: a new one each time
        with poster.session_transaction() as session:
            session.pop("_flashes", None)  # messages a redirect of an earlier example left for a page never shown
        before = _saved_state()
        response = poster.post(url, data=data, content_type="multipart/form-data" if target.multipart else None)
        assert response.status_code < 500, response.status_code
        if _refused(poster, response):
            assert _saved_state() == before, (response.status_code, data)
        else:
            assert control_characters_stored() == [], data
            db.session.rollback()

    # First every field once at each edge, the others passing; then whatever Hypothesis draws.
    for name, field in target.fields.items():
        for edge in (*EDGES, *field.edges):
            post(({**dict.fromkeys(target.fields, VALID), name: edge}, {}))
    settings(FUZZ, max_examples=_examples(target))(given(drawn=target.submission())(post))()


QUERIES = {
    "/directory": {"q": any_text, "country": any_text, "page": number_text},
    "/staff/search": {"q": any_text, "status": any_text, "role": any_text, "local_area": any_text,
                      "has_number": any_text, "documents_complete": any_text, "sort": any_text, "page": number_text},
    "/staff/search/export.csv": {"q": any_text, "target_group": any_text, "sort": any_text},
    "/staff/publication": {"year": number_text},
    "/staff/supervision/": {"year": number_text},
}


@pytest.mark.parametrize("path", list(QUERIES))
def test_no_query_string_gives_a_server_error(world, path):
    """Search words, filters, page numbers and years of any kind: a page, never a server error."""
    client = world.client("owner" if path == "/directory" else "admin")
    world.association.public_profile = True  # something to find
    db.session.commit()

    def get(query: dict):
        response = client.get(path, query_string=query)
        assert response.status_code < 500, (response.status_code, query)

    for name in QUERIES[path]:
        for edge in (*EDGES, "9" * 4301):
            get({name: edge})
    settings(FUZZ, max_examples=10)(given(st.fixed_dictionaries({}, optional=QUERIES[path]))(get))()


def _int_rules(app) -> list:
    return sorted({rule.rule: rule for rule in app.url_map.iter_rules() if "<int:" in rule.rule}.values(),
                  key=lambda rule: rule.rule)


def _path(rule, values: dict) -> str:
    return re.sub(r"<(?:[^:>]+:)?(\w+)>", lambda found: values[found.group(1)], rule.rule)


def _others(converter) -> st.SearchStrategy:
    """Values for a route's arguments that are not ids: any(...) offers its own, a plain string a few."""
    return st.sampled_from(sorted(getattr(converter, "items", ["dk", "751", "x"])))


ids_in_urls = st.one_of(st.integers(min_value=0, max_value=2**31 + 5).map(str),
                        st.sampled_from([HUGE, str(2**31), str(2**63), "0" * 40 + "1", "9" * 4301, "²", "٣"]))


def test_no_id_in_a_url_gives_a_server_error(app, world):
    """Every route with an id, asked for with any number by anyone: found, refused or not found."""
    world.association  # noqa: B018  (ids that exist)

    def ask(rule, values: dict, actor: str | None):
        path = _path(rule, values)
        for method in sorted(rule.methods & {"GET", "POST"}):
            response = getattr(world.client(actor), method.lower())(path)
            assert response.status_code < 500, (method, path, response.status_code)

    for rule in _int_rules(app):  # first every route with every id at once past the columns
        ask(rule, {argument: HUGE if isinstance(converter, IntegerConverter) else sorted(
            getattr(converter, "items", ["dk"]))[0] for argument, converter in rule._converters.items()}, "officer")

    @settings(FUZZ, max_examples=60)
    @given(draw=st.data())
    def fuzz(draw):
        rule = draw.draw(st.sampled_from(_int_rules(app)), label="rule")
        values = {argument: draw.draw(ids_in_urls if isinstance(converter, IntegerConverter) else _others(converter),
                                      label=argument)
                  for argument, converter in rule._converters.items()}
        ask(rule, values, draw.draw(st.sampled_from(["owner", "officer", None]), label="actor"))

    fuzz()
