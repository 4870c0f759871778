"""Reading staff pages the way a browser does: result lists, counts, and forms to post back."""

import re
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import event

from registry.extensions import db
from tests.pages import FormReader


def result_ids(html: str) -> list[int]:
    """Ids of the associations listed in the search result table, in the order shown."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return [int(found) for found in re.findall(r'href="/staff/associations/(\d+)"', body)]


def dashboard_counts(html: str) -> dict[str, int]:
    """The per-status figures on the dashboard, keyed by status."""
    found = re.findall(r'href="/staff/search\?status=(\w+)"><span class="stat-number">(\d+)</span>', html)
    return {status: int(count) for status, count in found}


def links_with(html: str, path: str) -> list[dict[str, list[str]]]:
    """Query strings of the links in the page that point at the path."""
    hrefs = re.findall(r'href="([^"]+)"', html.replace("&amp;", "&"))
    return [parse_qs(urlsplit(href).query) for href in hrefs if urlsplit(href).path == path]


def form_fields(html: str, action: str) -> dict[str, str]:
    """The values a browser would post from the page's form with this action (last value wins)."""
    reader = FormReader(action)
    reader.feed(html)
    return dict(reader.fields)


def case_form(case, lock_version: int | None = None, **items: dict) -> dict[str, str]:
    """Form data for every item of a case's checklist; ``items`` maps an item key to its field values."""
    data = {"lock_version": str(case.lock_version if lock_version is None else lock_version)}
    for index, item in enumerate(case.template.items):
        values = {"answer": None, "note": "", "evidence_type": "none", "evidence_document_id": "",
                  "evidence_url": "", "evidence_observed_on": "", "evidence_source": ""}
        values.update(items.get(item["key"], {}))
        data[f"answers-{index}-item_key"] = item["key"]
        for name, value in values.items():
            if value is not None:
                data[f"answers-{index}-{name}"] = str(value)
    return data


def item_index(case, key: str) -> int:
    """The position of an item in the case's checklist (form field names use it)."""
    return [item["key"] for item in case.template.items].index(key)


class StatementCounter:
    """Count the SQL statements sent to the database while active."""

    def __init__(self):
        self.count = 0

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        if not statement.startswith("BEGIN"):  # SQLite's explicit transaction start; PostgreSQL's is implicit
            self.count += 1

    def __enter__(self):
        event.listen(db.engine, "before_cursor_execute", self)
        return self

    def __exit__(self, *exc):
        event.remove(db.engine, "before_cursor_execute", self)


def statements_for(client, url: str) -> int:
    """How many SQL statements one GET of the page costs, with nothing of it cached in the session."""
    db.session.commit()
    db.session.expire_all()  # every loaded object must be read again, as in a new request's session
    with StatementCounter() as counter:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return counter.count
