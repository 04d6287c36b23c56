"""Searches of any registered index: parsed from query strings, answered by Meilisearch in one
request or, while it is unreachable, by the database with the same meaning."""

import json
import logging
from dataclasses import dataclass, field

import requests
from markupsafe import Markup, escape
from meilisearch.errors import MeilisearchError

from roster.search import definition, engine, fallback
from roster.search.definition import IndexDefinition
from roster.search.text import query_words

log = logging.getLogger(__name__)

# Private-use characters mark matches, so that highlights can be HTML-escaped before <mark> is
# put in: names and bios are user input.
MARK_START, MARK_END = "\ue000", "\ue001"
CROP_WORDS = 30
MATCHING_STRATEGY = "all"


@dataclass
class SearchResult:
    ids: list[int]
    total: int
    facets: dict[str, dict[str, int]]
    highlights: dict[int, dict[str, Markup]] = field(default_factory=dict)
    engine: str = "meilisearch"
    # Meilisearch's hits as answered (empty from the database).
    hits: list[dict] = field(default_factory=list)


def parse(index_name: str, args):
    """The search of index `index_name` that query-string `args` ask for; ValidationFailed."""
    return definition.get(index_name).parse(args)


def default_sort(search) -> list[str] | None:
    """An explicit sort, or name order when there are no words (every match ties then)."""
    if search.sort == "updated_at":
        return ["updated_at:desc", "id:desc"]
    if search.sort == "name" or not query_words(search.q):
        return ["name_sort:asc", "id:asc"]
    return None


def _searched(index: IndexDefinition, attributes, viewer_is_staff: bool) -> list[str]:
    if viewer_is_staff:
        return list(attributes)
    return [name for name in attributes if name not in index.staff_only]


def query_text(index: IndexDefinition, search) -> str:
    """What Meilisearch and the text index match as words."""
    return index.text(search) if index.text else search.q


def search_params(
    index: IndexDefinition,
    search,
    page: int,
    per_page: int,
    highlight: bool = True,
    viewer_is_staff: bool = False,
) -> dict:
    """The body of the Meilisearch search request for `search` (its `q` aside); without
    `highlight`, no marked-up fields are asked for."""
    params = {
        "filter": index.filter(search) or None,
        "facets": list(index.facets),
        "page": page,
        "hitsPerPage": per_page,
        "attributesToRetrieve": ["id"],
        "matchingStrategy": MATCHING_STRATEGY,
    }
    if index.staff_only and not viewer_is_staff:
        params["attributesToSearchOn"] = _searched(index, index.searchable, False)
    sort = (index.sort or default_sort)(search)
    if sort:
        params["sort"] = sort
    if search.q and highlight:
        params |= {
            "attributesToHighlight": _searched(index, index.highlighted, viewer_is_staff),
            "highlightPreTag": MARK_START,
            "highlightPostTag": MARK_END,
            "attributesToCrop": list(index.cropped),
            "cropLength": CROP_WORDS,
        }
    if index.extra_params:
        params |= index.extra_params(search)
    return params


def _highlight(text: str) -> Markup:
    # Markup.replace escapes its arguments unless they are Markup themselves.
    return escape(text).replace(MARK_START, Markup("<mark>")).replace(MARK_END, Markup("</mark>"))


def _highlights(index: IndexDefinition, hit: dict) -> dict[str, Markup]:
    formatted = hit.get("_formatted") or {}
    found = {}
    for name in index.highlighted:
        text = formatted.get(name)
        if isinstance(text, str) and (MARK_START in text or name in index.cropped):
            found[name] = _highlight(text)
    return found


def _search_index(
    index: IndexDefinition, search, page, per_page, highlight, viewer_is_staff
) -> SearchResult:
    uid = engine.index_uid(index.name)
    q = query_text(index, search)
    highlight = highlight and bool(q)
    params = search_params(index, search, page, per_page, highlight, viewer_is_staff)
    queries = [{"indexUid": uid, "q": q, **params}]
    computed = index.computed_facets(search) if index.computed_facets else {}
    counted = [(facet, value) for facet, buckets in computed.items() for value in buckets]
    for facet, value in counted:
        queries.append(
            {
                "indexUid": uid,
                "q": q,
                "filter": computed[facet][value] or None,
                "hitsPerPage": 0,
                "matchingStrategy": MATCHING_STRATEGY,
                **({"attributesToSearchOn": params["attributesToSearchOn"]}
                   if "attributesToSearchOn" in params else {}),
            }
        )  # fmt: skip
    answer, *counts = engine.multi_search(queries)
    hits = answer["hits"]
    distribution = answer.get("facetDistribution", {})
    facets = {name: dict(distribution.get(name, {})) for name in index.facets}
    for facet in computed:
        facets[facet] = {}
    for (facet, value), count in zip(counted, counts, strict=True):
        if count["totalHits"]:
            facets[facet][value] = count["totalHits"]
    highlights = {}
    if highlight:
        highlights = {hit["id"]: _highlights(index, hit) for hit in hits}
    return SearchResult(
        ids=[hit["id"] for hit in hits],
        total=answer["totalHits"],
        facets=facets,
        highlights=highlights,
        hits=hits,
    )


def _from_database(index: IndexDefinition, search, page: int, per_page: int) -> SearchResult:
    ids, total, facets = fallback.search(index, search, page, per_page)
    return SearchResult(ids=ids, total=total, facets=facets, engine="database")


def search(
    index_name: str,
    search,
    page: int,
    per_page: int,
    highlight: bool = True,
    viewer_is_staff: bool = False,
) -> SearchResult:
    """One page of index `index_name` matching `search`, with exact total and facet counts;
    highlights unless `highlight` is false (the API shows none: asking costs Meilisearch
    time). Staff-only attributes are searched and highlighted only for `viewer_is_staff`."""
    index = definition.get(index_name)
    try:
        return _search_index(index, search, page, per_page, highlight, viewer_is_staff)
    except engine.SearchUnavailable as error:
        log.warning("search on %s answered from the database: %s", index_name, error)
    except (MeilisearchError, requests.RequestException, json.JSONDecodeError):
        # Not an outage but a refusal (settings not applied yet, a bad answer): still answer.
        log.exception("search on %s failed; answered from the database", index_name)
    return _from_database(index, search, page, per_page)
