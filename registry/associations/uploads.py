"""Recognising uploaded documents by their content, never by name or browser-sent type."""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ALLOWED_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "image/png": ".png",
    "image/jpeg": ".jpg",
}
#: ODT and DOCX use only these. bzip2 and LZMA are refused unread: zipfile hands them a whole chunk of input
#: at once, and a few kB of bzip2 can expand to gigabytes in that one call, before any count could stop it.
ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
#: Inflated bytes a small archive may produce whatever its ratio: a tiny DOCX of repetitive XML can compress
#: better than a normal document, and a megabyte is harmless.
RATIO_GRACE_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
CENTRAL_DIRECTORY_ENTRY = b"PK\x01\x02"
# Separators and characters that are unsafe in a download name on some system; the rest is done by category.
_UNSAFE = re.compile(r"[\"<>|:*?]")


@dataclass(frozen=True)
class ZipLimits:
    """How far an uploaded ZIP archive (ODT, DOCX) may unpack before it is refused as a bomb."""

    members: int
    inflated_bytes: int
    ratio: int

    def budget(self, upload_size: int) -> int:
        """The most bytes an archive of this size may inflate to, in total."""
        return min(self.inflated_bytes, max(self.ratio * upload_size, RATIO_GRACE_BYTES))


class ZipBombError(Exception):
    """An archive that unpacks to far more than its size, or has too many members, to be inspected safely."""


def sniff_type(data: bytes, limits: ZipLimits) -> str | None:
    """The media type of an accepted document format, or None for anything else.

    Raises ZipBombError for an ODT or DOCX upload that exceeds ``limits``.
    """
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data, limits)
    return None


def _sniff_zip(data: bytes, limits: ZipLimits) -> str | None:
    """ODT and DOCX are zip archives; unpack them within the limits, then tell them apart by their members."""
    # zipfile builds an object for every entry of the central directory as it opens the archive (half a kB
    # each: 10 MB of empty entries would take 60 MB), so count the entries' signatures first. Every entry
    # zipfile accepts starts with one, so this is an upper bound that allocates nothing.
    if data.count(CENTRAL_DIRECTORY_ENTRY) > limits.members:
        raise ZipBombError("too many members")
    budget = limits.budget(len(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if any(member.compress_type not in ZIP_METHODS for member in members):
                return None
            _check_declared_sizes(members, budget)
            _inflate_within(archive, budget)
            return _document_type(archive)
    # A damaged archive is not a document. ValueError too: a header with impossible offsets makes the
    # in-memory file refuse a negative seek.
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, EOFError, ValueError):
        return None


def _check_declared_sizes(members: list[zipfile.ZipInfo], budget: int) -> None:
    # What the central directory admits to already refuses most bombs, before anything is unpacked. The sum
    # is checked member by member, so a single member over the limit is refused as well.
    declared = 0
    for member in members:
        declared += member.file_size
        if declared > budget:
            raise ZipBombError(f"{member.filename!r} declares {member.file_size} bytes")
        # zipfile stops a member at its declared size, so a header that understates it would hide the rest of a
        # bomb from the count below, to go off in whichever program opens the document later. No deflate stream
        # is longer than its output plus deflate's overhead (zlib's compressBound); a longer one is hiding more.
        if member.compress_size > member.file_size + member.file_size // 1024 + 64:
            raise ZipBombError(f"{member.filename!r} holds more data than the {member.file_size} bytes it declares")


def _inflate_within(archive: zipfile.ZipFile, budget: int) -> None:
    # The declared sizes can lie, so unpack every member in chunks and count what it really produces, each chunk
    # dropped once counted: memory stays at one chunk, whatever the archive says or holds.
    produced = 0
    for member in archive.infolist():
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                produced += len(chunk)
                if produced > budget:
                    raise ZipBombError(f"{member.filename!r} takes the archive past {budget} bytes")


def _document_type(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist())
    if "mimetype" in names and _small_member(archive, "mimetype").strip() == ODT_MIMETYPE:
        return "application/vnd.oasis.opendocument.text"
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return None


def _small_member(archive: zipfile.ZipFile, name: str, limit: int = 256) -> bytes:
    # A few dozen bytes when honest; read no more than could ever match, whatever the member's size.
    with archive.open(name) as stream:
        return stream.read(limit)


def safe_filename(filename: str | None, content_type: str) -> str:
    """A display name without paths, control, format or bidi characters, ending in the type's extension."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("", _visible(name)).strip(". ")[:150] or "document"
    extension = ALLOWED_TYPES[content_type]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem}{extension}"


#: Control (Cc) and format (Cf) characters, lone surrogates (Cs), and line and paragraph separators. Cf holds
#: every bidi control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): with them "invoice\u202eexe.pdf"
#: would display as "invoicefdp.exe".
_INVISIBLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def _visible(text: str) -> str:
    return "".join(char for char in text if unicodedata.category(char) not in _INVISIBLE)
