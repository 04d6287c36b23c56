"""Reads for the stakeholder map: coverage of thematic areas per member, and its drill-down."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import case, exists, false, func, select
from sqlalchemy.orm import contains_eager, selectinload

from roster.database import utcnow
from roster.directory.models import (
    AGENCY_SECTORS,
    Agency,
    FocalPoint,
    FocalPointHolder,
    focal_point_thematic_areas,
)
from roster.errors import ValidationFailed
from roster.experts.models import Expert, expert_thematic_areas
from roster.extensions import db
from roster.reference.models import MEMBER_KINDS, MEMBER_STATUSES, Member, ThematicArea

CONFIRMATION_WINDOW = timedelta(days=365)
# Organisations have no nationals: experts are counted for states and territories only.
KINDS_WITH_NATIONALS = ("state", "territory")


@dataclass(frozen=True)
class MapFilters:
    kind: str | None = None
    status: str | None = None
    sector: str | None = None

    def as_dict(self) -> dict:
        """The filters that are set, for links and audit entries."""
        return {name: value for name, value in vars(self).items() if value}


@dataclass(frozen=True)
class Cell:
    focal_points: int = 0
    experts: int = 0
    confirmed_share: float = 0.0
    # Functions of the pair that nobody holds, and since when the oldest of them is vacant.
    vacant: int = 0
    vacant_since: date | None = None

    @property
    def total(self) -> int:
        return self.focal_points + self.experts


@dataclass
class CoverageMap:
    members: list[Member]
    thematic_areas: list[ThematicArea]
    cells: dict[tuple[str, str], Cell]
    members_without_focal_points: list[Member] = field(default_factory=list)
    # (member code, thematic area code) -> (vacant functions, the oldest one's vacant_since)
    vacancies: dict[tuple[str, str], tuple[int, date]] = field(default_factory=dict)

    def cell(self, member: Member, thematic_area: ThematicArea) -> Cell:
        key = (member.code, thematic_area.code)
        found = self.cells.get(key, Cell())
        if key in self.vacancies:
            vacant, since = self.vacancies[key]
            return replace(found, vacant=vacant, vacant_since=since)
        return found

    def covered_cells(self) -> list[tuple[Member, ThematicArea, Cell]]:
        """Every pair with anyone in it, in row then column order."""
        return [
            (member, area, self.cell(member, area))
            for member in self.members
            for area in self.thematic_areas
            if (member.code, area.code) in self.cells
        ]

    def uncovered_thematic_areas(self) -> list[ThematicArea]:
        """Thematic areas nobody covers in any of the rows."""
        covered = {area_code for _, area_code in self.cells}
        return [area for area in self.thematic_areas if area.code not in covered]


FILTER_CHOICES = {
    "kind": MEMBER_KINDS,
    "status": MEMBER_STATUSES,
    "sector": tuple(AGENCY_SECTORS),
}


def clean_filters(args) -> MapFilters:
    """Filters from a query string; an empty value means no filter."""
    errors = {}
    values = {}
    for name, choices in FILTER_CHOICES.items():
        value = (args.get(name) or "").strip()
        if value and value not in choices:
            errors[name] = [f"Choose one of: {', '.join(choices)}."]
        values[name] = value or None
    if errors:
        raise ValidationFailed(errors)
    return MapFilters(**values)


def _held():
    """Focal points that somebody holds today: vacant functions are not coverage."""
    return exists().where(
        FocalPointHolder.focal_point_id == FocalPoint.id, FocalPointHolder.ended_on.is_(None)
    )


def _counted_focal_points(statement, sector: str | None):
    statement = statement.where(_held())
    if sector:
        statement = statement.join(Agency, Agency.id == FocalPoint.agency_id).where(
            Agency.sector == sector
        )
    return statement


def _member_rows(filters: MapFilters) -> list[Member]:
    statement = select(Member).order_by(Member.name, Member.code)
    if filters.kind:
        statement = statement.where(Member.kind == filters.kind)
    if filters.status:
        statement = statement.where(Member.status == filters.status)
    return list(db.session.scalars(statement))


def confirmation_cutoff() -> datetime:
    """Focal points verified at or after this moment count as confirmed."""
    return utcnow() - CONFIRMATION_WINDOW


def thematic_areas() -> list[ThematicArea]:
    return list(db.session.scalars(select(ThematicArea).order_by(ThematicArea.position)))


def _focal_point_counts(member_ids: list[int], sector: str | None) -> dict:
    cutoff = confirmation_cutoff()
    area_id = focal_point_thematic_areas.c.thematic_area_id
    statement = (
        select(
            FocalPoint.member_id,
            area_id,
            func.count(),
            func.sum(case((FocalPoint.verified_at >= cutoff, 1), else_=0)),
        )
        .join(
            focal_point_thematic_areas, focal_point_thematic_areas.c.focal_point_id == FocalPoint.id
        )
        .where(FocalPoint.member_id.in_(member_ids))
        .group_by(FocalPoint.member_id, area_id)
    )
    statement = _counted_focal_points(statement, sector)
    return {
        (member_id, thematic_area_id): (count, confirmed or 0)
        for member_id, thematic_area_id, count, confirmed in db.session.execute(statement)
    }


def _expert_counts(member_codes: list[str]) -> dict:
    area_id = expert_thematic_areas.c.thematic_area_id
    statement = (
        select(Expert.nationality, area_id, func.count())
        .join(expert_thematic_areas, expert_thematic_areas.c.expert_id == Expert.id)
        .where(Expert.nationality.in_(member_codes))
        .group_by(Expert.nationality, area_id)
    )
    return {(code, area): count for code, area, count in db.session.execute(statement)}


def _vacancies(member_ids: list[int], sector: str | None) -> dict:
    """(member id, thematic area id) -> (vacant functions, oldest vacant_since)."""
    last_left = (
        select(func.max(FocalPointHolder.ended_on))
        .where(FocalPointHolder.focal_point_id == FocalPoint.id)
        .scalar_subquery()
    )
    area_id = focal_point_thematic_areas.c.thematic_area_id
    statement = (
        select(FocalPoint.member_id, area_id, FocalPoint.created_at, last_left)
        .join(
            focal_point_thematic_areas, focal_point_thematic_areas.c.focal_point_id == FocalPoint.id
        )
        .where(FocalPoint.member_id.in_(member_ids), ~_held())
    )
    if sector:
        statement = statement.join(Agency, Agency.id == FocalPoint.agency_id).where(
            Agency.sector == sector
        )
    found: dict = {}
    for member_id, thematic_area_id, created_at, left_on in db.session.execute(statement):
        since = left_on or created_at.date()
        count, oldest = found.get((member_id, thematic_area_id), (0, since))
        found[member_id, thematic_area_id] = (count + 1, min(oldest, since))
    return found


def _members_with_focal_points(member_ids: list[int], sector: str | None) -> set[int]:
    statement = select(FocalPoint.member_id).where(FocalPoint.member_id.in_(member_ids)).distinct()
    return set(db.session.scalars(_counted_focal_points(statement, sector)))


def coverage(filters: MapFilters) -> CoverageMap:
    """The map: one row per member after filters, one column per thematic area."""
    members = _member_rows(filters)
    areas = thematic_areas()
    member_ids = [member.id for member in members]
    nationals = [member.code for member in members if member.kind in KINDS_WITH_NATIONALS]
    focal_points = _focal_point_counts(member_ids, filters.sector) if member_ids else {}
    experts = _expert_counts(nationals) if nationals else {}
    cells = {}
    for member in members:
        for area in areas:
            held, confirmed = focal_points.get((member.id, area.id), (0, 0))
            nationals_count = experts.get((member.code, area.id), 0)
            if held or nationals_count:
                share = round(confirmed / held, 2) if held else 0.0
                cells[member.code, area.code] = Cell(held, nationals_count, share)
    with_focal_points = (
        _members_with_focal_points(member_ids, filters.sector) if member_ids else set()
    )
    vacant = _vacancies(member_ids, filters.sector) if member_ids else {}
    codes = {member.id: member.code for member in members}
    area_codes = {area.id: area.code for area in areas}
    return CoverageMap(
        members=members,
        thematic_areas=areas,
        cells=cells,
        members_without_focal_points=[m for m in members if m.id not in with_focal_points],
        vacancies={
            (codes[member_id], area_codes[area_id]): value
            for (member_id, area_id), value in vacant.items()
        },
    )


def member_by_code(code: str) -> Member | None:
    return db.session.scalar(select(Member).where(Member.code == code.upper()))


def thematic_area_by_code(code: str) -> ThematicArea | None:
    return db.session.scalar(select(ThematicArea).where(ThematicArea.code == code))


def cell_focal_points(
    member: Member, thematic_area: ThematicArea, sector: str | None
) -> tuple[list[FocalPoint], list[FocalPoint]]:
    """The cell's focal points: (held ones, counted on the map; vacant ones, not counted)."""
    tagged = (
        select(FocalPoint)
        .join(Agency, Agency.id == FocalPoint.agency_id)
        .join(
            focal_point_thematic_areas, focal_point_thematic_areas.c.focal_point_id == FocalPoint.id
        )
        .where(
            FocalPoint.member_id == member.id,
            focal_point_thematic_areas.c.thematic_area_id == thematic_area.id,
        )
        .order_by(Agency.name, FocalPoint.position, FocalPoint.id)
        .options(contains_eager(FocalPoint.agency), selectinload(FocalPoint.holders))
    )
    if sector:
        tagged = tagged.where(Agency.sector == sector)
    held = list(db.session.scalars(tagged.where(_held())))
    vacant = list(db.session.scalars(tagged.where(~_held())))
    return held, vacant


def cell_experts_statement(member: Member, thematic_area: ThematicArea):
    """The member's nationals on the roster tagged with the thematic area, by name."""
    statement = select(Expert).order_by(Expert.full_name, Expert.id)
    if member.kind not in KINDS_WITH_NATIONALS:
        return statement.where(false())
    return statement.join(
        expert_thematic_areas, expert_thematic_areas.c.expert_id == Expert.id
    ).where(
        Expert.nationality == member.code,
        expert_thematic_areas.c.thematic_area_id == thematic_area.id,
    )
