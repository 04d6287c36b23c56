"""Flask-Login wiring: sessions remember `id:version` so that role changes end old sessions."""

from flask import Flask

from roster.auth.models import User
from roster.extensions import db, login_manager
from roster.validation import parse_id


def load_user(session_id: str) -> User | None:
    user_id, _, version = session_id.partition(":")
    user_key, version_number = parse_id(user_id), parse_id(version)
    if user_key is None or version_number is None:
        return None
    user = db.session.get(User, user_key)
    if user is None or user.version != version_number or not user.is_enabled:
        return None
    return user


def configure_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to see this page."
    login_manager.session_protection = "basic"
