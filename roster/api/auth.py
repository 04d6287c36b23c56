"""Bearer-token authentication for the API (sessions are never accepted there)."""

from flask import abort, g, request

from roster.auth.operations import user_for_token
from roster.errors import ValidationFailed
from roster.validation import clean_version


def api_user():
    """The user behind the request's bearer token; 401 without a valid one."""
    if "api_user" not in g:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        found = user_for_token(token.strip()) if scheme.lower() == "bearer" and token else None
        if found is None:
            abort(401, description="Send a valid bearer token: POST /api/v1/tokens to get one.")
        g.api_user, g.api_token = found
    return g.api_user


def require(allowed: bool) -> None:
    """403 unless the permission check passed."""
    if not allowed:
        abort(403, description="Your role may not do this.")


def json_body() -> dict:
    """The request's JSON object; 400 when it is not one (or nests absurdly deep)."""
    try:
        data = request.get_json(silent=True)
    except RecursionError:
        data = None
    if not isinstance(data, dict):
        abort(400, description="Send a JSON object with Content-Type: application/json.")
    if "\\u0000" in request.get_data(as_text=True):
        abort(400, description="The request contains a NUL character.")
    return data


def body_version(body: dict) -> int:
    """The record version a PATCH body must carry; 422 when it is missing or not a number."""
    try:
        return clean_version(body.get("version"))
    except ValueError as error:
        raise ValidationFailed({"version": [str(error)]}) from None
