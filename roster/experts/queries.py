"""Reading experts."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from roster.experts.models import Expert
from roster.extensions import db

# Everything a list or an API answer shows, loaded in three queries rather than three per expert.
_WITH_DETAILS = (
    selectinload(Expert.thematic_areas),
    selectinload(Expert.languages),
    selectinload(Expert.availability),
)


def get_expert(expert_id: int) -> Expert | None:
    """The expert with everything shown about them, or None."""
    return db.session.get(Expert, expert_id, options=_WITH_DETAILS)


def experts_in_order(ids: list[int]) -> list[Expert]:
    """The experts with these ids, in the given order (a search's ranking)."""
    if not ids:
        return []
    statement = select(Expert).options(*_WITH_DETAILS).where(Expert.id.in_(ids))
    by_id = {expert.id: expert for expert in db.session.scalars(statement)}
    return [by_id[expert_id] for expert_id in ids if expert_id in by_id]
