"""What the search pages need besides the search itself: a bad query shown as field errors,
facets listed with names, and links that keep the current search."""

from dataclasses import dataclass, field

from flask import request

from roster.api.pagination import page_number
from roster.errors import ValidationFailed
from roster.search import queries
from roster.search.queries import SearchResult
from roster.urls import current_url_with

PER_PAGE = 20


@dataclass
class SearchPage:
    result: SearchResult | None
    records: list
    page: int
    per_page: int = PER_PAGE
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.result.total if self.result else 0

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def is_degraded(self) -> bool:
        return bool(self.result) and self.result.engine == "database"

    def facet(self, name: str) -> dict[str, int]:
        return self.result.facets.get(name, {}) if self.result else {}


def run_search(index_name: str, load, args, viewer_is_staff: bool = False) -> SearchPage:
    """Parse the query string, search index `index_name`, and load the records of one page in
    ranked order with `load` (ids -> records)."""
    page = page_number()
    try:
        query = queries.parse(index_name, args)
    except ValidationFailed as error:
        return SearchPage(result=None, records=[], page=page, errors=error.errors)
    result = queries.search(index_name, query, page, PER_PAGE, viewer_is_staff=viewer_is_staff)
    return SearchPage(result=result, records=load(result.ids), page=page)


def url_with(**changes) -> str:
    """The current search's URL with some parameters changed (None removes one)."""
    return current_url_with(fragment=None, **changes)


def is_selected(name: str, value: str) -> bool:
    return value in request.args.getlist(name)
