"""application/problem+json answers (RFC 9457)."""

from flask import jsonify


def problem(status: int, title: str, detail: str = "", errors: dict | None = None, **extra):
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail or title}
    if errors is not None:
        body["errors"] = errors
    body.update(extra)
    response = jsonify(body)
    response.status_code = status
    response.content_type = "application/problem+json; charset=utf-8"
    return response
