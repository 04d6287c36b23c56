"""Creating mailings in a request, sending them in the worker.

A request only resolves the audience and writes one row per recipient (a bulk insert: 2,000
recipients take a fraction of a second). The worker's job claims due recipients in batches
under a lease, reads each one's address and merge fields at that moment, sends, and records the
outcome; an SMTP failure is retried later with a growing delay until the attempts run out.
"""

import logging
import secrets
import smtplib
import time
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, insert, or_, select, update

from roster.audit import operations as audit
from roster.database import utcnow
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.mail.operations import send_now
from roster.mailings import audience as audiences
from roster.mailings.models import Mailing, MailingRecipient
from roster.validation import FieldErrors, clean_text

log = logging.getLogger(__name__)

SUBJECT_LENGTH = 300
BODY_LENGTH = 20_000
BATCH = 200
LEASE_SECONDS = 120
# The worker runs jobs between outbox drains: leave it soon, the rest goes next turn.
JOB_BUDGET_SECONDS = 10


def clean_message(data: dict) -> tuple[str, str]:
    errors = FieldErrors()
    subject = errors.clean(
        "subject", clean_text, data.get("subject"), SUBJECT_LENGTH, required=True
    )
    body = errors.clean(
        "body", clean_text, data.get("body"), BODY_LENGTH, required=True, multiline=True
    )
    for field, text in (("subject", subject), ("body", body)):
        unknown = audiences.unknown_merge_fields(text or "")
        if unknown:
            known = ", ".join(f"{{{name}}}" for name in audiences.MERGE_FIELDS)
            errors.add(field, f"Unknown merge field {', '.join(unknown)}: use {known}.")
    errors.raise_if_any()
    return subject, body


def prepare(data: dict):
    """(kind, parameters, subject, body, recipient ids) of a mailing, validated."""
    kind, parameters, search = audiences.parse_audience(data.get("audience"))
    subject, body = clean_message(data)
    ids = audiences.matching_ids(kind, search)
    return kind, parameters, subject, body, ids


def preview(data: dict) -> dict:
    """The number of recipients and the first one's personalised message, nothing stored."""
    kind, _, subject, body, ids = prepare(data)
    first = None
    for record_id in ids[:20]:
        found = audiences.recipients(kind, [record_id]).get(record_id)
        if found:
            fields = found[1]
            first = {
                "subject": audiences.merge(subject, fields),
                "body": audiences.merge(body, fields),
            }
            break
    return {"recipients": len(ids), "first": first}


def create_mailing(actor, data: dict) -> Mailing:
    kind, parameters, subject, body, ids = prepare(data)
    if not ids:
        raise ValidationFailed({"audience": ["Nobody matches this audience."]})
    mailing = Mailing(
        audience_kind=kind,
        audience={kind: parameters},
        subject=subject,
        body=body,
        status="queued",
        recipient_count=len(ids),
        created_by_id=actor.id,
    )
    db.session.add(mailing)
    db.session.flush()
    names = audiences.names(kind, ids)
    now = utcnow()
    db.session.execute(
        insert(MailingRecipient.__table__),
        [
            {
                "mailing_id": mailing.id,
                "record_id": record_id,
                "full_name": (names.get(record_id) or "")[:200],
                "status": "queued",
                "attempts": 0,
                "next_attempt_at": now,
                "error": "",
            }
            for record_id in ids
        ],
    )
    audit.record(
        actor,
        "create",
        "mailing",
        mailing.id,
        {
            "audience": {"old": None, "new": mailing.audience},
            "subject": {"old": None, "new": subject},
            "recipients": {"old": None, "new": len(ids)},
        },
    )
    return mailing


def counts(mailing: Mailing) -> dict[str, int]:
    rows = db.session.execute(
        select(MailingRecipient.status, func.count())
        .where(MailingRecipient.mailing_id == mailing.id)
        .group_by(MailingRecipient.status)
    ).all()
    return {status: 0 for status in ("queued", "sent", "failed", "skipped")} | dict(rows)


