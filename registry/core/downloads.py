"""Files sent as downloads: never kept by a cache, never re-typed by the browser, named in any script."""

import unicodedata
from urllib.parse import quote

from flask import Response

#: Documents and exports hold personal data: no browser or proxy may keep a copy after the visit.
NO_STORE = "private, no-store"


def attachment(body: bytes, content_type: str, filename: str) -> Response:
    """A download with exactly the Content-Type given, no caching, no type sniffing and a name in any script."""
    # content_type, not mimetype: Flask would append a second charset to a text/* mimetype that has one.
    response = Response(body, content_type=content_type)
    response.headers.set("Content-Disposition", "attachment", **disposition_names(filename))
    response.headers["Cache-Control"] = NO_STORE
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def disposition_names(filename: str) -> dict[str, str]:
    """Content-Disposition parameters: the name as is when ASCII, else an ASCII fallback and filename* (RFC 6266)."""
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    if fallback == filename:
        return {"filename": filename}
    if not fallback.partition(".")[0].strip():  # nothing left of an Arabic or Cyrillic name but its extension
        fallback = f"download{fallback}"
    # RFC 5987 attr-chars stay as they are; everything else is percent-encoded UTF-8.
    return {"filename": fallback, "filename*": "UTF-8''" + quote(filename, safe="!#$&+-.^_`|~")}
