"""Expert and focal point searches: parsed from query strings, answered by Meilisearch or, while
it is unreachable, by the database with the same meaning."""

import json
import logging
from dataclasses import dataclass, field, replace
from datetime import date

import requests
from markupsafe import Markup, escape
from meilisearch.errors import MeilisearchError
from sqlalchemy import select

from roster.extensions import db
from roster.reference.countries import is_country_code
from roster.reference.languages import LEVELS, is_language_code
from roster.reference.models import Member, ThematicArea
from roster.search import engine, fallback, freshness
from roster.search.availability import clean_search_day
from roster.search.filters import expert_filter, focal_point_filter
from roster.search.settings import FACETS
from roster.validation import FieldErrors, clean_date, clean_text

log = logging.getLogger(__name__)

SORTS = ("relevance", "name", "updated_at")
MAX_QUERY_LENGTH = 200
# Private-use characters mark matches, so that highlights can be HTML-escaped before <mark> is
# put in: names and bios are user input.
MARK_START, MARK_END = "\ue000", "\ue001"
HIGHLIGHTED = {
    "experts": ["name", "organisation", "position", "bio"],
    "focal_points": ["name", "position", "agency"],
}
CROPPED = {"experts": ["bio"], "focal_points": []}
CROP_WORDS = 30


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


@dataclass(frozen=True)
class FocalPointSearch:
    q: str = ""
    members: tuple[str, ...] = ()
    freshness: tuple[str, ...] = ()
    thematic_areas: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    min_level: str | None = None
    sort: str = "relevance"


@dataclass
class SearchResult:
    ids: list[int]
    total: int
    facets: dict[str, dict[str, int]]
    highlights: dict[int, dict[str, Markup]] = field(default_factory=dict)
    engine: str = "meilisearch"


def _values(args, name: str, normalise) -> tuple[str, ...]:
    """Repeated parameter values, normalised, blanks dropped, first occurrence kept."""
    values = (normalise(value.strip()) for value in args.getlist(name))
    return tuple(dict.fromkeys(value for value in values if value))


def _check_codes(errors: FieldErrors, name: str, values, is_known, message: str) -> None:
    for value in values:
        if not is_known(value):
            errors.add(name, message.format(value=value))


def _known(model, values) -> set[str]:
    if not values:
        return set()
    return set(db.session.scalars(select(model.code).where(model.code.in_(values))))


def _parse_common(args, errors: FieldErrors) -> dict:
    q = errors.clean("q", clean_text, args.get("q", ""), MAX_QUERY_LENGTH) or ""
    thematic_areas = _values(args, "thematic_area", str.lower)
    known = _known(ThematicArea, thematic_areas)
    _check_codes(
        errors,
        "thematic_area",
        thematic_areas,
        known.__contains__,
        "Unknown thematic area {value!r}.",
    )
    languages = _values(args, "language", str.lower)
    _check_codes(
        errors,
        "language",
        languages,
        is_language_code,
        "Unknown language {value!r}: use ISO 639-1, e.g. en, th, id.",
    )
    min_level = args.get("min_level", "").strip().lower() or None
    if min_level and min_level not in LEVELS:
        errors.add("min_level", f"Use one of: {', '.join(LEVELS)}.")
    sort = args.get("sort", "").strip() or "relevance"
    if sort not in SORTS:
        errors.add("sort", f"Use one of: {', '.join(SORTS)}.")
    # A level on its own says nothing: it applies to each requested language.
    return {
        "q": q,
        "thematic_areas": thematic_areas,
        "languages": languages,
        "min_level": min_level if languages else None,
        "sort": sort,
    }


def _clean_day(value):
    day = clean_date(value, required=False)
    return clean_search_day(day) if day else None


def parse_expert_search(args) -> ExpertSearch:
    """An ExpertSearch from query-string arguments (a MultiDict); ValidationFailed if invalid."""
    errors = FieldErrors()
    common = _parse_common(args, errors)
    nationality = _values(args, "nationality", str.upper)
    _check_codes(
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
        nationality=nationality,
        available_from=available_from,
        available_to=available_to,
        **common,
    )


def parse_focal_point_search(args) -> FocalPointSearch:
    """A FocalPointSearch from query-string arguments; ValidationFailed if invalid."""
    errors = FieldErrors()
    common = _parse_common(args, errors)
    members = _values(args, "member", str.upper)
    known = _known(Member, members)
    _check_codes(errors, "member", members, known.__contains__, "Unknown member {value!r}.")
    freshness_buckets = _values(args, "freshness", str.lower)
    _check_codes(
        errors,
        "freshness",
        freshness_buckets,
        freshness.BUCKETS.__contains__,
        "Unknown freshness {value!r}: use " + ", ".join(freshness.BUCKETS) + ".",
    )
    errors.raise_if_any()
    return FocalPointSearch(members=members, freshness=freshness_buckets, **common)