# Sending, in the worker ------------------------------------------------------------------------


def _claim(now) -> tuple[str, list[MailingRecipient]]:
    lease = secrets.token_hex(8)
    due = (
        select(MailingRecipient.id)
        .where(
            MailingRecipient.status == "queued",
            MailingRecipient.next_attempt_at <= now,
            or_(MailingRecipient.lease_until.is_(None), MailingRecipient.lease_until < now),
        )
        .order_by(MailingRecipient.id)
        .limit(BATCH)
    )
    ids = list(db.session.scalars(due))
    if not ids:
        return lease, []
    # Re-checked in the UPDATE itself: of two workers claiming at once, each row goes to one.
    db.session.execute(
        update(MailingRecipient)
        .where(
            MailingRecipient.id.in_(ids),
            MailingRecipient.status == "queued",
            or_(MailingRecipient.lease_until.is_(None), MailingRecipient.lease_until < now),
        )
        .values(lease=lease, lease_until=now + timedelta(seconds=LEASE_SECONDS)),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    claimed = select(MailingRecipient).where(MailingRecipient.lease == lease)
    return lease, list(db.session.scalars(claimed.order_by(MailingRecipient.id)))


def _send_batch(batch: list[MailingRecipient]) -> None:
    config = current_app.config
    mailings = {
        mailing.id: mailing
        for mailing in db.session.scalars(
            select(Mailing).where(Mailing.id.in_({item.mailing_id for item in batch}))
        )
    }
    for mailing in mailings.values():
        if mailing.status == "queued":
            mailing.status = "sending"
    by_kind: dict[str, list[int]] = {}
    for item in batch:
        by_kind.setdefault(mailings[item.mailing_id].audience_kind, []).append(item.record_id)
    found = {kind: audiences.recipients(kind, ids) for kind, ids in by_kind.items()}
    now = utcnow()
    for item in batch:
        mailing = mailings[item.mailing_id]
        item.lease = item.lease_until = None
        recipient = found[mailing.audience_kind].get(item.record_id)
        if recipient is None or not recipient[0]:
            item.status = "skipped"
            item.error = (
                "deleted since the mailing was queued" if recipient is None else "no address"
            )
            continue
        address, fields = recipient
        item.attempts += 1
        try:
            send_now(
                address,
                audiences.merge(mailing.subject, fields),
                audiences.merge(mailing.body, fields),
            )
        except (OSError, smtplib.SMTPException) as error:
            log.warning("mailing %s: recipient %s not sent: %s", mailing.id, item.id, error)
            item.error = str(error)[:500]
            if item.attempts >= config["MAILING_MAX_ATTEMPTS"]:
                item.status = "failed"
            else:
                delay = config["MAILING_RETRY_SECONDS"] * 2 ** (item.attempts - 1)
                item.next_attempt_at = now + timedelta(seconds=delay)
        else:
            item.status = "sent"
            item.sent_at = utcnow()
            item.error = ""
    db.session.flush()
    for mailing in mailings.values():
        _finish_if_done(mailing)
    db.session.commit()


def _finish_if_done(mailing: Mailing) -> None:
    left = db.session.scalar(
        select(func.count())
        .select_from(MailingRecipient)
        .where(MailingRecipient.mailing_id == mailing.id, MailingRecipient.status == "queued")
    )
    if not left and mailing.status != "done":
        mailing.status = "done"
        mailing.finished_at = utcnow()


def send_mailings() -> int:
    """Send the due recipients of every mailing, batch by batch, within the job's budget;
    returns how many recipients were handled."""
    started = time.monotonic()
    handled = 0
    while time.monotonic() - started < JOB_BUDGET_SECONDS:
        _, batch = _claim(utcnow())
        if not batch:
            break
        _send_batch(batch)
        handled += len(batch)
    return handled
