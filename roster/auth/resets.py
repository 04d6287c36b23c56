"""Password resets: a short-lived emailed link to choose a new password."""

from datetime import timedelta

from flask import current_app, render_template, url_for

from roster.auth import links
from roster.auth.models import PasswordReset, User
from roster.auth.operations import find_user_by_email, set_password
from roster.auth.throttle import allow
from roster.database import utcnow
from roster.extensions import db
from roster.mail.links import placeholder
from roster.mail.operations import queue_mail

PURPOSE = "password-reset"


def request_reset(email: str) -> None:
    """Mail a reset link to a known, active account; do nothing otherwise.

    The caller answers the same either way. A few requests an hour per account at most, so
    that nobody can flood someone's mailbox through the form.
    """
    user = find_user_by_email(email)
    if user is None or not user.is_enabled:
        return
    if not allow(current_app.config["RESET_LIMITS_PER_ACCOUNT"], "reset-account", user.id):
        return
    links.void_unused(PasswordReset, PasswordReset.user_id == user.id)
    secret, secret_hash = links.new_secret()
    minutes = current_app.config["PASSWORD_RESET_MINUTES"]
    now = utcnow()
    reset = PasswordReset(
        user=user,
        secret_hash=secret_hash,
        created_at=now,
        expires_at=now + timedelta(minutes=minutes),
    )
    db.session.add(reset)
    db.session.flush()
    token = links.make_token(PURPOSE, reset.id, secret)
    link = links.absolute_url(url_for("auth.reset_password", token=token))
    body = render_template(
        "auth/reset_mail.txt", user=user, link=placeholder("link"), minutes=minutes
    )
    queue_mail(user.email, "Choose a new password for the RSO Roster", body, links={"link": link})


def open_reset(token: str) -> PasswordReset:
    """The reset behind a valid, unused, unexpired link of an active account."""
    max_age = current_app.config["PASSWORD_RESET_MINUTES"] * 60
    reset = links.open_row(PURPOSE, token, PasswordReset, max_age)
    if not reset.user.is_enabled:
        raise links.LinkExpired
    return reset


def complete_reset(reset: PasswordReset, password: str) -> User:
    """Set the new password (which ends every session and token) and spend the link."""
    user = reset.user
    set_password(user, user, password)
    links.spend(reset)
    return user