def _sort(search) -> list[str] | None:
    if search.sort == "updated_at":
        return ["updated_at:desc", "id:desc"]
    # Without words every match ties on relevance: name order is stable and useful.
    if search.sort == "name" or not fallback.query_words(search.q):
        return ["name_sort:asc", "id:asc"]
    return None


def _highlight(text: str) -> Markup:
    # Markup.replace escapes its arguments unless they are Markup themselves.
    return escape(text).replace(MARK_START, Markup("<mark>")).replace(MARK_END, Markup("</mark>"))


def _highlights(index_name: str, hit: dict) -> dict[str, Markup]:
    formatted = hit.get("_formatted") or {}
    found = {}
    for name in HIGHLIGHTED[index_name]:
        text = formatted.get(name)
        if isinstance(text, str) and (MARK_START in text or name in CROPPED[index_name]):
            found[name] = _highlight(text)
    return found


def search_params(
    index_name: str, search, filters: list, page: int, per_page: int, highlight: bool = True
) -> dict:
    """The body of the Meilisearch search request for `search` (its `q` aside); without
    `highlight`, no marked-up fields are asked for."""
    params = {
        "filter": filters or None,
        "facets": FACETS[index_name],
        "page": page,
        "hitsPerPage": per_page,
        "attributesToRetrieve": ["id"],
        "matchingStrategy": "all",
    }
    sort = _sort(search)
    if sort:
        params["sort"] = sort
    if search.q and highlight:
        params |= {
            "attributesToHighlight": HIGHLIGHTED[index_name],
            "highlightPreTag": MARK_START,
            "highlightPostTag": MARK_END,
            "attributesToCrop": CROPPED[index_name],
            "cropLength": CROP_WORDS,
        }
    return params


def _search_index(
    index_name: str, search, filters: list, page: int, per_page: int, highlight: bool
) -> SearchResult:
    params = search_params(index_name, search, filters, page, per_page, highlight)
    answer = engine.search(index_name, search.q, params)
    hits = answer["hits"]
    facets = {
        name: dict(answer.get("facetDistribution", {}).get(name, {})) for name in FACETS[index_name]
    }
    if index_name == "focal_points":
        facets["freshness"] = _freshness_counts(search)
    highlights = {}
    if search.q and highlight:
        highlights = {hit["id"]: _highlights(index_name, hit) for hit in hits}
    return SearchResult(
        ids=[hit["id"] for hit in hits],
        total=answer["totalHits"],
        facets=facets,
        highlights=highlights,
    )


def _freshness_counts(search: FocalPointSearch) -> dict[str, int]:
    """Matches per freshness bucket, the freshness choice itself set aside (as facets do)."""
    others = focal_point_filter(replace(search, freshness=()))
    counts = {}
    for bucket in freshness.BUCKETS:
        params = {
            "filter": [*others, freshness.meili_clause(bucket)],
            "hitsPerPage": 0,
            "matchingStrategy": "all",
        }
        total = engine.search("focal_points", search.q, params)["totalHits"]
        if total:
            counts[bucket] = total
    return counts


def _from_database(index_name: str, search, page: int, per_page: int) -> SearchResult:
    ids, total, facets = fallback.search(index_name, search, page, per_page)
    return SearchResult(ids=ids, total=total, facets=facets, engine="database")


def _search(
    index_name: str, search, filters: list, page: int, per_page: int, highlight: bool
) -> SearchResult:
    # The health answer is cached briefly: while Meilisearch is known to be down (and /healthz
    # says so), searches go straight to the database instead of each waiting for a timeout.
    if engine.search_health() != "ok":
        return _from_database(index_name, search, page, per_page)
    try:
        return _search_index(index_name, search, filters, page, per_page, highlight)
    except engine.SearchUnavailable as error:
        log.warning("search on %s answered from the database: %s", index_name, error)
    except (MeilisearchError, requests.RequestException, json.JSONDecodeError):
        # Not an outage but a refusal (settings not applied yet, a bad answer): still answer.
        log.exception("search on %s failed; answered from the database", index_name)
    return _from_database(index_name, search, page, per_page)


def search_experts(
    search: ExpertSearch, page: int, per_page: int, highlight: bool = True
) -> SearchResult:
    """One page of experts matching `search`, with exact total and facet counts; highlights
    unless `highlight` is false (the API shows none: asking costs Meilisearch time)."""
    return _search("experts", search, expert_filter(search), page, per_page, highlight)


def search_focal_points(
    search: FocalPointSearch, page: int, per_page: int, highlight: bool = True
) -> SearchResult:
    """One page of focal points matching `search`, with exact total and facet counts;
    highlights unless `highlight` is false."""
    return _search("focal_points", search, focal_point_filter(search), page, per_page, highlight)
