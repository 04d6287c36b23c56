"""Helpers for URLs coming from users."""

from urllib.parse import urlencode, urlsplit

from flask import request, url_for
from werkzeug.routing import IntegerConverter

from roster.validation import MAX_ID


class RecordIdConverter(IntegerConverter):
    """`<int:...>` in routes: ids beyond the database's integer range are simply not found."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def is_local_path(target: str | None) -> bool:
    """True only for a path on this site ("/experts"), never "//host" or "https://host"."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(char) < 32 for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def current_url_with(**changes) -> str:
    """The current URL with some query parameters replaced (None removes one).

    The query string is encoded here rather than passed to url_for, where names such as
    `endpoint` or `_external` would be taken as url_for's own arguments.
    """
    args = request.args.to_dict(flat=False)
    for name, value in changes.items():
        if value is None:
            args.pop(name, None)
        else:
            args[name] = [str(item) for item in value] if isinstance(value, list) else [str(value)]
    path = url_for(request.endpoint, **(request.view_args or {}))
    query = urlencode(args, doseq=True)
    return f"{path}?{query}" if query else path
