"""The activities index: searchable by title, description, city and member name, filtered and
counted by type, status, member and thematic area."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from roster.activities.models import (
    ACTIVITY_STATUSES,
    ACTIVITY_TYPES,
    Activity,
    activity_thematic_areas,
)
from roster.extensions import db
from roster.reference.models import Member, ThematicArea
from roster.reference.params import has_area, parse_members, parse_thematic_areas
from roster.search.definition import Fallback, IndexDefinition
from roster.search.documents import day_number, timestamp
from roster.search.fallback import code_counts, value_counts
from roster.search.filters import Filters
from roster.search.params import choices, parse_common
from roster.search.text import query_words, sort_key
from roster.validation import FieldErrors

FILTERABLE = ("type", "status", "member", "thematic_areas", "start", "end", "updated_at")
FILTERS = Filters(FILTERABLE)
_WITH_DETAILS = (
    selectinload(Activity.member),
    selectinload(Activity.thematic_areas),
    selectinload(Activity.languages),
)


@dataclass(frozen=True)
class ActivitySearch:
    q: str = ""
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    thematic_areas: tuple[str, ...] = ()
    sort: str = "relevance"


def activity_records(condition, limit: int | None = None) -> list[Activity]:
    """Activities matching `condition`, by id, with what pages, the API and the index show."""
    statement = select(Activity).options(*_WITH_DETAILS).where(condition).order_by(Activity.id)
    return list(db.session.scalars(statement.limit(limit)))


def activities_in_order(ids: list[int]) -> list[Activity]:
    """The activities with these ids, in the given order (a search's ranking)."""
    if not ids:
        return []
    by_id = {activity.id: activity for activity in activity_records(Activity.id.in_(ids))}
    return [by_id[activity_id] for activity_id in ids if activity_id in by_id]


def activity_document(activity: Activity) -> dict:
    """The activities index document for one activity."""
    return {
        "id": activity.id,
        "version": activity.version,
        "title": activity.title,
        "name_sort": sort_key(activity.title),
        "description": activity.description,
        "city": activity.city,
        "member": activity.member.code if activity.member else None,
        "member_name": activity.member.name if activity.member else "",
        "type": activity.type,
        "status": activity.status,
        "thematic_areas": [area.code for area in activity.thematic_areas],
        "start": day_number(activity.start),
        "end": day_number(activity.end),
        "updated_at": timestamp(activity.updated_at),
    }


def parse_activity_search(args) -> ActivitySearch:
    """An ActivitySearch from query-string arguments; ValidationFailed if invalid."""
    errors = FieldErrors()
    common = parse_common(args, errors)
    types = choices(errors, args, "type", ACTIVITY_TYPES)
    statuses = choices(errors, args, "status", ACTIVITY_STATUSES)
    members = parse_members(args, errors)
    thematic_areas = parse_thematic_areas(args, errors)
    errors.raise_if_any()
    return ActivitySearch(
        types=types,
        statuses=statuses,
        members=members,
        thematic_areas=thematic_areas,
        **common,
    )


def activity_filter(search: ActivitySearch) -> list:
    clauses: list = []
    clauses += FILTERS.any_of("type", search.types)
    clauses += FILTERS.any_of("status", search.statuses)
    clauses += FILTERS.any_of("member", search.members)
    clauses += FILTERS.all_of("thematic_areas", search.thematic_areas)
    return clauses


def activity_sort(search: ActivitySearch) -> list[str] | None:
    """Latest first unless words rank the matches or another order is asked for."""
    if search.sort == "name":
        return ["name_sort:asc", "id:asc"]
    if search.sort == "updated_at":
        return ["updated_at:desc", "id:desc"]
    if not query_words(search.q):
        return ["start:desc", "id:desc"]
    return None


def activity_conditions(search: ActivitySearch) -> list:
    link = activity_thematic_areas
    conditions = []
    if search.types:
        conditions.append(Activity.type.in_(search.types))
    if search.statuses:
        conditions.append(Activity.status.in_(search.statuses))
    if search.members:
        conditions.append(
            Activity.member_id.in_(select(Member.id).where(Member.code.in_(search.members)))
        )
    conditions += [
        has_area(link, link.c.activity_id, Activity.id, code) for code in search.thematic_areas
    ]
    return conditions


def activity_facets(search: ActivitySearch, matches) -> dict[str, dict[str, int]]:
    link = activity_thematic_areas
    return {
        "type": value_counts(row.type for row in matches.rows),
        "status": value_counts(row.status for row in matches.rows),
        "thematic_areas": code_counts(
            ThematicArea.code, link.c.activity_id, matches, link.join(ThematicArea)
        ),
    }


def activity_order(search: ActivitySearch, rows) -> list:
    if search.sort == "updated_at":
        return sorted(rows, key=lambda row: (row.updated_at, row.id), reverse=True)
    if search.sort == "name" or query_words(search.q):
        return sorted(rows, key=lambda row: (sort_key(row.name), row.id))
    return sorted(rows, key=lambda row: (row.start, row.id), reverse=True)


ACTIVITIES = IndexDefinition(
    name="activities",
    model=Activity,
    read=activity_records,
    document=activity_document,
    parse=parse_activity_search,
    filter=activity_filter,
    fallback=Fallback(
        conditions=activity_conditions,
        facets=activity_facets,
        name=Activity.title,
        columns=(Activity.type, Activity.status, Activity.start),
        order=activity_order,
    ),
    searchable=("title", "description", "city", "member_name"),
    filterable=FILTERABLE,
    facets=("type", "status", "thematic_areas"),
    sortable=("name_sort", "start", "updated_at", "id"),
    highlighted=("title", "description"),
    cropped=("description",),
    sources={Activity: "id"},
    sort=activity_sort,
)
