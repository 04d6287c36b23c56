"""Response headers that every page and API answer carries."""

from flask import Flask, abort, request
from flask_login import current_user

from roster.api.pagination import MAX_PAGE
from roster.validation import MAX_ITEMS

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def add_security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    behind_login = current_user.is_authenticated or request.authorization is not None
    personal = request.path.startswith(("/api/", "/confirm/"))
    if behind_login or personal:
        response.headers["Cache-Control"] = "no-store"
    return response


def refuse_malformed_request():
    """400 for NUL characters anywhere (databases refuse them) and 404 past the last page."""
    credentials = request.authorization
    texts = [request.path, *request.args.values()]
    if request.mimetype == "application/x-www-form-urlencoded":
        texts.extend(request.form.values())
    if credentials is not None:
        texts.extend([credentials.username or "", credentials.password or ""])
    if any("\x00" in text for text in texts):
        abort(400, description="The request contains a NUL character.")
    if any(len(values) > MAX_ITEMS for values in request.args.listvalues()):
        abort(400, description=f"A query parameter is repeated more than {MAX_ITEMS} times.")
    page = request.args.get("page", "")
    if page.isascii() and page.isdigit() and int(page) > MAX_PAGE:
        abort(404, description=f"There are no pages after {MAX_PAGE}.")


def register(app: Flask) -> None:
    app.before_request(refuse_malformed_request)
    app.after_request(add_security_headers)
