"""Bounced mail: the focal points behind an address that failed fall due for review at once.

Reported by an admin (API, command line) or read by the worker from BOUNCE_MAILBOX, an IMAP
mailbox receiving delivery status notifications (RFC 3464).
"""

import email
import email.policy
import imaplib
import logging
from datetime import date
from urllib.parse import unquote, urlsplit

from flask import current_app
from sqlalchemy import func, or_, select

from roster.audit import operations as audit
from roster.database import utcnow
from roster.directory.models import FocalPoint, FocalPointHolder
from roster.extensions import db
from roster.validation import clean_email

log = logging.getLogger(__name__)


def record_bounce(actor, address: str) -> list[int]:
    """Flag every focal point reached at `address` (holder or shared mailbox); their ids."""
    address = address.strip().lower()
    holders = select(FocalPointHolder.focal_point_id).where(
        FocalPointHolder.ended_on.is_(None), func.lower(FocalPointHolder.email) == address
    )
    statement = select(FocalPoint).where(
        or_(FocalPoint.id.in_(holders), func.lower(FocalPoint.shared_mailbox) == address)
    )
    flagged = []
    for focal_point in db.session.scalars(statement.order_by(FocalPoint.id)):
        before = {"contact_failed": focal_point.contact_failed_at is not None}
        before["review_due"] = (
            focal_point.review_due.isoformat() if focal_point.review_due else None
        )
        focal_point.contact_failed_at = utcnow()
        focal_point.review_due = min(focal_point.review_due or date.today(), date.today())
        focal_point.updated_at = utcnow()
        db.session.flush()
        after = {"contact_failed": True, "review_due": focal_point.review_due.isoformat()}
        audit.record_update(actor, "focal_point", focal_point.id, before, after)
        flagged.append(focal_point.id)
    return flagged


def clean_bounce_address(value) -> str:
    address = clean_email(value)
    if not address:
        raise ValueError("Give the address that bounced.")
    return address


def failed_recipients(raw: bytes) -> list[str]:
    """The addresses a delivery status notification (RFC 3464) reports as failed."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    failed = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        groups = part.get_payload()
        for group in groups[1:] if isinstance(groups, list) else []:
            action = (group.get("Action") or "").strip().lower()
            recipient = group.get("Final-Recipient") or group.get("Original-Recipient") or ""
            kind, _, address = recipient.partition(";")
            if action == "failed" and kind.strip().lower() == "rfc822" and "@" in address:
                failed.append(address.strip().strip("<>").lower())
    return sorted(set(failed))


def read_bounce_mailbox() -> int:
    """Read the unseen reports in BOUNCE_MAILBOX (imaps://user:password@host[:port]/FOLDER),
    record their failed recipients and mark them seen; returns how many addresses bounced."""
    url = current_app.config.get("BOUNCE_MAILBOX")
    if not url:
        return 0
    parts = urlsplit(url)
    connect = imaplib.IMAP4_SSL if parts.scheme == "imaps" else imaplib.IMAP4
    port = parts.port or (993 if parts.scheme == "imaps" else 143)
    bounced = 0
    with connect(parts.hostname, port, timeout=30) as mailbox:
        mailbox.login(unquote(parts.username or ""), unquote(parts.password or ""))
        mailbox.select(parts.path.strip("/") or "INBOX")
        _, found = mailbox.search(None, "UNSEEN")
        for number in found[0].split():
            _, data = mailbox.fetch(number, "(RFC822)")
            raw = next((item[1] for item in data if isinstance(item, tuple)), b"")
            for address in failed_recipients(raw):
                record_bounce(audit.NamedActor("bounce mailbox"), address)
                bounced += 1
            db.session.commit()
            mailbox.store(number, "+FLAGS", "\\Seen")
    return bounced
