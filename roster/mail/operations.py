"""Queueing and delivering mail.

Every message is stored. Without MAIL_SERVER it counts as delivered locally (admins read it in
the app); with MAIL_SERVER it is handed to SMTP by `deliver_unsent()`, which callers run after
their transaction commits, so a rolled-back change never sends mail.
"""

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import select

from roster.database import utcnow
from roster.extensions import db
from roster.mail.models import MailMessage

log = logging.getLogger(__name__)


def already_queued(dedupe_key: str) -> bool:
    statement = select(MailMessage.id).where(MailMessage.dedupe_key == dedupe_key)
    return db.session.scalar(statement) is not None


def queue_mail(to: str, subject: str, body: str, dedupe_key: str | None = None) -> MailMessage:
    """Store a message in the current transaction."""
    uses_smtp = bool(current_app.config.get("MAIL_SERVER"))
    message = MailMessage(
        to=to,
        subject=subject,
        body=body,
        dedupe_key=dedupe_key,
        transport="smtp" if uses_smtp else "local",
        sent_at=None if uses_smtp else utcnow(),
    )
    db.session.add(message)
    db.session.flush()
    return message


def deliver_unsent() -> int:
    """Hand committed, unsent SMTP messages to the server; returns how many went out."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return 0
    unsent = select(MailMessage).where(
        MailMessage.transport == "smtp", MailMessage.sent_at.is_(None)
    )
    delivered = 0
    for message in db.session.scalars(unsent).all():
        try:
            _send_smtp(config, message)
        except (OSError, smtplib.SMTPException) as error:
            log.warning("mail %s to %s not sent: %s", message.id, message.to, error)
            message.error = str(error)
        else:
            message.sent_at = utcnow()
            message.error = ""
            delivered += 1
        db.session.commit()
    return delivered


def _send_smtp(config, message: MailMessage) -> None:
    email = EmailMessage()
    email["From"] = config["MAIL_FROM"]
    email["To"] = message.to
    email["Subject"] = message.subject
    email.set_content(message.body)
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(email)
