"""Helpers for URLs coming from users."""

from urllib.parse import urlsplit


def is_local_path(target: str | None) -> bool:
    """True only for a path on this site ("/experts"), never "//host" or "https://host"."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(char) < 32 for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc
