"""Meilisearch filters built from parsed searches, never from raw text.

A filter is a list of clauses that must all hold; a clause is a string or a list of strings of
which any may hold. Attribute names come only from the index's filterable attributes; string
values are always quoted with backslashes and double quotes escaped; numbers go through int().
"""

from typing import TYPE_CHECKING

from roster.search import freshness
from roster.search.availability import availability_filter
from roster.search.settings import FILTERABLE

if TYPE_CHECKING:
    from roster.search.queries import ExpertSearch, FocalPointSearch


def quote(value: str) -> str:
    """A Meilisearch string literal holding exactly `value`."""
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _attribute(index_name: str, attribute: str) -> str:
    if attribute not in FILTERABLE[index_name]:
        raise ValueError(f"{attribute!r} is not filterable in {index_name}")
    return attribute


def equals(index_name: str, attribute: str, value: str) -> str:
    """`attribute = "value"` (an array attribute matches if any element equals the value)."""
    return f"{_attribute(index_name, attribute)} = {quote(value)}"


def all_of(index_name: str, attribute: str, values) -> list[str]:
    """Clauses requiring every value (one clause each, ANDed by the caller)."""
    return [equals(index_name, attribute, value) for value in values]


def any_of(index_name: str, attribute: str, values) -> list[list[str]]:
    """One OR group matching any of the values, or nothing when no value is given."""
    group = [equals(index_name, attribute, value) for value in values]
    return [group] if group else []


def _languages(index_name: str, languages, min_level: str | None) -> list[str]:
    if min_level:
        return all_of(index_name, "language_levels", [f"{code}:{min_level}" for code in languages])
    return all_of(index_name, "languages", languages)


def expert_filter(search: "ExpertSearch") -> list:
    """The filter for an expert search (an empty list filters nothing)."""
    clauses: list = []
    clauses += all_of("experts", "thematic_areas", search.thematic_areas)
    clauses += _languages("experts", search.languages, search.min_level)
    clauses += any_of("experts", "nationality", search.nationality)
    if search.available_from:
        clauses += availability_filter(search.available_from, search.available_to)
    return clauses


def focal_point_filter(search: "FocalPointSearch") -> list:
    """The filter for a focal point search."""
    clauses: list = []
    clauses += any_of("focal_points", "member", search.members)
    clauses += all_of("focal_points", "thematic_areas", search.thematic_areas)
    clauses += _languages("focal_points", search.languages, search.min_level)
    if search.freshness:
        # Conditions on the clock, one per chosen bucket (names checked by the parser).
        clauses.append([freshness.meili_clause(bucket) for bucket in search.freshness])
    return clauses
