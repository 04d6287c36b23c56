"""Signed, expiring confirmation links."""

from flask import current_app

from roster.links import LinkExpired, LinkInvalid, make_link_token, read_link_token

__all__ = ["LinkExpired", "LinkInvalid", "make_token", "read_token"]

SALT = "focal-point-confirmation"


def make_token(request_id: int, nonce: str) -> str:
    return make_link_token(SALT, request_id, nonce)


def read_token(token: str) -> tuple[int, str]:
    """(request id, nonce) of a valid token; LinkExpired or LinkInvalid otherwise."""
    payload = read_link_token(SALT, token, current_app.config["CONFIRMATION_LINK_DAYS"])
    return payload["request"], payload["nonce"]
