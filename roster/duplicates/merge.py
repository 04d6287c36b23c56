"""Merging one expert into another: which value survives per field, then the move.

Both rows are locked first (in id order, as bookings lock them), then re-read, so two staff
merging the same pair at once run one after the other and the second finds the first's result.
"""

from dataclasses import dataclass

from sqlalchemy import select

from roster.activities.bookings import lock_rows
from roster.activities.models import Assignment
from roster.audit import operations as audit
from roster.audit.models import AuditEntry
from roster.database import utcnow
from roster.errors import ValidationFailed, VersionConflict
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.experts.operations import SCALAR_FIELDS, expert_snapshot
from roster.experts.queries import get_expert
from roster.extensions import db
from roster.reference.languages import LEVEL_RANK
from roster.validation import merge_windows


class Gone(Exception):
    """The expert to merge no longer exists (someone merged or deleted it first)."""


@dataclass
class FieldChoice:
    field: str
    survivor: str
    merged: str
    kept: str

    @property
    def from_merged(self) -> bool:
        return self.kept != self.survivor


def _text(value) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value or "")


def plan(expert: Expert, into: Expert) -> list[FieldChoice]:
    """What each field of the survivor will hold: its own value, unless empty; lists joined."""
    before, other = expert_snapshot(into), expert_snapshot(expert)
    after = _merged_snapshot(expert, into)
    return [
        FieldChoice(field, _text(before[field]), _text(other[field]), _text(after[field]))
        for field in before
    ]


def _merged_snapshot(expert: Expert, into: Expert) -> dict:
    survivor, merged = expert_snapshot(into), expert_snapshot(expert)
    result = {field: survivor[field] or merged[field] for field in SCALAR_FIELDS}
    result["thematic_areas"] = list(
        dict.fromkeys(survivor["thematic_areas"] + merged["thematic_areas"])
    )
    result["languages"] = [
        f"{code}:{level}" for code, level in sorted(_languages(expert, into).items())
    ]
    result["availability"] = [
        f"{start.isoformat()}..{end.isoformat()}" for start, end in _windows(expert, into)
    ]
    # Settings of the record itself (who sees the contact details, consent) stay the survivor's.
    for field, value in survivor.items():
        result.setdefault(field, value)
    return result


def _languages(expert: Expert, into: Expert) -> dict[str, str]:
    levels: dict[str, str] = {}
    for language in [*into.languages, *expert.languages]:
        known = levels.get(language.code)
        if known is None or LEVEL_RANK[language.level] > LEVEL_RANK[known]:
            levels[language.code] = language.level
    return levels


def _windows(expert: Expert, into: Expert):
    return merge_windows(
        [(window.start, window.end) for window in [*into.availability, *expert.availability]]
    )


def merge_experts(actor, expert_id: int, into_id: int, version: int) -> Expert:
    """Merge expert `expert_id` (at `version`) into `into_id`; returns the survivor."""
    if expert_id == into_id:
        raise ValidationFailed({"into": ["An expert cannot be merged into itself."]})
    lock_rows(Expert, [expert_id, into_id])
    db.session.expire_all()
    expert, into = get_expert(expert_id), get_expert(into_id)
    if expert is None:
        raise Gone()
    if into is None:
        raise ValidationFailed({"into": [f"There is no expert {into_id}."]})
    if expert.version != version:
        raise VersionConflict(expert)
    before = expert_snapshot(into)
    merged_snapshot = expert_snapshot(expert)
    for field in SCALAR_FIELDS:
        if not getattr(into, field) and getattr(expert, field):
            setattr(into, field, getattr(expert, field))
    into.thematic_areas = list(dict.fromkeys([*into.thematic_areas, *expert.thematic_areas]))
    levels = _languages(expert, into)
    windows = _windows(expert, into)
    for language in into.languages:
        language.level = levels.pop(language.code)
    into.languages.extend(ExpertLanguage(code=code, level=level) for code, level in levels.items())
    into.availability = [AvailabilityWindow(start=start, end=end) for start, end in windows]
    _move_assignments(actor, expert.id, into.id)
    into.updated_at = utcnow()
    db.session.flush()
    audit.record_update(actor, "expert", into.id, before, expert_snapshot(into))
    audit.record(
        actor,
        "merge",
        "expert",
        expert.id,
        {"into": {"old": None, "new": into.id}, **audit.diff(merged_snapshot, {})},
    )
    db.session.delete(expert)
    db.session.flush()
    return into


def _move_assignments(actor, expert_id: int, into_id: int) -> None:
    """The merged expert's assignments go to the survivor, except on activities where the
    survivor already has one: those are removed (and audited), the survivor's kept."""
    taken = set(
        db.session.scalars(select(Assignment.activity_id).where(Assignment.expert_id == into_id))
    )
    for assignment in db.session.scalars(
        select(Assignment).where(Assignment.expert_id == expert_id)
    ):
        if assignment.activity_id in taken:
            audit.record(actor, "delete", "assignment", assignment.id, {"merged_into": into_id})
            db.session.delete(assignment)
        else:
            assignment.expert_id = into_id
            audit.record(
                actor,
                "update",
                "assignment",
                assignment.id,
                {"expert_id": {"old": expert_id, "new": into_id}},
            )


def merged_into(expert_id: int) -> int | None:
    """The survivor an expert was merged into, from the audit trail (for redirects)."""
    entry = db.session.scalar(
        select(AuditEntry)
        .where(
            AuditEntry.record_type == "expert",
            AuditEntry.record_id == expert_id,
            AuditEntry.action == "merge",
        )
        .order_by(AuditEntry.id.desc())
    )
    return entry.changes["into"]["new"] if entry else None
