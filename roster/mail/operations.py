"""Queueing and delivering mail.

Every message is stored. Without MAIL_SERVER it counts as delivered locally (admins read it in
the app); with MAIL_SERVER the worker hands it to SMTP through `deliver_unsent()`, after the
transaction that queued it committed, so a rolled-back change never sends mail and no request
waits for a mail server.
"""

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import select

from roster.database import utcnow
from roster.extensions import db
from roster.mail import links as mail_links
from roster.mail.models import MailMessage

log = logging.getLogger(__name__)


def already_queued(dedupe_key: str) -> bool:
    statement = select(MailMessage.id).where(MailMessage.dedupe_key == dedupe_key)
    return db.session.scalar(statement) is not None


def attachment(filename: str, content_type: str, content: str) -> dict:
    """A text attachment as queue_mail takes it."""
    return {"filename": filename, "content_type": content_type, "content": content}


def queue_mail(
    to: str,
    subject: str,
    body: str,
    dedupe_key: str | None = None,
    links: dict[str, str] | None = None,
    attachments: list[dict] | None = None,
) -> MailMessage:
    """Store a message in the current transaction.

    `links` maps names to URLs that `body` holds as `links.placeholder(name)`: they are stored
    encrypted and written into the text only as the message goes out.
    """
    uses_smtp = bool(current_app.config.get("MAIL_SERVER"))
    message = MailMessage(
        to=to,
        subject=subject,
        body=body,
        sealed_links=mail_links.seal(links or {}),
        dedupe_key=dedupe_key,
        attachments=attachments or [],
        transport="smtp" if uses_smtp else "local",
        sent_at=None if uses_smtp else utcnow(),
    )
    db.session.add(message)
    db.session.flush()
    return message


def _is_transient(error: Exception) -> bool:
    """Whether sending again later may work (the server, not the message, is the problem)."""
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code < 500
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code < 500 for code, _ in error.recipients.values())
    return isinstance(error, OSError | smtplib.SMTPServerDisconnected)


def send_now(to: str, subject: str, body: str) -> MailMessage:
    """Deliver one message at once (SMTP when configured) and store it as sent.

    For the worker's own retrying senders: an SMTP failure raises (OSError or SMTPException)
    and nothing is stored, so the caller decides when to try again.
    """
    config = current_app.config
    message = MailMessage(to=to, subject=subject, body=body, attachments=[], transport="local")
    if config.get("MAIL_SERVER"):
        message.transport = "smtp"
        _send_smtp(config, message)
    message.sent_at = utcnow()
    db.session.add(message)
    return message


def deliver_unsent() -> int:
    """Hand committed, unsent SMTP messages to the server; returns how many went out.

    A message that cannot be sent (a bad header, a refused recipient) keeps its error and is
    not retried; the others still go out. Server trouble leaves a message for the next turn.
    """
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return 0
    unsent = select(MailMessage.id).where(
        MailMessage.transport == "smtp",
        MailMessage.sent_at.is_(None),
        MailMessage.failed_at.is_(None),
    )
    delivered = 0
    for message_id in db.session.scalars(unsent.order_by(MailMessage.id)).all():
        message = db.session.get(MailMessage, message_id)
        try:
            _send_smtp(config, message)
        except Exception as error:
            log.warning("mail %s to %s not sent: %s", message.id, message.to, error)
            message.error = f"{type(error).__name__}: {error}"[:2000]
            if not _is_transient(error):
                message.failed_at = utcnow()
                message.sealed_links = ""
        else:
            message.sent_at = utcnow()
            message.error = ""
            # Delivered: the stored copy keeps no usable link.
            message.sealed_links = ""
            delivered += 1
        db.session.commit()
    return delivered


def _send_smtp(config, message: MailMessage) -> None:
    email = EmailMessage()
    email["From"] = config["MAIL_FROM"]
    email["To"] = message.to
    email["Subject"] = message.subject
    email.set_content(mail_links.reveal(message.body, message.sealed_links))
    for item in message.attachments or []:
        maintype, _, subtype = item["content_type"].partition("/")
        email.add_attachment(
            item["content"].encode(), maintype=maintype, subtype=subtype, filename=item["filename"]
        )
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(email)
