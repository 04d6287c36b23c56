"""Reading the links that mail carries, as its recipient would."""

import re

from sqlalchemy import select

from roster.extensions import db
from roster.mail import links
from roster.mail.models import MailMessage


def last_mail(to: str | None = None) -> MailMessage:
    statement = select(MailMessage).order_by(MailMessage.id.desc())
    if to is not None:
        statement = statement.where(MailMessage.to == to)
    return db.session.scalars(statement).first()


def link_paths(message: MailMessage, prefix: str) -> list[str]:
    """The paths of the links starting with `prefix` in the message as delivered, in order."""
    delivered = links.reveal(message.body, message.sealed_links)
    return re.findall(rf"https?://[^/\s]+({re.escape(prefix)}\S+)", delivered)


def link_path(message: MailMessage, prefix: str) -> str:
    """The path of the first link starting with `prefix` in the message as delivered."""
    return link_paths(message, prefix)[0]


def assert_stored_sealed(tokens: list[str], names: list[str]) -> None:
    """The newest stored message holds none of `tokens` and a placeholder for each link name."""
    statement = select(MailMessage.body, MailMessage.sealed_links).order_by(MailMessage.id.desc())
    row = db.session.execute(statement).first()
    assert all(token not in row.body and token not in row.sealed_links for token in tokens)
    assert all(links.placeholder(name) in row.body for name in names)
