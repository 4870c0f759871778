"""Helpers for the association tests: form payloads, file samples and a small HTML reader."""

import io
import zipfile
from datetime import date
from html.parser import HTMLParser

from sqlalchemy import func, select

from registry.audit.models import AuditEvent
from registry.extensions import db
from registry.municipalities.models import Municipality
from tests.factories import PDF, Factories  # noqa: F401  (PDF is re-exported for the tests)

# -- reference data -----------------------------------------------------------------------------


def municipality_id(country: str, code: str) -> int:
    """The database id of a municipality from the reference data."""
    return db.session.scalar(select(Municipality.id).where(
        Municipality.country == country, Municipality.code == code))


def audit_events(action: str | None = None, **where) -> list[AuditEvent]:
    """Audit events, oldest first, optionally narrowed by action and column values."""
    statement = select(AuditEvent).order_by(AuditEvent.id)
    if action:
        statement = statement.where(AuditEvent.action == action)
    for column, value in where.items():
        statement = statement.where(getattr(AuditEvent, column) == value)
    return list(db.session.scalars(statement))


def count(model, *conditions) -> int:
    """How many rows of a model match the conditions."""
    return db.session.scalar(select(func.count()).select_from(model).where(*conditions))


# -- logging in with a client of any app ----------------------------------------------------------


def log_in(test_client, user, password: str = Factories.PASSWORD):
    """Log in through the real login form (for apps built with make_app, CSRF off)."""
    response = test_client.post("/account/login", data={"email": user.email, "password": password})
    assert response.status_code == 303, response.data[:500]
    return test_client


# -- form payloads as a browser sends them -----------------------------------------------------


