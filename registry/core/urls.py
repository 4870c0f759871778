"""URL helpers."""

from urllib.parse import urlsplit


def safe_next(target: str | None, fallback: str) -> str:
    """Return target if it is a path on this site, else the fallback (no open redirects)."""
    if not target:
        return fallback
    target = target.strip()
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target:
        return fallback
    # Control characters (CR/LF above all) cannot go into a Location header: refuse, don't crash.
    if any(ord(char) < 32 or ord(char) == 127 for char in target):
        return fallback
    return target
