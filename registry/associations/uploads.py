"""Recognising uploaded documents by their content, never by name or browser-sent type."""

import io
import re
import zipfile

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ALLOWED_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "image/png": ".png",
    "image/jpeg": ".jpg",
}


def sniff_type(data: bytes) -> str | None:
    """The media type of an accepted document format, or None for anything else."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    return None


def _sniff_zip(data: bytes) -> str | None:
    """ODT and DOCX are zip archives; tell them apart by their required members."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "application/vnd.oasis.opendocument.text"
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    return None


def safe_filename(filename: str | None, content_type: str) -> str:
    """A display name without paths or control characters, ending in the type's extension."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f\"<>|:*?]", "", name).strip(". ")[:150] or "document"
    extension = ALLOWED_TYPES[content_type]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem}{extension}"
