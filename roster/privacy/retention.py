"""Retention: former holders' contact details and old audit values do not stay forever.

`purge` runs daily in the worker (roster.schedule) and as `roster purge`; it only ever removes
what is past its date, so running it twice changes nothing more.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from flask import current_app
from sqlalchemy import or_, select

from roster.audit.models import AuditEntry
from roster.directory.models import FocalPointHolder
from roster.extensions import db
from roster.privacy.erasure import redact_entries


@dataclass
class PurgeStats:
    holders: int = 0
    audit_entries: int = 0


def purge(today: date | None = None) -> PurgeStats:
    """Erase former holders' email and phone HOLDER_RETENTION_DAYS after the handover, and
    the values of audit entries older than AUDIT_RETENTION_DAYS (the entries themselves stay)."""
    today = today or date.today()
    config = current_app.config
    stats = PurgeStats()
    handed_over_by = today - timedelta(days=config["HOLDER_RETENTION_DAYS"])
    holders = db.session.scalars(
        select(FocalPointHolder).where(
            FocalPointHolder.ended_on.is_not(None),
            FocalPointHolder.ended_on <= handed_over_by,
            or_(FocalPointHolder.email != "", FocalPointHolder.phone != ""),
        )
    ).all()
    for holder in holders:
        holder.email = ""
        holder.phone = ""
    stats.holders = len(holders)
    cutoff = datetime.combine(today, time(), tzinfo=UTC) - timedelta(
        days=config["AUDIT_RETENTION_DAYS"]
    )
    stats.audit_entries = redact_entries(AuditEntry.at < cutoff)
    db.session.flush()
    return stats


def purge_job() -> None:
    """The worker's daily purge."""
    purge()
    db.session.commit()
