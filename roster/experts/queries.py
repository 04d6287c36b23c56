"""Reading experts."""

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from roster.api.pagination import paginate_query
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


def experts_by_name() -> Select:
    """Every expert, alphabetically (the roster page)."""
    return select(Expert).options(*_WITH_DETAILS).order_by(Expert.full_name, Expert.id)


def expert_page(page: int, per_page: int) -> tuple[list[Expert], int]:
    """One page of experts in a stable order (by id) and the total count."""
    statement = select(Expert).options(*_WITH_DETAILS).order_by(Expert.id)
    return paginate_query(statement, page, per_page)
