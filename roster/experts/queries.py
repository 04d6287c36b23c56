"""Reading experts."""

from collections import defaultdict
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage, expert_thematic_areas
from roster.extensions import db
from roster.reference.models import ThematicArea

# Everything a list or an API answer shows, loaded in three queries rather than three per expert.
_WITH_DETAILS = (
    selectinload(Expert.thematic_areas),
    selectinload(Expert.languages),
    selectinload(Expert.availability),
)


# A CV's text can be long and is only searched, never shown: lists and documents leave it out.
SHOWN_COLUMNS = [column for column in Expert.__table__.columns if column.name != "cv_text"]


class ExpertRecord(SimpleNamespace):
    """An expert read as plain columns, with the attributes of Expert that serializers use:
    its columns, `thematic_areas` (code, name), `languages` (code, level) and `availability`
    (start, end), in the relationships' order. Read-only: nothing tracks or saves it."""


def get_expert(expert_id: int) -> Expert | None:
    """The expert with everything shown about them, or None."""
    return db.session.get(Expert, expert_id, options=_WITH_DETAILS)


def _by_owner(statement, make) -> dict[int, list]:
    found = defaultdict(list)
    for row in db.session.execute(statement):
        found[row.owner].append(make(row))
    return found


def expert_records(condition, limit: int | None = None) -> list[ExpertRecord]:
    """Experts matching `condition`, by id, as ExpertRecord: several times cheaper than mapped
    instances where many are read only to be shown or indexed."""
    statement = select(*SHOWN_COLUMNS).where(condition).order_by(Expert.id).limit(limit)
    records = [ExpertRecord(**row._mapping) for row in db.session.execute(statement)]
    ids = [record.id for record in records]
    if not ids:
        return []
    link = expert_thematic_areas
    areas = _by_owner(
        select(link.c.expert_id.label("owner"), ThematicArea.code, ThematicArea.name)
        .join(ThematicArea, ThematicArea.id == link.c.thematic_area_id)
        .where(link.c.expert_id.in_(ids))
        .order_by(ThematicArea.position),
        lambda row: SimpleNamespace(code=row.code, name=row.name),
    )
    languages = _by_owner(
        select(ExpertLanguage.expert_id.label("owner"), ExpertLanguage.code, ExpertLanguage.level)
        .where(ExpertLanguage.expert_id.in_(ids))
        .order_by(ExpertLanguage.code),
        lambda row: SimpleNamespace(code=row.code, level=row.level),
    )
    windows = _by_owner(
        select(
            AvailabilityWindow.expert_id.label("owner"),
            AvailabilityWindow.start,
            AvailabilityWindow.end,
        )
        .where(AvailabilityWindow.expert_id.in_(ids))
        .order_by(AvailabilityWindow.start),
        lambda row: SimpleNamespace(start=row.start, end=row.end),
    )
    for record in records:
        record.thematic_areas = areas[record.id]
        record.languages = languages[record.id]
        record.availability = windows[record.id]
    return records


def expert_records_in_order(ids: list[int]) -> list[ExpertRecord]:
    """ExpertRecords of these ids, in the given order (a search's ranking), for showing."""
    if not ids:
        return []
    by_id = {record.id: record for record in expert_records(Expert.id.in_(ids))}
    return [by_id[expert_id] for expert_id in ids if expert_id in by_id]
