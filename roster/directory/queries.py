"""Reads for the directory pages and API."""

from collections import defaultdict
from types import SimpleNamespace

from flask import g
from sqlalchemy import func, select

from roster.directory.models import (
    Agency,
    FocalPoint,
    FocalPointHolder,
    FocalPointLanguage,
    focal_point_thematic_areas,
)
from roster.extensions import db
from roster.reference.models import Member, ThematicArea


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


class FocalPointRecord(SimpleNamespace):
    """A focal point read as plain columns, with the attributes of FocalPoint that serializers
    use: its columns, `member` (code, name), `agency` (name, acronym, sector),
    `current_holder`, `thematic_areas` (code, name) and `languages` (code, level). Read-only."""


def _by_owner(statement, make) -> dict[int, list]:
    found = defaultdict(list)
    for row in db.session.execute(statement):
        found[row.owner].append(make(row))
    return found


def focal_point_records(condition, limit: int | None = None) -> list[FocalPointRecord]:
    """Focal points matching `condition`, by id, as FocalPointRecord: several times cheaper
    than mapped instances where many are read only to be shown or indexed."""
    statement = (
        select(
            *FocalPoint.__table__.columns,
            Member.code.label("member_code"),
            Member.name.label("member_name"),
            Agency.name.label("agency_name"),
            Agency.acronym.label("agency_acronym"),
            Agency.sector.label("agency_sector"),
        )
        .join(Member, Member.id == FocalPoint.member_id)
        .join(Agency, Agency.id == FocalPoint.agency_id)
        .where(condition)
        .order_by(FocalPoint.id)
        .limit(limit)
    )
    records = []
    for row in db.session.execute(statement):
        values = dict(row._mapping)
        member = SimpleNamespace(code=values.pop("member_code"), name=values.pop("member_name"))
        agency = SimpleNamespace(
            name=values.pop("agency_name"),
            acronym=values.pop("agency_acronym"),
            sector=values.pop("agency_sector"),
        )
        records.append(FocalPointRecord(**values, member=member, agency=agency))
    ids = [record.id for record in records]
    if not ids:
        return []
    link = focal_point_thematic_areas
    areas = _by_owner(
        select(link.c.focal_point_id.label("owner"), ThematicArea.code, ThematicArea.name)
        .join(ThematicArea, ThematicArea.id == link.c.thematic_area_id)
        .where(link.c.focal_point_id.in_(ids))
        .order_by(ThematicArea.position),
        lambda row: SimpleNamespace(code=row.code, name=row.name),
    )
    languages = _by_owner(
        select(
            FocalPointLanguage.focal_point_id.label("owner"),
            FocalPointLanguage.code,
            FocalPointLanguage.level,
        )
        .where(FocalPointLanguage.focal_point_id.in_(ids))
        .order_by(FocalPointLanguage.code),
        lambda row: SimpleNamespace(code=row.code, level=row.level),
    )
    # As FocalPoint.current_holder: the first open holding in the relationship's order.
    holders = _by_owner(
        select(
            FocalPointHolder.focal_point_id.label("owner"),
            FocalPointHolder.full_name,
            FocalPointHolder.name_local,
            FocalPointHolder.email,
            FocalPointHolder.phone,
            FocalPointHolder.started_on,
        )
        .where(FocalPointHolder.focal_point_id.in_(ids), FocalPointHolder.ended_on.is_(None))
        .order_by(FocalPointHolder.started_on.desc(), FocalPointHolder.id.desc()),
        lambda row: SimpleNamespace(
            full_name=row.full_name,
            name_local=row.name_local,
            email=row.email,
            phone=row.phone,
            started_on=row.started_on,
        ),
    )
    for record in records:
        record.thematic_areas = areas[record.id]
        record.languages = languages[record.id]
        current = holders[record.id]
        record.current_holder = current[0] if current else None
    _set_vacant_since(records)
    return records


def _set_vacant_since(records: list[FocalPointRecord]) -> None:
    """As FocalPoint.vacant_since: the day the last holder left, else the day of creation."""
    vacant = [record for record in records if record.current_holder is None]
    left = {}
    if vacant:
        left = dict(
            db.session.execute(
                select(FocalPointHolder.focal_point_id, func.max(FocalPointHolder.ended_on))
                .where(FocalPointHolder.focal_point_id.in_([record.id for record in vacant]))
                .group_by(FocalPointHolder.focal_point_id)
            ).all()
        )
    for record in records:
        record.vacant_since = None
        if record.current_holder is None:
            record.vacant_since = left.get(record.id) or record.created_at.date()


def focal_point_records_in_order(ids: list[int]) -> list[FocalPointRecord]:
    """FocalPointRecords of these ids, in the given order (a search's ranking), for showing."""
    if not ids:
        return []
    by_id = {record.id: record for record in focal_point_records(FocalPoint.id.in_(ids))}
    return [by_id[focal_point_id] for focal_point_id in ids if focal_point_id in by_id]
