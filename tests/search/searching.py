"""Searches of the two people indexes, as the tests run them."""

from roster.search import queries


def search_experts(search, page: int, per_page: int, **options):
    return queries.search("experts", search, page, per_page, **options)


def search_focal_points(search, page: int, per_page: int, **options):
    return queries.search("focal_points", search, page, per_page, **options)
