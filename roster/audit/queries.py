from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.extensions import db


def entries_for(record_type: str, record_id: int) -> list[AuditEntry]:
    """The record's audit trail, newest first."""
    statement = (
        select(AuditEntry)
        .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    return list(db.session.scalars(statement))


def entry_to_api(entry: AuditEntry) -> dict:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "record_type": entry.record_type,
        "record_id": entry.record_id,
        "changes": entry.changes,
    }