def identity_data(country: str = "DK", home: str | None = None, **overrides) -> dict:
    """A valid identity step for a Danish (Aarhus) or Swedish (Göteborg) association."""
    home = home or ("751" if country == "DK" else "1480")
    data = {
        "name": "Boldklubben Nord",
        "country": country,
        "registration_number": "13585628" if country == "DK" else "802400-0104",
        "home_municipality": str(municipality_id(country, home)),
        "address": "Hovedgaden 12",
        "postcode": "8000",
        "city": "Aarhus C",
        "email": "kontakt@boldklubben-nord.dk",
        "phone": "+45 86 12 34 56",
        "website": "www.boldklubben-nord.dk",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def purpose_data(**overrides) -> dict:
    """A valid purpose step."""
    data = {
        "purpose": "At fremme fællesskab gennem idræt.",
        "activities": "Fodbold for piger tirsdag og torsdag.",
        "target_groups": ["children", "youth"],
        "target_groups_other": "",
        "local_areas": "Gellerup\nToveshøj",
        "languages": ["da", "ar"],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def board_fields(rows: list[tuple[str, str, str]]) -> dict:
    """Board rows (name, role, YYYY-MM-DD) as the numbered fields of the governance form."""
    data = {}
    for index, (name, role, elected_on) in enumerate(rows):
        data[f"board_members-{index}-name"] = name
        data[f"board_members-{index}-role"] = role
        data[f"board_members-{index}-elected_on"] = elected_on
    return data


def governance_data(rows=None, **overrides) -> dict:
    """A valid governance step."""
    rows = rows if rows is not None else [("Karin Holm", "chair", "2025-03-15"),
                                          ("Omar Said", "treasurer", "2024-03-10")]
    data = {
        **board_fields(rows),
        "member_count": "120",
        "paying_member_count": "95",
        "volunteer_count": "14",
        "founded_year": "1987",
        "assembly_elects_board": "yes",
        "open_to_all": "yes",
        "non_commercial": "no",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def roles_data(**overrides) -> dict:
    """A valid roles step."""
    data = {
        "roles": ["contact", "dialogue"],
        "roles_description": "",
        "motivations": ["premises", "funding"],
        "motivations_other": "",
        "collaboration_forms": ["roundtable"],
        "collaboration_note": "Gerne om aftenen.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def today_iso() -> str:
    """Today as YYYY-MM-DD."""
    return date.today().isoformat()


# -- file samples ----------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(40))
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(40)) + b"\xff\xd9"


def docx_bytes() -> bytes:
    """A minimal but real DOCX (Office Open XML) archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"><Override PartName="/word/document.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("word/document.xml",
                         '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Vedtægter</w:t></w:r></w:p>'
                         '</w:body></w:document>')
    return buffer.getvalue()


def odt_bytes() -> bytes:
    """A minimal but real ODT archive: "mimetype" stored first and uncompressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office='
                                        '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest='
                                                  '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return buffer.getvalue()


def plain_zip_bytes() -> bytes:
    """A zip archive that is neither ODT nor DOCX."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "just some notes")
    return buffer.getvalue()


def upload(test_client, association_id: int, content: bytes, filename: str, kind: str = "statutes",
           content_type: str | None = None, **kwargs):
    """Post one file to the documents page as a browser's multipart form."""
    file = (io.BytesIO(content), filename, content_type) if content_type else (io.BytesIO(content), filename)
    return test_client.post(f"/associations/{association_id}/documents", data={"kind": kind, "file": file},
                            content_type="multipart/form-data", **kwargs)


# -- reading HTML ----------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    """An element of a parsed page."""

    def __init__(self, tag: str, attrs: dict, parent: "Node | None") -> None:
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def iter(self):
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    @property
    def text(self) -> str:
        """The element's text with whitespace collapsed."""
        parts = []

        def walk(node):
            for child in node.children:
                parts.append(child) if isinstance(child, str) else walk(child)

        walk(self)
        return " ".join("".join(parts).split())

    @property
    def classes(self) -> set[str]:
        """The element's CSS classes."""
        return set((self.attrs.get("class") or "").split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {name: (value if value is not None else "") for name, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


class Page:
    """A rendered page, with the look-ups the tests need."""

    def __init__(self, response) -> None:
        builder = _Builder()
        builder.feed(response.get_data(as_text=True))
        self.root = builder.root

    @property
    def text(self) -> str:
        """All visible text of the page."""
        return self.root.text

    def by_id(self, element_id: str) -> Node | None:
        """The element with this id."""
        return next((n for n in self.root.iter() if n.attrs.get("id") == element_id), None)

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list[Node]:
        """Elements by tag, class and attribute values."""
        found = []
        for node in self.root.iter():
            if tag and node.tag != tag:
                continue
            if cls and cls not in node.classes:
                continue
            if any(node.attrs.get(name) != value for name, value in attrs.items()):
                continue
            found.append(node)
        return found

    def error_for(self, field_id: str) -> str | None:
        """The error message shown next to a field, or None."""
        node = self.by_id(f"{field_id}-error")
        if node is not None:
            return node.text.removeprefix("Error:").strip()
        container = self.by_id(field_id)
        if container is not None:
            for inner in container.iter():
                if "field-error" in inner.classes:
                    return inner.text.removeprefix("Error:").strip()
        return None

    def value(self, name: str) -> str | None:
        """The current value of a text input, textarea or select with this name."""
        for node in self.root.iter():
            if node.attrs.get("name") != name:
                continue
            if node.tag == "textarea":
                text = "".join(c for c in node.children if isinstance(c, str))
                return text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
            if node.tag == "select":
                chosen = [o for o in node.iter() if o.tag == "option" and "selected" in o.attrs]
                return chosen[0].attrs.get("value") if chosen else None
            if node.tag == "input" and node.attrs.get("type") not in ("checkbox", "radio"):
                return node.attrs.get("value", "")
        return None

    def checked(self, name: str) -> list[str]:
        """Values of the ticked checkboxes or radio buttons with this name."""
        return [n.attrs.get("value", "") for n in self.root.iter()
                if n.tag == "input" and n.attrs.get("name") == name and "checked" in n.attrs]

    def names(self, prefix: str) -> list[str]:
        """Names of form controls starting with a prefix, in document order, without repeats."""
        names = [n.attrs["name"] for n in self.root.iter()
                 if n.tag in ("input", "select", "textarea") and n.attrs.get("name", "").startswith(prefix)]
        return list(dict.fromkeys(names))

    def flashes(self) -> list[str]:
        """The flash messages shown on the page."""
        return [n.text for n in self.find_all(cls="flash")]

    def list_items(self, cls: str) -> list[str]:
        """Texts of the <li> items of every list with this class."""
        return [li.text for ul in self.find_all(cls=cls) for li in ul.iter() if li.tag == "li"]
