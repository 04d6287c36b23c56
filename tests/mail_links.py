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


def link_path(message: MailMessage, prefix: str) -> str:
    """The path of the link starting with `prefix` in the message as delivered."""
    delivered = links.reveal(message.body, message.sealed_links)
    return re.search(rf"https?://[^/\s]+({re.escape(prefix)}\S+)", delivered).group(1)
