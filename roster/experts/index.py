"""The experts index: what a document holds, how it is searched and filtered, and how the
database answers the same searches."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists, func, or_, select

from roster.experts.availability import (
    availability_fields,
    availability_filter,
    clean_search_day,
)
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage, expert_thematic_areas
from roster.experts.queries import expert_records
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
from roster.reference.countries import is_country_code
from roster.reference.languages import language_levels
from roster.reference.models import ThematicArea
from roster.reference.params import (
    has_area,
    has_language,
    language_clauses,
    parse_languages,
    parse_thematic_areas,
)
from roster.relevance.names import name_variants
from roster.search.definition import Fallback, IndexDefinition
from roster.search.documents import timestamp
from roster.search.fallback import code_counts, value_counts
from roster.search.filters import Filters
from roster.search.params import check_codes, parse_common, values
from roster.search.text import sort_key
from roster.validation import FieldErrors, clean_date

FILTERABLE = (
    "thematic_areas",
    "languages",
    "language_levels",
    "nationality",
    "avail_blocks",
    "avail_gap_starts",
    "confirmed_at",
    "updated_at",
    *CONTACT_KEYS,
)
FILTERS = Filters(FILTERABLE)


@dataclass(frozen=True)
class ExpertSearch:
    q: str = ""
    thematic_areas: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    min_level: str | None = None
    nationality: tuple[str, ...] = ()
    available_from: date | None = None
    available_to: date | None = None
    sort: str = "relevance"
    # Whose hidden contact details the query may find (roster.privacy.contacts).
    contact_scope: ContactScope = NO_HIDDEN_CONTACTS


def expert_document(expert) -> dict:
    """The experts index document for one expert (an Expert or an ExpertRecord)."""
    return {
        "id": expert.id,
        "version": expert.version,
        "name": expert.full_name,
        "name_local": expert.name_local,
        # The name in Latin letters where it is written in another script, joined forms.
        "name_variants": name_variants(expert.full_name, expert.name_local),
        "name_sort": sort_key(expert.full_name),
        **index_fields("expert", expert, expert.email, expert.phone),
        "nationality": expert.nationality or None,
        "organisation": expert.organisation,
        "position": expert.position,
        "bio": expert.bio,
        "thematic_areas": [area.code for area in expert.thematic_areas],
        "thematic_area_names": [area.name for area in expert.thematic_areas],
        "languages": [language.code for language in expert.languages],
        "language_levels": language_levels(expert.languages),
        **availability_fields([(window.start, window.end) for window in expert.availability]),
        "confirmed_at": timestamp(expert.confirmed_at),
        "updated_at": timestamp(expert.updated_at),
    }


def _clean_day(value):
    day = clean_date(value, required=False)
    return clean_search_day(day) if day else None


def parse_expert_search(args) -> ExpertSearch:
    """An ExpertSearch from query-string arguments (a MultiDict); ValidationFailed if invalid."""
    errors = FieldErrors()
    common = parse_common(args, errors)
    thematic_areas = parse_thematic_areas(args, errors)
    languages = parse_languages(args, errors)
    nationality = values(args, "nationality", str.upper)
    check_codes(
        errors,
        "nationality",
        nationality,
        is_country_code,
        "Unknown nationality {value!r}: use ISO 3166-1 alpha-3, e.g. THA.",
    )
    available_from = errors.clean("available_from", _clean_day, args.get("available_from"))
    available_to = errors.clean("available_to", _clean_day, args.get("available_to"))
    # One date alone asks about that single day.
    available_from = available_from or available_to
    available_to = available_to or available_from
    if available_from and available_to < available_from:
        errors.add("available_to", "The end of the period comes before its start.")
    errors.raise_if_any()
    return ExpertSearch(
        contact_scope=contact_scope(current_viewer(), "expert"),
        thematic_areas=thematic_areas,
        nationality=nationality,
        available_from=available_from,
        available_to=available_to,
        **languages,
        **common,
    )


def expert_filter(search: ExpertSearch) -> list:
    """The Meilisearch filter for an expert search (an empty list filters nothing)."""
    clauses: list = []
    clauses += FILTERS.all_of("thematic_areas", search.thematic_areas)
    clauses += language_clauses(FILTERS, search.languages, search.min_level)
    clauses += FILTERS.any_of("nationality", search.nationality)
    if search.available_from:
        clauses += availability_filter(search.available_from, search.available_to)
    key = query_key(search.q)
    if key:
        clauses.append(lookup_clause(FILTERS, key, search.contact_scope))
    return clauses


def expert_conditions(search: ExpertSearch) -> list:
    """WHERE clauses on Expert equivalent to the index filter."""
    link = expert_thematic_areas
    conditions = [
        has_area(link, link.c.expert_id, Expert.id, code) for code in search.thematic_areas
    ]
    conditions += [
        has_language(ExpertLanguage, ExpertLanguage.expert_id, Expert.id, code, search.min_level)
        for code in search.languages
    ]
    if search.nationality:
        conditions.append(Expert.nationality.in_(search.nationality))
    if search.available_from:
        conditions.append(
            exists(
                select(1).where(
                    AvailabilityWindow.expert_id == Expert.id,
                    AvailabilityWindow.start <= search.available_from,
                    AvailabilityWindow.end >= search.available_to,
                )
            )
        )
    key = query_key(search.q)
    if key:
        conditions.append(_contact_lookup(key, search.contact_scope))
    return conditions


def _contact_lookup(key: str, scope: ContactScope):
    """SQL equivalent of the index's lookup of an email or phone among reachable keys."""
    email, phone = func.lower(Expert.email) == key, phone_is(Expert.phone, key)
    if scope.everything:
        return or_(email, phone)
    return or_(
        and_(Expert.email_visibility == "all", email),
        and_(Expert.phone_visibility == "all", phone),
    )


def expert_facets(search: ExpertSearch, matches) -> dict[str, dict[str, int]]:
    link = expert_thematic_areas
    return {
        "thematic_areas": code_counts(
            ThematicArea.code, link.c.expert_id, matches, link.join(ThematicArea)
        ),
        "languages": code_counts(ExpertLanguage.code, ExpertLanguage.expert_id, matches),
        "nationality": value_counts(row.nationality for row in matches.rows),
    }


EXPERTS = IndexDefinition(
    name="experts",
    model=Expert,
    read=expert_records,
    document=expert_document,
    parse=parse_expert_search,
    filter=expert_filter,
    fallback=Fallback(
        conditions=expert_conditions,
        facets=expert_facets,
        name=Expert.full_name,
        columns=(Expert.nationality,),
    ),
    searchable=(
        "name",
        "name_local",
        "name_variants",
        "thematic_area_names",
        "organisation",
        "position",
        "bio",
        "contact_public",
        "contact_staff",
        "nationality",
    ),
    filterable=FILTERABLE,
    facets=("thematic_areas", "languages", "nationality"),
    highlighted=("name", "organisation", "position", "bio"),
    cropped=("bio",),
    no_typos=("contact_public", "contact_staff", "nationality"),
    staff_only=("contact_staff",),
    text=search_text,
    sources={Expert: "id", ExpertLanguage: "expert_id", AvailabilityWindow: "expert_id"},
)
