"""What an index is, declared by the feature that owns it and registered with the core.

The core (engine, outbox, sync, reindex, check, settings, queries, fallback) knows indexes only
through these definitions: a feature's `index.py` builds one and `create_app` registers it.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app, has_app_context

EXTENSION = "roster.search.indexes"


@dataclass(frozen=True)
class Fallback:
    """How the database answers the index's searches while Meilisearch cannot.

    Text is matched by the core through the text index (the document's searchable attributes);
    the feature supplies the rest.
    """

    # search -> SQL conditions on the model equivalent to the index filter.
    conditions: Callable[[Any], list]
    # (search, matches) -> facet counts; `matches` has `rows`, `ids` and `statement`.
    facets: Callable[[Any, Any], dict[str, dict[str, int]]]
    # The column (or scalar subquery) the index sorts as `name_sort`.
    name: Any
    # Further columns read with each match, for `facets`.
    columns: tuple = ()
    # (search, rows) -> the rows in the index's order, when it is not name (or `updated_at`).
    order: Callable[[Any, list], list] | None = None


@dataclass(frozen=True)
class IndexDefinition:
    """One Meilisearch index: its documents, settings, parameters, facets and fallback."""

    name: str
    # The mapped class whose rows are the documents (with `id`, `version`, `updated_at`).
    model: type
    # The read model: (SQL condition, limit) -> records ordered by id, as pages and API show.
    read: Callable[[Any, int | None], list]
    # record -> the index document (with `id` and `version`).
    document: Callable[[Any], dict]
    # Query-string arguments (a MultiDict) -> the index's search; raises ValidationFailed.
    parse: Callable[[Any], Any]
    # search -> Meilisearch filter clauses (see roster.search.filters).
    filter: Callable[[Any], list]
    fallback: Fallback
    # Most telling first: the attribute ranking rule prefers a match in an earlier attribute.
    searchable: tuple[str, ...]
    filterable: tuple[str, ...]
    facets: tuple[str, ...]
    sortable: tuple[str, ...] = ("name_sort", "updated_at", "id")
    highlighted: tuple[str, ...] = ()
    cropped: tuple[str, ...] = ()
    # Codes, acronyms and emails are exact: "IDN" must not also find "IND".
    no_typos: tuple[str, ...] = ()
    # Searchable attributes only staff may search by or see highlighted.
    staff_only: tuple[str, ...] = ()
    # Record type -> attribute holding the document id: a change to such a row queues the
    # document (e.g. an expert's language queues the expert).
    sources: Mapping[type, str] = field(default_factory=dict)
    # Record type -> (connection, ids of changed rows) -> ids of documents that show them.
    dependents: Mapping[type, Callable[[Any, set[int]], Iterable[int]]] = field(
        default_factory=dict
    )
    # since -> SELECT of the ids whose document may have changed at or after `since`.
    changed_since: Callable[[Any], Any] | None = None
    # search -> {facet: {value: extra filter clause}}: facets counted by a search each, in the
    # same multi-search (e.g. values that depend on the clock, never stored in documents).
    computed_facets: Callable[[Any], dict[str, dict[str, str]]] | None = None
    # search -> the index's sort for Meilisearch, or None for relevance.
    sort: Callable[[Any], list[str] | None] | None = None
    # Settings merged over the core's (e.g. embedders).
    extra_settings: Mapping[str, Any] = field(default_factory=dict)
    # search -> the words matched as text, when not all of `q` (e.g. a lookup by filter).
    text: Callable[[Any], str] | None = None
    # search -> parameters merged into the search request (e.g. hybrid search).
    extra_params: Callable[[Any], dict] | None = None
    # Documents about to be sent, changed in place (e.g. vectors computed in the worker).
    enrich: Callable[[list[dict]], None] | None = None

    def __repr__(self) -> str:
        return f"<IndexDefinition {self.name}>"


def register(app: Flask, definition: IndexDefinition) -> None:
    """Make `definition` one of the app's indexes."""
    app.extensions.setdefault(EXTENSION, {})[definition.name] = definition


def definitions(app: Flask | None = None) -> dict[str, IndexDefinition]:
    """The app's indexes by name, in registration order."""
    return (app or current_app).extensions.get(EXTENSION, {})


def has_app() -> bool:
    """Whether an app (hence its indexes) is at hand: sessions also run without one."""
    return has_app_context()


def index_names() -> tuple[str, ...]:
    return tuple(definitions())


def get(name: str) -> IndexDefinition:
    """The definition of index `name`; ValueError when there is none."""
    try:
        return definitions()[name]
    except KeyError:
        raise ValueError(f"unknown index {name!r}") from None
