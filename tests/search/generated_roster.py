"""A reproducible generated roster for search tests, the brute-force answers searches must give,
and pushing it into the real indexes."""

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from roster.directory.models import (
    Agency,
    FocalPoint,
    FocalPointHolder,
    FocalPointLanguage,
)
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.extensions import db
from roster.freshness.buckets import bucket_of
from roster.reference.languages import LEVEL_RANK, LEVELS
from roster.reference.models import Member, ThematicArea
from roster.search import sync
from roster.validation import merge_windows

FIRST_NAMES = ["Somchai", "Siti", "Nguyen", "Ánh", "maria", "Budi", "Ahmad", "Lan", "Olivia"]
LAST_NAMES = ["Rahayu", "Wongsakul", "Tran", "Santos", "Smith", "Ibrahim", "Lê", "O'Brien"]
NATIONALITIES = ["THA", "IDN", "AUS", "VNM", "PHL", "MYS", ""]
AREAS = [
    "trafficking-in-persons",
    "people-smuggling",
    "border-management",
    "children",
    "maritime",
    "document-fraud",
]
LANGUAGES = ["en", "th", "id", "vi", "ms"]
MEMBERS = ["IDN", "THA", "AUS", "PHL", "VNM", "IOM"]
ORGANISATIONS = ["Royal Thai Police", "Immigration Department", "Coast Guard", "Ministry of Law"]
BIOS = [
    "Investigates networks across the region.",
    "Trains prosecutors in financial investigation.",
    "Works with survivors and shelters.",
    "Advises on maritime interdiction and rescue.",
    "Designs data systems for border agencies.",
]
DAY_ZERO = date(2027, 1, 1)
UPDATED = datetime(2026, 6, 1, tzinfo=UTC)


def _areas() -> dict[str, ThematicArea]:
    return {area.code: area for area in db.session.scalars(select(ThematicArea))}


def make_experts(count: int = 120, seed: int = 7) -> list[Expert]:
    """`count` experts with random areas, languages, windows; committed."""
    rng = random.Random(seed)
    areas = _areas()
    experts = []
    for number in range(count):
        windows = []
        for _ in range(rng.randrange(4)):
            start = DAY_ZERO + timedelta(days=rng.randrange(300))
            windows.append((start, start + timedelta(days=rng.randrange(60))))
        expert = Expert(
            full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {number}",
            email=f"expert{number}@example.org",
            nationality=rng.choice(NATIONALITIES),
            organisation=rng.choice(ORGANISATIONS),
            position="Adviser",
            bio=rng.choice(BIOS),
            thematic_areas=[areas[code] for code in rng.sample(AREAS, rng.randrange(4))],
            languages=[
                ExpertLanguage(code=code, level=rng.choice(LEVELS))
                for code in rng.sample(LANGUAGES, rng.randrange(4))
            ],
            availability=[
                AvailabilityWindow(start=start, end=end) for start, end in merge_windows(windows)
            ],
            # Hours repeat on purpose: ties must be broken by id the same way everywhere.
            updated_at=UPDATED + timedelta(hours=rng.randrange(count // 2)),
        )
        experts.append(expert)
    db.session.add_all(experts)
    db.session.commit()
    return experts


def make_focal_points(count: int = 60, seed: int = 11) -> list[FocalPoint]:
    """`count` focal points across a few members, some vacant; committed."""
    rng = random.Random(seed)
    areas = _areas()
    members = {
        m.code: m for m in db.session.scalars(select(Member).where(Member.code.in_(MEMBERS)))
    }
    agencies = {
        code: Agency(member=member, name=f"National Police of {code}", acronym=f"NP{code}")
        for code, member in members.items()
    }
    focal_points = []
    for number in range(count):
        agency = agencies[rng.choice(MEMBERS)]
        focal_point = FocalPoint(
            member=agency.member,
            agency=agency,
            position=f"National Contact Point {number}",
            thematic_areas=[areas[code] for code in rng.sample(AREAS, rng.randrange(3))],
            languages=[
                FocalPointLanguage(code=code, level=rng.choice(LEVELS))
                for code in rng.sample(LANGUAGES, rng.randrange(3))
            ],
            updated_at=UPDATED + timedelta(hours=rng.randrange(count // 2)),
        )
        if rng.random() < 0.85:
            focal_point.holders.append(
                FocalPointHolder(
                    full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    email=f"holder{number}@example.go.id",
                    started_on=date(2024, 1, 1),
                )
            )
        focal_points.append(focal_point)
    db.session.add_all(focal_points)
    db.session.commit()
    return focal_points


def push() -> None:
    """Send every committed change to the indexes and wait until it is searchable."""
    stats = sync.drain()
    assert not stats.error and not stats.failed, stats


def _has_language(languages, code: str, min_level: str | None) -> bool:
    level = {language.code: language.level for language in languages}.get(code)
    if level is None:
        return False
    return min_level is None or LEVEL_RANK[level] >= LEVEL_RANK[min_level]


def expert_matches(expert: Expert, search) -> bool:
    """Brute force: does `expert` satisfy the filters of `search` (not its text)?"""
    codes = {area.code for area in expert.thematic_areas}
    if not set(search.thematic_areas) <= codes:
        return False
    if not all(_has_language(expert.languages, c, search.min_level) for c in search.languages):
        return False
    if search.nationality and expert.nationality not in search.nationality:
        return False
    if search.available_from:
        return any(
            window.start <= search.available_from and search.available_to <= window.end
            for window in expert.availability
        )
    return True


def focal_point_matches(focal_point: FocalPoint, search) -> bool:
    """Brute force for the filters of a focal point search."""
    if search.members and focal_point.member.code not in search.members:
        return False
    codes = {area.code for area in focal_point.thematic_areas}
    if not set(search.thematic_areas) <= codes:
        return False
    return all(
        _has_language(focal_point.languages, code, search.min_level) for code in search.languages
    )


def _count(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        if value:
            counts[value] = counts.get(value, 0) + 1
    return counts


def expert_facets(experts) -> dict[str, dict[str, int]]:
    return {
        "thematic_areas": _count(a.code for e in experts for a in e.thematic_areas),
        "languages": _count(language.code for e in experts for language in e.languages),
        "nationality": _count(expert.nationality for expert in experts),
    }


def focal_point_facets(focal_points) -> dict[str, dict[str, int]]:
    return {
        "member": _count(focal_point.member.code for focal_point in focal_points),
        "thematic_areas": _count(a.code for f in focal_points for a in f.thematic_areas),
        "languages": _count(language.code for f in focal_points for language in f.languages),
        "freshness": _count(bucket_of(focal_point.verified_at) for focal_point in focal_points),
    }
