"""Response headers that every page and API answer carries, and what comes through proxies."""

from flask import Flask, abort, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

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
    # Behind a trusted proxy, is_secure reflects the client's scheme (X-Forwarded-Proto).
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    behind_login = current_user.is_authenticated or request.authorization is not None
    personal = request.path.startswith(("/api/", "/confirm/"))
    if behind_login or personal:
        response.headers["Cache-Control"] = "no-store"
    return response


def refuse_malformed_request():
    """400 for NUL characters anywhere (databases refuse them) and absurdly repeated names."""
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


def register(app: Flask) -> None:
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        # Only as many forwarded hops as there are proxies of our own: a client cannot pose as
        # another address (and so escape or aim the per-address throttles) through headers.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    app.before_request(refuse_malformed_request)
    app.after_request(add_security_headers)
