"""The focal points index: documents named after the current holder, the search's parameters
and filters, freshness counted at search time, and the database's answer to the same."""

from dataclasses import dataclass, replace

from sqlalchemy import and_, exists, func, or_, select

from roster.directory.models import (
    Agency,
    FocalPoint,
    FocalPointHolder,
    FocalPointLanguage,
    focal_point_thematic_areas,
)
from roster.directory.queries import focal_point_records
from roster.extensions import db
from roster.freshness import buckets
from roster.privacy.contacts import (
    CONTACT_KEYS,
    NO_HIDDEN_CONTACTS,
    ContactScope,
    contact_scope,
    current_viewer,
    index_fields,
    lookup_clause,
    phone_is,
    query_key,
    search_text,
)
from roster.reference.languages import language_levels
from roster.reference.models import Member, ThematicArea
from roster.reference.params import (
    has_area,
    has_language,
    language_clauses,
    parse_languages,
    parse_members,
    parse_thematic_areas,
)
from roster.relevance.names import name_variants
from roster.search.definition import Fallback, IndexDefinition
from roster.search.documents import day_number, timestamp
from roster.search.fallback import code_counts, conditions, value_counts
from roster.search.filters import Filters
from roster.search.params import choices, parse_common
from roster.search.text import sort_key
from roster.validation import FieldErrors

FILTERABLE = (
    "member",
    "thematic_areas",
    "languages",
    "language_levels",
    "agency_sector",
    "is_vacant",
    "verified_at",
    "review_due",
    "updated_at",
    *CONTACT_KEYS,
)
FILTERS = Filters(FILTERABLE)


@dataclass(frozen=True)
class FocalPointSearch:
    q: str = ""
    members: tuple[str, ...] = ()
    freshness: tuple[str, ...] = ()
    thematic_areas: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    min_level: str | None = None
    sort: str = "relevance"
    # Whose hidden contact details the query may find (roster.privacy.contacts).
    contact_scope: ContactScope = NO_HIDDEN_CONTACTS


def focal_point_document(focal_point) -> dict:
    """The focal points index document for one focal point (named after its current holder)."""
    holder = focal_point.current_holder
    name = holder.full_name if holder else ""
    return {
        "id": focal_point.id,
        "version": focal_point.version,
        "name": name,
        "name_local": holder.name_local if holder else "",
        # The name in Latin letters where it is written in another script, joined forms.
        "name_variants": name_variants(name, holder.name_local) if holder else "",
        "name_sort": sort_key(name) if holder else None,
        "is_vacant": holder is None,
        **index_fields(
            "focal_point",
            focal_point,
            holder.email if holder else "",
            holder.phone if holder else "",
            focal_point.shared_mailbox,
        ),
        "position": focal_point.position,
        "agency": focal_point.agency.name,
        "agency_acronym": focal_point.agency.acronym,
        "agency_sector": focal_point.agency.sector,
        "member": focal_point.member.code,
        "member_name": focal_point.member.name,
        "thematic_areas": [area.code for area in focal_point.thematic_areas],
        "thematic_area_names": [area.name for area in focal_point.thematic_areas],
        "languages": [language.code for language in focal_point.languages],
        "language_levels": language_levels(focal_point.languages),
        "verified_at": timestamp(focal_point.verified_at),
        "review_due": day_number(focal_point.review_due) if focal_point.review_due else None,
        "updated_at": timestamp(focal_point.updated_at),
    }


def parse_focal_point_search(args) -> FocalPointSearch:
    """A FocalPointSearch from query-string arguments; ValidationFailed if invalid."""
    errors = FieldErrors()
    common = parse_common(args, errors)
    thematic_areas = parse_thematic_areas(args, errors)
    languages = parse_languages(args, errors)
    members = parse_members(args, errors)
    freshness = choices(errors, args, "freshness", buckets.BUCKETS)
    errors.raise_if_any()
    return FocalPointSearch(
        contact_scope=contact_scope(current_viewer(), "focal_point"),
        members=members,
        freshness=freshness,
        thematic_areas=thematic_areas,
        **languages,
        **common,
    )


def focal_point_filter(search: FocalPointSearch) -> list:
    """The Meilisearch filter for a focal point search."""
    clauses: list = []
    clauses += FILTERS.any_of("member", search.members)
    clauses += FILTERS.all_of("thematic_areas", search.thematic_areas)
    clauses += language_clauses(FILTERS, search.languages, search.min_level)
    if search.freshness:
        # Conditions on the clock, one per chosen bucket (names checked by the parser).
        clauses.append([buckets.meili_clause(bucket) for bucket in search.freshness])
    key = query_key(search.q)
    if key:
        clauses.append(lookup_clause(FILTERS, key, search.contact_scope))
    return clauses


