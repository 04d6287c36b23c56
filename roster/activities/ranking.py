"""Who could staff an activity, best first, and why.

Candidates are the experts with one availability window covering the whole activity, not
confirmed on another activity overlapping it, and not already on this one (those are listed
with the activity's assignments instead). That prefilter runs in SQL; the survivors' profiles are
loaded in a handful of bulk queries and scored here.

The score (0..1) is a weighted mean of components, each 0..1, over the components that apply:

    thematic      0.35  share of the activity's thematic areas the expert covers
    languages     0.25  mean over required languages: 0 if missing or below the level asked,
                        0.8 at that level, up to 1.0 at native (the bonus grows with each level
                        above the one asked)
    region        0.15  1.0 same nationality as the host member, 0.5 same sub-region, else 0
    track record  0.15  min(completed assignments, 3) / 3 x quality, where quality is the
                        average rating / 5, or 0.6 when none of them was rated
    freshness     0.10  1.0 when the profile was confirmed (else last updated) within 6 months,
                        falling linearly to 0 at 2 years

Thematic applies when the activity lists areas, languages when it asks for some, region when it
takes place in a state or territory; track record and freshness always apply. Scores are rounded
to 3 decimals; ties go by name, then id.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ARRAY, Integer, and_, any_, func, literal, select

from roster.activities.bookings import booked_elsewhere
from roster.activities.models import Activity, Assignment
from roster.activities.periods import format_period, time_ago
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage, expert_thematic_areas
from roster.extensions import db
from roster.reference.languages import LEVEL_RANK, LEVELS, language_name, strongest_first
from roster.reference.models import ThematicArea

WEIGHTS = {
    "thematic": 0.35,
    "languages": 0.25,
    "region": 0.15,
    "track_record": 0.15,
    "freshness": 0.10,
}
LEVEL_MET = 0.8
EXPERIENCE_CAP = 3
UNRATED_QUALITY = 0.6
FRESH_DAYS = 183
STALE_DAYS = 730
# Ids per IN (...) list: well under SQLite's and PostgreSQL's limits on bound parameters.
ID_CHUNK = 5000

SUB_REGIONS = {
    "South-East Asia": (
        "BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM",
    ),
    "South Asia": ("AFG", "BGD", "BTN", "IND", "MDV", "NPL", "PAK", "LKA"),
    "East Asia": ("CHN", "PRK", "HKG", "JPN", "MAC", "MNG", "KOR"),
    "Pacific": (
        "AUS", "FJI", "KIR", "NRU", "NCL", "NZL", "PLW", "PNG", "WSM", "SLB", "TON", "VUT",
    ),
    "Middle East": ("IRN", "IRQ", "JOR", "SYR", "TUR", "ARE"),
    "North America": ("USA", "CAN"),
}  # fmt: skip
SUB_REGION_OF = {code: region for region, codes in SUB_REGIONS.items() for code in codes}


@dataclass(frozen=True)
class Need:
    """What an activity asks of its experts."""

    start: date
    end: date
    themes: tuple[tuple[str, str], ...] = ()  # (code, name) in the activity's order
    languages: tuple[tuple[str, str], ...] = ()  # (code, minimum level)
    host: str | None = None  # member code of a state or territory where it takes place


@dataclass
class Profile:
    """What the scoring reads about an expert."""

    id: int
    full_name: str
    nationality: str
    organisation: str
    position: str
    confirmed_at: datetime | None
    updated_at: datetime
    window: tuple[date, date]
    has_consent: bool = False
    themes: set[str] = field(default_factory=set)
    languages: dict[str, str] = field(default_factory=dict)
    completed: int = 0
    average_rating: float | None = None


@dataclass
class Candidate:
    profile: Profile
    score: float
    components: dict[str, float]
    reasons: list[str]


def need_of(activity: Activity) -> Need:
    host = activity.member
    return Need(
        start=activity.start,
        end=activity.end,
        themes=tuple((area.code, area.name) for area in activity.thematic_areas),
        languages=tuple((item.code, item.level) for item in strongest_first(activity.languages)),
        host=host.code if host is not None and host.kind != "organisation" else None,
    )


# Prefilter (SQL) --------------------------------------------------------------------------------


def _covering(start: date, end: date) -> list:
    return [
        AvailabilityWindow.expert_id == Expert.id,
        AvailabilityWindow.start <= start,
        AvailabilityWindow.end >= end,
    ]


def _free(start: date, end: date, activity_id: int | None) -> list:
    """Not confirmed on another overlapping activity, and not already on this one."""
    conditions = [~booked_elsewhere(Expert.id, start, end)]
    if activity_id is not None:
        on_this_one = (
            select(Assignment.id)
            .where(Assignment.expert_id == Expert.id, Assignment.activity_id == activity_id)
            .exists()
        )
        conditions.append(~on_this_one)
    return conditions


def available_expert_ids(start: date, end: date, activity_id: int | None = None):
    """SELECT of the ids of experts free for the whole of start..end (see the module docstring)."""
    covered = select(AvailabilityWindow.id).where(*_covering(start, end)).exists()
    return select(Expert.id).where(covered, *_free(start, end, activity_id))


def _chunks(ids: list[int]):
    for offset in range(0, len(ids), ID_CHUNK):
        yield ids[offset : offset + ID_CHUNK]


def _one_of(column, ids: list[int]):
    """column IN ids; one array parameter on PostgreSQL, whose driver parses long lists slowly."""
    if db.session.get_bind().dialect.name == "postgresql":
        return column == any_(literal(ids, ARRAY(Integer)))
    return column.in_(ids)


def load_profiles(start: date, end: date, activity_id: int | None = None) -> list[Profile]:
    """Profiles of the experts free for start..end, in a handful of bulk queries."""
    profiles: dict[int, Profile] = {}
    rows = db.session.execute(
        select(
            Expert.id,
            Expert.full_name,
            Expert.nationality,
            Expert.organisation,
            Expert.position,
            Expert.confirmed_at,
            Expert.updated_at,
            Expert.consent_at,
            AvailabilityWindow.start,
            AvailabilityWindow.end,
        )
        .join(AvailabilityWindow, and_(*_covering(start, end)))
        .where(*_free(start, end, activity_id))
        .order_by(Expert.id, AvailabilityWindow.start, AvailabilityWindow.end)
    )
    for row in rows:
        # Unmerged windows may cover the period twice: the earliest one is shown.
        if row.id not in profiles:
            profiles[row.id] = Profile(
                id=row.id,
                full_name=row.full_name,
                nationality=row.nationality or "",
                organisation=row.organisation or "",
                position=row.position or "",
                confirmed_at=row.confirmed_at,
                updated_at=row.updated_at,
                window=(row.start, row.end),
                has_consent=row.consent_at is not None,
            )
    for ids in _chunks(list(profiles)):
        for expert_id, code in db.session.execute(
            select(expert_thematic_areas.c.expert_id, ThematicArea.code)
            .join(ThematicArea, ThematicArea.id == expert_thematic_areas.c.thematic_area_id)
            .where(_one_of(expert_thematic_areas.c.expert_id, ids))
        ):
            profiles[expert_id].themes.add(code)
        for expert_id, code, level in db.session.execute(
            select(ExpertLanguage.expert_id, ExpertLanguage.code, ExpertLanguage.level).where(
                _one_of(ExpertLanguage.expert_id, ids)
            )
        ):
            profiles[expert_id].languages[code] = level
        for expert_id, completed, average in db.session.execute(
            select(
                Assignment.expert_id,
                func.count(Assignment.id),
                func.avg(Assignment.rating),
            )
            .where(_one_of(Assignment.expert_id, ids), Assignment.status == "completed")
            .group_by(Assignment.expert_id)
        ):
            profile = profiles[expert_id]
            profile.completed = completed
            profile.average_rating = float(average) if average is not None else None
    return list(profiles.values())


# Scoring (Python) -------------------------------------------------------------------------------


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _thematic(profile: Profile, need: Need) -> tuple[float, str]:
    matched = [name for code, name in need.themes if code in profile.themes]
    reason = f"{len(matched)} of {_plural(len(need.themes), 'thematic area')}"
    if matched:
        reason += ": " + ", ".join(matched)
    return len(matched) / len(need.themes), reason


def _language(profile: Profile, code: str, needed: str) -> tuple[float, str]:
    level = profile.languages.get(code)
    name = language_name(code)
    if level is None:
        return 0.0, f"{name}: not spoken (needs {needed})"
    have, want = LEVEL_RANK[level], LEVEL_RANK[needed]
    if have < want:
        value = 0.0
    elif have == want:
        value = LEVEL_MET
    else:
        value = LEVEL_MET + (1 - LEVEL_MET) * (have - want) / (len(LEVELS) - want)
    return value, f"{name}: {level} (needs {needed})"


def _languages(profile: Profile, need: Need) -> tuple[float, list[str]]:
    scored = [_language(profile, code, level) for code, level in need.languages]
    return sum(value for value, _ in scored) / len(scored), [reason for _, reason in scored]


def _region(profile: Profile, need: Need) -> tuple[float, str | None]:
    if profile.nationality == need.host:
        return 1.0, f"same member: {need.host}"
    region = SUB_REGION_OF.get(profile.nationality)
    if region is not None and region == SUB_REGION_OF.get(need.host):
        return 0.5, f"same sub-region: {region} ({profile.nationality})"
    return 0.0, None


def _track_record(profile: Profile) -> tuple[float, str]:
    if not profile.completed:
        return 0.0, "no past assignments"
    experience = min(profile.completed, EXPERIENCE_CAP) / EXPERIENCE_CAP
    reason = _plural(profile.completed, "past assignment")
    if profile.average_rating is None:
        return experience * UNRATED_QUALITY, reason + ", not rated"
    return (
        experience * profile.average_rating / 5,
        reason + f", average rating {profile.average_rating:.1f}",
    )


def _freshness(profile: Profile, today: date) -> tuple[float, str]:
    stamp, verb = (
        (profile.confirmed_at, "confirmed")
        if profile.confirmed_at is not None
        else (profile.updated_at, "updated")
    )
    days = max(0, (today - stamp.date()).days)
    value = min(1.0, max(0.0, (STALE_DAYS - days) / (STALE_DAYS - FRESH_DAYS)))
    return value, f"profile {verb} {time_ago(days)}"


def score(profile: Profile, need: Need, today: date) -> Candidate:
    """The expert's score for the need, its components and the reasons, in reading order."""
    components: dict[str, float] = {}
    reasons = [
        f"covers {format_period(need.start, need.end)} (available {format_period(*profile.window)})"
    ]
    if need.themes:
        components["thematic"], reason = _thematic(profile, need)
        reasons.append(reason)
    if need.languages:
        components["languages"], language_reasons = _languages(profile, need)
        reasons.extend(language_reasons)
    if need.host:
        components["region"], reason = _region(profile, need)
        if reason:
            reasons.append(reason)
    components["track_record"], reason = _track_record(profile)
    reasons.append(reason)
    components["freshness"], reason = _freshness(profile, today)
    reasons.append(reason)
    total = sum(WEIGHTS[name] * value for name, value in components.items())
    weight = sum(WEIGHTS[name] for name in components)
    return Candidate(
        profile=profile,
        score=round(total / weight, 3),
        components={name: round(value, 3) for name, value in components.items()},
        reasons=reasons,
    )


def rank(profiles: list[Profile], need: Need, today: date) -> list[Candidate]:
    """Scored candidates, best first; ties by name (case-insensitive), then id."""
    candidates = [score(profile, need, today) for profile in profiles]
    return sorted(
        candidates,
        key=lambda c: (-c.score, c.profile.full_name.casefold(), c.profile.id),
    )


def candidates_for(activity: Activity, today: date | None = None) -> list[Candidate]:
    """Every expert who could staff the activity, best first."""
    profiles = load_profiles(activity.start, activity.end, activity.id)
    return rank(profiles, need_of(activity), today or date.today())
