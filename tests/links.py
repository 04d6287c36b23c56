"""Helpers for tests of mailed links: the last message, a tampered link, time moved on."""

import time

from sqlalchemy import select

from roster.extensions import db
from roster.mail.models import MailMessage


def last_mail(to: str | None = None) -> MailMessage:
    db.session.expire_all()
    statement = select(MailMessage).order_by(MailMessage.id.desc())
    if to is not None:
        statement = statement.where(MailMessage.to == to)
    return db.session.scalars(statement).first()


def tampered(path: str) -> str:
    return path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")


def days_later(monkeypatch, days: float) -> None:
    """Signed links read the clock through itsdangerous: move it on by `days`."""
    import itsdangerous.timed

    real = time.time
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: real() + days * 86400)
