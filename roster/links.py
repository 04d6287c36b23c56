"""Signed, expiring links that speak for one stored request (itsdangerous).

A link carries the id of a row and a random nonce kept on that row, signed with the secret key
under a salt of its own per kind of link. The row decides whether the link is still good (used,
withdrawn); the signature and its age decide whether it is genuine and fresh.
"""

from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer


@dataclass(frozen=True)
class LinkActor:
    """The person acting through a mailed link, as the audit log names them."""

    email: str
    id: None = None


class LinkInvalid(Exception):
    """Tampered or unknown link."""


class LinkExpired(Exception):
    """Signed correctly, but too old or already used."""


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def make_link_token(salt: str, record_id: int, nonce: str, **extra) -> str:
    return _serializer(salt).dumps({"request": record_id, "nonce": nonce, **extra})


def read_link_token(salt: str, token: str, max_age_days: float) -> dict:
    """The payload of a genuine, fresh token ("request" and "nonce" checked); raises otherwise."""
    try:
        payload = _serializer(salt).loads(token, max_age=int(max_age_days * 86400))
    except SignatureExpired:
        raise LinkExpired from None
    except BadSignature:
        raise LinkInvalid from None
    if not isinstance(payload, dict):
        raise LinkInvalid
    if not isinstance(payload.get("request"), int) or not isinstance(payload.get("nonce"), str):
        raise LinkInvalid
    return payload


def server_url(path: str) -> str:
    """An absolute link to `path` on this service, as mailed to people outside it."""
    return current_app.config["SERVER_URL"].rstrip("/") + path
