"""Reads for the directory pages and API."""

from flask import g
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

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


def members_by_codes(codes: list[str]) -> list[Member]:
    return list(db.session.scalars(select(Member).where(Member.code.in_(codes))))


def member_by_code(code: str) -> Member | None:
    return db.session.scalar(select(Member).where(Member.code == code.upper()))


def member_name(code: str) -> str:
    """The member's name (looked up once per request), or the code when unknown."""
    if "member_names" not in g:
        g.member_names = dict(db.session.execute(select(Member.code, Member.name)).all())
    return g.member_names.get(code, code)


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


def focal_points_in_order(ids: list[int]) -> list[FocalPoint]:
    """The focal points with these ids, in the given order (a search's ranking)."""
    if not ids:
        return []
    statement = (
        select(FocalPoint)
        .options(
            joinedload(FocalPoint.member),
            joinedload(FocalPoint.agency),
            selectinload(FocalPoint.holders),
            selectinload(FocalPoint.languages),
            selectinload(FocalPoint.thematic_areas),
        )
        .where(FocalPoint.id.in_(ids))
    )
    by_id = {focal_point.id: focal_point for focal_point in db.session.scalars(statement)}
    return [by_id[focal_point_id] for focal_point_id in ids if focal_point_id in by_id]