def freshness_counts(search: FocalPointSearch) -> dict[str, dict[str, list]]:
    """Matches per freshness bucket, the freshness choice itself set aside (as facets do)."""
    others = focal_point_filter(replace(search, freshness=()))
    return {
        "freshness": {bucket: [*others, buckets.meili_clause(bucket)] for bucket in buckets.BUCKETS}
    }


def focal_point_conditions(search: FocalPointSearch) -> list:
    """WHERE clauses on FocalPoint equivalent to the index filter."""
    link = focal_point_thematic_areas
    conditions = []
    if search.members:
        conditions.append(
            FocalPoint.member_id.in_(select(Member.id).where(Member.code.in_(search.members)))
        )
    conditions += [
        has_area(link, link.c.focal_point_id, FocalPoint.id, code) for code in search.thematic_areas
    ]
    conditions += [
        has_language(
            FocalPointLanguage,
            FocalPointLanguage.focal_point_id,
            FocalPoint.id,
            code,
            search.min_level,
        )
        for code in search.languages
    ]
    if search.freshness:
        conditions.append(or_(*(buckets.sql_condition(bucket) for bucket in search.freshness)))
    key = query_key(search.q)
    if key:
        conditions.append(_contact_lookup(key, search.contact_scope))
    return conditions


def _contact_lookup(key: str, scope: ContactScope):
    """SQL equivalent of the index's lookup of an email or phone among reachable keys."""

    def holder_has(condition):
        return exists(select(1).where(_current_holder(), condition))

    email = holder_has(func.lower(FocalPointHolder.email) == key)
    phone = holder_has(phone_is(FocalPointHolder.phone, key))
    mailbox = func.lower(FocalPoint.shared_mailbox) == key
    if scope.everything:
        return or_(mailbox, email, phone)
    members = FocalPoint.member_id.in_(select(Member.id).where(Member.code.in_(scope.member_codes)))
    return or_(
        mailbox,
        and_(or_(FocalPoint.email_visibility == "all", members), email),
        and_(or_(FocalPoint.phone_visibility == "all", members), phone),
    )


def focal_point_facets(search: FocalPointSearch, matches) -> dict[str, dict[str, int]]:
    link = focal_point_thematic_areas
    codes = dict(db.session.execute(select(Member.id, Member.code)).all())
    if search.freshness:
        unchosen = conditions(FOCAL_POINTS, replace(search, freshness=()))
        verified = db.session.scalars(select(FocalPoint.verified_at).where(*unchosen)).all()
    else:
        verified = [row.verified_at for row in matches.rows]
    return {
        "member": value_counts(codes[row.member_id] for row in matches.rows),
        "thematic_areas": code_counts(
            ThematicArea.code, link.c.focal_point_id, matches, link.join(ThematicArea)
        ),
        "languages": code_counts(
            FocalPointLanguage.code, FocalPointLanguage.focal_point_id, matches
        ),
        "freshness": value_counts(buckets.bucket_of(value) for value in verified),
    }


def _current_holder():
    return and_(
        FocalPointHolder.focal_point_id == FocalPoint.id, FocalPointHolder.ended_on.is_(None)
    )


def _holder_name():
    return (
        select(FocalPointHolder.full_name)
        .where(_current_holder())
        .order_by(FocalPointHolder.started_on.desc(), FocalPointHolder.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _focal_points_of_agencies(connection, agency_ids: set[int]):
    # Their documents carry the agency's name and sector.
    statement = select(FocalPoint.id).where(FocalPoint.agency_id.in_(agency_ids))
    return connection.execute(statement).scalars()


def _changed_since(since):
    return (
        select(FocalPoint.id)
        .join(Agency, FocalPoint.agency_id == Agency.id)
        .where(or_(FocalPoint.updated_at >= since, Agency.updated_at >= since))
    )


FOCAL_POINTS = IndexDefinition(
    name="focal_points",
    model=FocalPoint,
    read=focal_point_records,
    document=focal_point_document,
    parse=parse_focal_point_search,
    filter=focal_point_filter,
    fallback=Fallback(
        conditions=focal_point_conditions,
        facets=focal_point_facets,
        name=_holder_name(),
        columns=(FocalPoint.member_id, FocalPoint.verified_at),
    ),
    searchable=(
        "name",
        "name_local",
        "name_variants",
        "thematic_area_names",
        "agency",
        "agency_acronym",
        "position",
        "member_name",
        "contact_public",
        "contact_staff",
        "member",
    ),
    filterable=FILTERABLE,
    facets=("member", "thematic_areas", "languages"),
    highlighted=("name", "position", "agency"),
    no_typos=("contact_public", "contact_staff", "member", "agency_acronym"),
    staff_only=("contact_staff",),
    text=search_text,
    sources={
        FocalPoint: "id",
        FocalPointHolder: "focal_point_id",
        FocalPointLanguage: "focal_point_id",
    },
    dependents={Agency: _focal_points_of_agencies},
    changed_since=_changed_since,
    computed_facets=freshness_counts,
)
