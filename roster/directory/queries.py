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


def focal_points_statement(member_code: str | None = None):
    """Focal points in a stable order (member, agency, function, id)."""
    statement = select(FocalPoint).join(FocalPoint.member).join(FocalPoint.agency)
    if member_code:
        statement = statement.where(Member.code == member_code.upper())
    return statement.order_by(Member.name, Agency.name, FocalPoint.position, FocalPoint.id)


def agencies_statement(member_code: str | None = None):
    statement = select(Agency).join(Agency.member)
    if member_code:
        statement = statement.where(Member.code == member_code.upper())
    return statement.order_by(Member.code, Agency.name, Agency.id)


def member_agencies(member: Member) -> list[Agency]:
    """The member's agencies with their focal points, for the member page."""
    statement = select(Agency).where(Agency.member_id == member.id).order_by(Agency.name)
    return list(db.session.scalars(statement))


def editable_members(member_ids: list[int] | None) -> list[Member]:
    """Members a user may change records of (`None` means all)."""
    statement = select(Member).order_by(Member.name)
    if member_ids is not None:
        statement = statement.where(Member.id.in_(member_ids))
    return list(db.session.scalars(statement))


def agencies_of(members: list[Member]) -> list[Agency]:
    statement = (
        select(Agency)
        .join(Agency.member)
        .where(Agency.member_id.in_([member.id for member in members]))
        .order_by(Member.name, Agency.name)
    )
    return list(db.session.scalars(statement))
