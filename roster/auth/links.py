"""Signed, single-use links for invitations and password resets.

A link carries its row's id and a random secret, signed and timed with SECRET_KEY
(itsdangerous); the row keeps only the secret's hash, so neither a copy of the database nor the
stored mail holds a usable link. Spending a link is one conditional UPDATE, so two uses at the
same moment cannot both succeed.
"""

import hashlib
import secrets

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import update

from roster.database import utcnow
from roster.extensions import db


class LinkInvalid(Exception):
    """Tampered or unknown link."""


class LinkExpired(Exception):
    """Signed correctly, but too old, already used or replaced by a newer link."""


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> tuple[str, str]:
    """A random secret for a link, and the hash to store."""
    secret = secrets.token_urlsafe(32)
    return secret, digest(secret)


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"account-{purpose}")


def make_token(purpose: str, row_id: int, secret: str) -> str:
    return _serializer(purpose).dumps({"id": row_id, "secret": secret})


def open_row(purpose: str, token: str, model, max_age_seconds: int):
    """The unspent, unexpired row of `model` a token names; LinkInvalid or LinkExpired."""
    try:
        payload = _serializer(purpose).loads(token, max_age=max_age_seconds)
    except SignatureExpired:
        raise LinkExpired from None
    except BadSignature:
        raise LinkInvalid from None
    row_id = payload.get("id") if isinstance(payload, dict) else None
    secret = payload.get("secret") if isinstance(payload, dict) else None
    if not isinstance(row_id, int) or not isinstance(secret, str):
        raise LinkInvalid
    row = db.session.get(model, row_id)
    if row is None or not secrets.compare_digest(row.secret_hash, digest(secret)):
        raise LinkInvalid
    if row.used_at is not None or row.expires_at <= utcnow():
        raise LinkExpired
    return row


def spend(row) -> None:
    """Mark the link used; LinkExpired when another request spent it first."""
    model = type(row)
    spent = db.session.execute(
        update(model).where(model.id == row.id, model.used_at.is_(None)).values(used_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    if spent.rowcount != 1:
        raise LinkExpired


def void_unused(model, *criteria) -> None:
    """A newer link replaces the older ones: mark every unused row matching `criteria` used."""
    db.session.execute(
        update(model).where(model.used_at.is_(None), *criteria).values(used_at=utcnow()),
        execution_options={"synchronize_session": False},
    )


def absolute_url(path: str) -> str:
    return current_app.config["SERVER_URL"].rstrip("/") + path
