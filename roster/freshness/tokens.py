"""Signed, expiring confirmation links (itsdangerous)."""

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

SALT = "focal-point-confirmation"


class LinkInvalid(Exception):
    """Tampered or unknown link."""


class LinkExpired(Exception):
    """Signed correctly, but too old or already used."""


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def make_token(request_id: int, nonce: str) -> str:
    return _serializer().dumps({"request": request_id, "nonce": nonce})


def read_token(token: str) -> tuple[int, str]:
    """(request id, nonce) of a valid token; LinkExpired or LinkInvalid otherwise."""
    max_age = current_app.config["CONFIRMATION_LINK_DAYS"] * 86400
    try:
        payload = _serializer().loads(token, max_age=max_age)
    except SignatureExpired:
        raise LinkExpired from None
    except BadSignature:
        raise LinkInvalid from None
    if not isinstance(payload, dict):
        raise LinkInvalid
    request_id, nonce = payload.get("request"), payload.get("nonce")
    if not isinstance(request_id, int) or not isinstance(nonce, str):
        raise LinkInvalid
    return request_id, nonce
