"""Reads for the directory pages and API."""

from sqlalchemy import func, select

from roster.directory.models import Agency, FocalPoint
from roster.extensions import db
from roster.reference.models import Member


def members_with_counts() -> list[tuple[Member, int, int]]:
    """Every member with its number of agencies and focal points."""
    agencies = (
        select(Agency.member_id, func.count().label("n")).group_by(Agency.member_id).subquery()
    )
    focal_points = (
        select(FocalPoint.member_id, func.count().label("n"))
        .group_by(FocalPoint.member_id)
        .subquery()
    )
    statement = (
        select(Member, func.coalesce(agencies.c.n, 0), func.coalesce(focal_points.c.n, 0))
        .outerjoin(agencies, agencies.c.member_id == Member.id)
        .outerjoin(focal_points, focal_points.c.member_id == Member.id)
        .order_by(Member.name)
    )
    return [tuple(row) for row in db.session.execute(statement)]


def member_by_code(code: str) -> Member | None:
    return db.session.scalar(select(Member).where(Member.code == code.upper()))
