"""Throttling: sign-in attempts, and requests that send mail.

Sign-in counts only failed attempts, under two limits: one per account *and* address, which
slows anyone guessing one account's password from one place without letting them lock its
owner out (the owner, from any other address, still signs in), and one per address over all
accounts, which stops one place from trying many accounts. Behind a reverse proxy the address
is the client's only when ROSTER_TRUSTED_PROXIES says how many proxies to trust. Counters live
in RATELIMIT_STORAGE_URI (Redis when several processes serve), so every worker shares them.
"""

from flask import current_app, request
from flask_limiter.util import get_remote_address
from limits import parse

from roster.extensions import limiter


def _attempted_account() -> str:
    if request.authorization and request.authorization.username:
        account = request.authorization.username
    else:
        account = request.form.get("email", "")
    return account.strip().lower()


def _account_and_address() -> str:
    return f"{get_remote_address()}|{_attempted_account()}"


def _failed(response) -> bool:
    # A successful page sign-in redirects (302), a token is created (201).
    return response.status_code not in (201, 302)


def login_throttled(view):
    """Apply both sign-in limits to a view."""
    per_pair = limiter.limit(
        lambda: current_app.config["LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS"],
        key_func=_account_and_address,
        methods=["POST"],
        deduct_when=_failed,
        scope="login-account-address",
    )
    per_address = limiter.limit(
        lambda: current_app.config["LOGIN_LIMITS_PER_ADDRESS"],
        key_func=get_remote_address,
        methods=["POST"],
        deduct_when=_failed,
        scope="login-address",
    )
    return per_address(per_pair(view))


def allow(limit: str, scope: str, *keys: object) -> bool:
    """Count one attempt against `limit` ("3/hour") for `scope` and `keys`; False once over."""
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX", "")
    identifiers = [str(part) for part in (prefix, scope, *keys) if part != ""]
    return limiter.limiter.hit(parse(limit), *identifiers)


def client_address() -> str:
    """The client's address (the proxy's own unless it is trusted)."""
    return get_remote_address()
