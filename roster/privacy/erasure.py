"""Erasing a person on request: their data leaves the database, the audit trail's values, the
kept mail and (through the outbox) the index; one `erase` entry without personal data stays."""

import json

from sqlalchemy import Text, cast, delete, or_, select

from roster.activities.models import Participant
from roster.audit import operations as audit
from roster.audit.models import AuditEntry
from roster.database import utcnow
from roster.directory.models import FocalPoint
from roster.errors import VersionConflict
from roster.experts.models import Expert
from roster.extensions import db
from roster.freshness.models import CorrectionProposal
from roster.mail.models import MailMessage

# Shorter values (initials, empty strings) would match unrelated text.
MIN_TRACE_LENGTH = 3


def redacted(changes: dict | None) -> dict:
    """What an entry keeps once its values are removed: the names of the fields it touched."""
    return {"fields": sorted(changes or {})}


def redact_entries(condition) -> int:
    """Remove the values of the audit entries matching `condition`; returns how many."""
    entries = db.session.scalars(
        select(AuditEntry).where(condition, AuditEntry.redacted_at.is_(None))
    ).all()
    now = utcnow()
    for entry in entries:
        entry.changes = redacted(entry.changes)
        entry.redacted_at = now
    return len(entries)


def _traces(*values: str) -> list[str]:
    return sorted({value for value in values if value and len(value) >= MIN_TRACE_LENGTH})


def _mentions(column, traces: list[str]):
    """`column` (text or JSON) contains one of the traces, case aside; JSON text holds
    non-ASCII characters as \\u escapes, so those are looked for too."""
    text = cast(column, Text)
    patterns = {variant for trace in traces for variant in (trace, json.dumps(trace)[1:-1])}
    return or_(*[text.ilike(f"%{pattern}%") for pattern in sorted(patterns)])


def scrub(traces: list[str], record_type: str, record_id: int) -> None:
    """Remove the traces of one person: the record's audit values, any audit entry, mail or
    proposal mentioning them, and participant records naming them."""
    redact_entries((AuditEntry.record_type == record_type) & (AuditEntry.record_id == record_id))
    if not traces:
        return
    redact_entries(_mentions(AuditEntry.changes, traces))
    db.session.execute(
        delete(MailMessage).where(
            or_(
                _mentions(MailMessage.to, traces),
                _mentions(MailMessage.subject, traces),
                _mentions(MailMessage.body, traces),
            )
        )
    )
    db.session.execute(
        delete(CorrectionProposal).where(
            or_(
                _mentions(CorrectionProposal.changes, traces),
                _mentions(CorrectionProposal.based_on, traces),
            )
        )
    )
    named = or_(_mentions(Participant.full_name, traces), _mentions(Participant.email, traces))
    if record_type == "focal_point":
        named = or_(named, Participant.focal_point_id == record_id)
    for participant in db.session.scalars(select(Participant).where(named)):
        participant.full_name = "(erased)"
        participant.email = ""
        participant.notes = ""
        participant.person_key = f"erased:{participant.id}"
    db.session.flush()


def erase_expert(actor, expert: Expert, version: int) -> None:
    """Erase an expert: the record goes (as on deletion) and so do its traces."""
    if version != expert.version:
        raise VersionConflict(expert)
    traces = _traces(expert.full_name, expert.name_local, expert.email, expert.phone)
    expert_id = expert.id
    db.session.delete(expert)
    db.session.flush()
    scrub(traces, "expert", expert_id)
    audit.record(actor, "erase", "expert", expert_id, {})


def erase_focal_point(actor, focal_point: FocalPoint, version: int) -> None:
    """Erase every holder of a function, current and former; the function stays, vacant."""
    if version != focal_point.version:
        raise VersionConflict(focal_point)
    traces = _traces(
        *[
            value
            for holder in focal_point.holders
            for value in (holder.full_name, holder.name_local, holder.email, holder.phone)
        ]
    )
    focal_point.holders.clear()
    focal_point.updated_at = utcnow()
    db.session.flush()
    scrub(traces, "focal_point", focal_point.id)
    db.session.execute(
        delete(CorrectionProposal).where(CorrectionProposal.focal_point_id == focal_point.id)
    )
    audit.record(actor, "erase", "focal_point", focal_point.id, {})
