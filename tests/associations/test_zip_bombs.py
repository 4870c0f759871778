"""Zip bombs: ODT and DOCX uploads are unpacked within limits before they are accepted, in bounded memory.

The bombs are built here, on the fly: a member of 300 MB of zeros deflates to about 300 kB.
"""

import functools
import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from sqlalchemy import select

from registry.associations.models import Document
from registry.associations.uploads import ZipBombError, ZipLimits, sniff_type
from registry.extensions import db
from tests.associations.helpers import Page, audit_events, count, docx_bytes, log_in, odt_bytes, upload
from tests.factories import Factories

MEGABYTE = bytes(1024 * 1024)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')
BOMB_MESSAGE = "unpacks to far more than its size"
DEFAULT_LIMITS = ZipLimits(members=2000, inflated_bytes=100 * 1024 * 1024, ratio=100)
REPO = Path(__file__).resolve().parents[2]


# -- building archives -----------------------------------------------------------------------------


def _archive(members: list[tuple[str, bytes | int]], odt: bool = False,
             method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A DOCX (or ODT) with the given members; an int stands for that many megabytes of zeros, streamed in."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        if odt:
            archive.writestr(zipfile.ZipInfo("mimetype"), ODT_TYPE, compress_type=zipfile.ZIP_STORED)
        else:
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, content in members:
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w") as member:  # never the whole member in memory, here either
                for _ in range(content):
                    member.write(MEGABYTE)
    return buffer.getvalue()


@functools.cache
def docx_bomb(megabytes: int = 300) -> bytes:
    """A DOCX whose document.xml is ``megabytes`` MB of zeros, deflated."""
    return _archive([("word/document.xml", megabytes)])


@functools.cache
def odt_bomb() -> bytes:
    """An ODT whose content.xml is 300 MB of zeros, deflated."""
    return _archive([("content.xml", 300)], odt=True)


@functools.cache
def mimetype_bomb() -> bytes:
    """An ODT-looking archive whose "mimetype" member itself is 300 MB of zeros (the old check read it whole)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w") as member:
            member.write(ODT_TYPE.encode())
            for _ in range(300):
                member.write(MEGABYTE)
    return buffer.getvalue()


def many_members(count_: int) -> bytes:
    """A DOCX with ``count_`` empty members besides its two required ones."""
    return _archive([("word/document.xml", b"<w:document/>")] + [(f"m/{i}", b"") for i in range(count_)])


def lying_header(data: bytes, name: str = "word/document.xml", claimed: int = 1000, forge_crc: bool = False) -> bytes:
    """The archive with member ``name`` claiming, in its local header and central directory, to unpack to only
    ``claimed`` bytes; with ``forge_crc`` its checksum also matches that many zeros, so zipfile finds nothing wrong."""
    patched = bytearray(data)
    local = zipfile.ZipFile(io.BytesIO(data)).getinfo(name).header_offset
    central = data.rindex(name.encode()) - 46  # the name follows the 46 fixed bytes of its central entry
    assert data[local:local + 4] == b"PK\x03\x04" and data[central:central + 4] == b"PK\x01\x02"
    for size_at, crc_at in ((local + 22, local + 14), (central + 24, central + 16)):
        struct.pack_into("<I", patched, size_at, claimed)
        if forge_crc:
            struct.pack_into("<I", patched, crc_at, zlib.crc32(bytes(claimed)))
    return bytes(patched)


# -- the real upload page --------------------------------------------------------------------------


@pytest.fixture
def association(factories, owner):
    """A Danish association of the owner."""
    return factories.association(owner=owner)


def _assert_refused(response, fragment: str = BOMB_MESSAGE) -> None:
    assert response.status_code == 200
    message = Page(response).error_for("file")
    assert message is not None and fragment in message, message
    assert count(Document) == 0
    assert audit_events("document.uploaded") == []


@pytest.mark.parametrize("build", [docx_bomb, odt_bomb, mimetype_bomb], ids=["docx", "odt", "odt-mimetype"])
def test_deflated_bomb_is_refused_next_to_the_file_field(association, owner_client, build):
    """A 300 kB archive with a member of 300 MB of zeros is refused with a clear message; nothing is saved."""
    data = build()
    assert len(data) < 400 * 1024
    _assert_refused(upload(owner_client, association.id, data, "vedtaegter.docx"))


def test_too_many_members_are_refused(association, owner_client):
    """An archive of more than 2000 members is refused, however small they are."""
    _assert_refused(upload(owner_client, association.id, many_members(2001), "referat.docx"))


def test_as_many_members_as_allowed_are_accepted(association, owner_client):
    """2000 members in all, the required ones included, is still a document."""
    assert upload(owner_client, association.id, many_members(1997), "referat.docx").status_code == 303
    assert count(Document) == 1


@pytest.mark.parametrize("forge_crc", [False, True], ids=["crc-as-built", "crc-forged"])
def test_header_that_understates_the_size_is_refused(association, owner_client, forge_crc):
    """A member claiming 1000 bytes that carries a deflated 300 MB is refused, even with a matching checksum."""
    data = lying_header(docx_bomb(), forge_crc=forge_crc)
    _assert_refused(upload(owner_client, association.id, data, "referat.docx"))


def test_compression_ratio_is_limited_below_the_size_limit(association, owner_client):
    """5 MB of zeros, well under 100 MB, is still refused: it unpacks to a thousand times the upload's size."""
    _assert_refused(upload(owner_client, association.id, docx_bomb(5), "referat.docx"))


def test_limits_come_from_the_configuration(make_app):
    """MAX_INFLATED_BYTES counts every member together; with a higher ratio allowed, the total still binds."""
    app = make_app(MAX_INFLATED_BYTES=5 * 1024 * 1024, MAX_COMPRESSION_RATIO=10_000, MAX_ZIP_MEMBERS=10)
    factories = Factories()
    owner = factories.user(locale="en")
    association = factories.association(owner=owner)
    browser = log_in(app.test_client(), owner)

    four = _archive([("word/document.xml", 2), ("word/media/a.xml", 2)])
    six = _archive([("word/document.xml", 2), ("word/media/a.xml", 2), ("word/media/b.xml", 2)])

    assert upload(browser, association.id, four, "fire.docx").status_code == 303
    assert BOMB_MESSAGE in Page(upload(browser, association.id, six, "seks.docx")).error_for("file")
    assert BOMB_MESSAGE in Page(upload(browser, association.id, many_members(9), "mange.docx")).error_for("file")
    assert count(Document) == 1


def test_the_service_refuses_a_bomb_whichever_page_sent_it(app, association, owner):
    """Hearing answers store their documents through the same service, so they are checked the same way."""
    from registry.associations.services.files import add_document
    from registry.core.forms import FieldValueError

    english = app.test_request_context(headers={"Accept-Language": "en"})
    with english, pytest.raises(FieldValueError, match=BOMB_MESSAGE):
        add_document(owner, association, "other", "svar.docx", docx_bomb())
    assert count(Document) == 0


# -- ordinary documents are still accepted -----------------------------------------------------------


def _real_looking_docx() -> bytes:
    """A DOCX of 200 paragraphs of varied text and an incompressible "image", as a word processor makes them."""
    paragraphs = "".join(f"<w:p><w:r><w:t>§ {n}. Foreningens formål er at samle medlem nr. {n * 7919 % 1000} "
                         f"om idræt, fællesskab og frivilligt arbejde i lokalområdet.</w:t></w:r></w:p>"
                         for n in range(200))
    return _archive([("word/document.xml", f"<w:document><w:body>{paragraphs}</w:body></w:document>".encode()),
                     ("word/media/image1.png", os.urandom(200_000))])


@pytest.mark.parametrize(("content", "content_type"), [
    (docx_bytes(), DOCX_TYPE), (odt_bytes(), ODT_TYPE), (_real_looking_docx(), DOCX_TYPE),
], ids=["small-docx", "small-odt", "docx-with-image"])
def test_ordinary_documents_are_still_accepted(association, owner_client, content, content_type):
    """Real documents unpack to a few times their size and pass."""
    assert upload(owner_client, association.id, content, "dokument.docx").status_code == 303
    assert db.session.scalars(select(Document.content_type)).one() == content_type


def test_members_compressed_otherwise_than_odt_and_docx_are_not_documents():
    """bzip2 and LZMA members are refused unread: one read of them could inflate without bound."""
    data = _archive([("word/document.xml", b"<w:document/>")], method=zipfile.ZIP_BZIP2)
    assert sniff_type(data, DEFAULT_LIMITS) is None


# -- the count itself, and the memory it takes ------------------------------------------------------


def test_counting_stops_a_bomb_even_if_the_headers_were_believed(monkeypatch):
    """With the declared sizes taken at their word, counting the bytes actually produced still stops the bomb."""
    from registry.associations import uploads

    monkeypatch.setattr(uploads, "_check_declared_sizes", lambda members, budget: None)
    with pytest.raises(ZipBombError):
        sniff_type(docx_bomb(), DEFAULT_LIMITS)
    assert sniff_type(docx_bytes(), DEFAULT_LIMITS) == DOCX_TYPE


#: Run in a fresh interpreter, so that its peak memory is the check's alone: prints how much each file made it grow,
#: and, as a control that the measurement sees growth at all, how much holding 80 MB did.
CHILD = """
import json, resource, sys
from registry.associations import uploads
limits = uploads.ZipLimits(members=2000, inflated_bytes=100 * 1024 * 1024, ratio=100)
if sys.argv[1] == "believe-headers":
    uploads._check_declared_sizes = lambda members, budget: None

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

grown = {}
for path in sys.argv[2:]:
    data = open(path, "rb").read()
    before = peak()
    try:
        outcome = uploads.sniff_type(data, limits)
    except uploads.ZipBombError:
        outcome = "bomb"
    grown[path] = (outcome, peak() - before)
before = peak()
ballast = b"x" * (80 * 1024 * 1024)
grown["control"] = (None, peak() - before)
print(json.dumps(grown))
"""
#: Starts CHILD from a small interpreter: on Linux a process inherits the peak memory of the one it was forked from,
#: so started straight from this (large) test process CHILD's ru_maxrss would begin high and never seem to grow.
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


def _memory_in_child(tmp_path, mode: str, files: dict[str, bytes]) -> dict[str, tuple[str, int]]:
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / f"{name}.zip"
        paths[name].write_bytes(data)
    command = [sys.executable, "-c", LAUNCHER, sys.executable, "-c", CHILD, mode, *map(str, paths.values())]
    result = subprocess.run(command, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True,
                            text=True, timeout=300, check=True)
    grown = json.loads(result.stdout)
    return {"control": tuple(grown["control"]), **{name: tuple(grown[str(path)]) for name, path in paths.items()}}


@pytest.mark.parametrize("mode", ["as-shipped", "believe-headers"])
def test_a_bomb_is_inspected_in_bounded_memory(tmp_path, mode):
    """Peak memory (ru_maxrss, kB on Linux) of a child process grows by less than 50 MB for any bomb: with the
    checks as shipped, which refuse each of them, and with the byte count alone when the declared sizes are
    believed. The 10 MB archive of empty members is refused before zipfile builds an object per entry."""
    files = {"docx": docx_bomb(), "odt": odt_bomb(), "mimetype": mimetype_bomb(),
             "lying": lying_header(docx_bomb(), forge_crc=True), "members": _ten_megabytes_of_members()}
    grown = _memory_in_child(tmp_path, mode, files)
    assert grown.pop("control")[1] > 70 * 1024, "the measurement does not see memory grow"
    for name, (outcome, grown_kb) in grown.items():
        assert grown_kb < 50 * 1024, (name, f"{grown_kb / 1024:.0f} MB")
        if mode == "as-shipped":
            assert outcome == "bomb", (name, outcome)


def _ten_megabytes_of_members() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", b"<w:document/>")
        for index in range(115_000):  # about 88 bytes each, local header and central entry together
            archive.writestr(zipfile.ZipInfo(f"{index:x}"), b"")
    data = buffer.getvalue()
    assert 9 * 1024 * 1024 < len(data) <= 10 * 1024 * 1024, len(data)
    return data
