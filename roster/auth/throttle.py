"""Login throttling per account and per address; only failed attempts count."""

from flask import current_app, request
from flask_limiter.util import get_remote_address

from roster.extensions import limiter


def _attempted_account() -> str:
    if request.authorization and request.authorization.username:
        account = request.authorization.username
    else:
        account = request.form.get("email", "")
    return "account:" + account.strip().lower()


def _failed(response) -> bool:
    # A successful page sign-in redirects (302), a token is created (201).
    return response.status_code not in (201, 302)


def login_throttled(view):
    """Apply both limits to a sign-in view."""
    per_account = limiter.limit(
        lambda: current_app.config["LOGIN_LIMITS_PER_ACCOUNT"],
        key_func=_attempted_account,
        methods=["POST"],
        deduct_when=_failed,
        scope="login-account",
    )
    per_address = limiter.limit(
        lambda: current_app.config["LOGIN_LIMITS_PER_ADDRESS"],
        key_func=get_remote_address,
        methods=["POST"],
        deduct_when=_failed,
        scope="login-address",
    )
    return per_address(per_account(view))
