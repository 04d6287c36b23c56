"""Writing audit entries: one per create, update, delete or export."""

from dataclasses import dataclass

from roster.audit.models import AuditEntry
from roster.extensions import db


@dataclass(frozen=True)
class NamedActor:
    """Someone or something acting without an account (a command, a mailbox), as logged."""

    email: str
    id: None = None


def diff(before: dict, after: dict) -> dict:
    """{field: {"old": ..., "new": ...}} for every field whose value changed."""
    return {
        field: {"old": before.get(field), "new": after.get(field)}
        for field in sorted(set(before) | set(after))
        if before.get(field) != after.get(field)
    }


def record(user, action: str, record_type: str, record_id: int | None, changes: dict) -> None:
    """Add an audit entry to the current transaction."""
    db.session.add(
        AuditEntry(
            user_id=getattr(user, "id", None),
            actor=(getattr(user, "email", "") or "")[:254],
            action=action,
            record_type=record_type,
            record_id=record_id,
            changes=changes,
        )
    )


def record_create(user, record_type: str, record_id: int, snapshot: dict) -> None:
    record(user, "create", record_type, record_id, diff({}, snapshot))


def record_update(user, record_type: str, record_id: int, before: dict, after: dict) -> None:
    changes = diff(before, after)
    if changes:
        record(user, "update", record_type, record_id, changes)


def record_delete(user, record_type: str, record_id: int, snapshot: dict) -> None:
    record(user, "delete", record_type, record_id, diff(snapshot, {}))
