"""Server-side sessions through Flask-Login.

The session cookie carries the user id and a random session key; the `user_sessions` table
keeps only the key's hash. A session counts only while its row is unrevoked and unexpired, so
signing out, "sign out everywhere", a password change or disabling the account end it on the
server: a copy of the old cookie no longer signs anyone in.
"""

import hashlib
import secrets
from datetime import timedelta

from flask import Flask, current_app, g, session
from flask_login import login_user, logout_user
from sqlalchemy import delete, or_, select, update

from roster.auth.models import User, UserSession
from roster.database import utcnow
from roster.extensions import db, login_manager
from roster.validation import parse_id

SESSION_KEY = "_session_key"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_session_record(user: User) -> str:
    """A new server-side session of `user`; returns the key its cookie must carry."""
    key = secrets.token_urlsafe(32)
    now = utcnow()
    lifetime = current_app.config["PERMANENT_SESSION_LIFETIME"]
    db.session.add(
        UserSession(user=user, key_hash=_digest(key), created_at=now, expires_at=now + lifetime)
    )
    db.session.flush()
    return key


def start_session(user: User) -> None:
    """Sign `user` in on this browser; every way of signing in ends here. Commits."""
    key = create_session_record(user)
    db.session.commit()
    # A fresh cookie: nothing from before the sign-in (or planted by someone else) survives.
    session.clear()
    login_user(user)
    session[SESSION_KEY] = key


def current_session() -> UserSession | None:
    """The live server-side session of this request's cookie, if any."""
    if "user_session" not in g:
        key = session.get(SESSION_KEY)
        record = None
        if isinstance(key, str):
            record = db.session.scalar(
                select(UserSession).where(UserSession.key_hash == _digest(key))
            )
        if record is not None and (record.revoked_at is not None or record.expires_at <= utcnow()):
            record = None
        g.user_session = record
    return g.user_session


def end_session() -> None:
    """Sign this browser out, on the server too. Commits."""
    record = current_session()
    if record is not None:
        record.revoked_at = utcnow()
        db.session.commit()
    logout_user()
    session.clear()


def revoke_sessions(user: User, keep: UserSession | None = None) -> None:
    """End every session of `user` but `keep`."""
    statement = update(UserSession).where(
        UserSession.user_id == user.id, UserSession.revoked_at.is_(None)
    )
    if keep is not None:
        statement = statement.where(UserSession.id != keep.id)
    db.session.execute(
        statement.values(revoked_at=utcnow()), execution_options={"synchronize_session": False}
    )


def purge_ended_sessions() -> int:
    """Delete the rows of sessions that ended more than a day ago (a worker job)."""
    cutoff = utcnow() - timedelta(days=1)
    deleted = db.session.execute(
        delete(UserSession).where(
            or_(UserSession.expires_at < cutoff, UserSession.revoked_at < cutoff)
        )
    )
    db.session.commit()
    return deleted.rowcount


def load_user(user_id: str) -> User | None:
    record = current_session()
    if record is None or record.user_id != parse_id(user_id):
        return None
    user = record.user
    return user if user.is_enabled else None


def configure_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to see this page."
    login_manager.session_protection = "basic"
