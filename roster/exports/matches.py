"""Every record matching a search, not one page: from Meilisearch in batches, or from the
database with the same filters while it is unreachable."""

import logging
from collections.abc import Iterator

import requests
from meilisearch.errors import MeilisearchError
from sqlalchemy import select

from roster.extensions import db
from roster.search import definition, engine, fallback
from roster.search.queries import search_params

log = logging.getLogger(__name__)

BATCH = 1000


def _from_index(index_name: str, search) -> list[int]:
    params = search_params(definition.get(index_name), search, 1, BATCH, highlight=False)
    for name in ("page", "hitsPerPage", "facets"):
        params.pop(name, None)
    ids: list[int] = []
    offset = 0
    while True:
        answer = engine.search(index_name, search.q, {**params, "offset": offset, "limit": BATCH})
        hits = answer["hits"]
        ids.extend(hit["id"] for hit in hits)
        offset += len(hits)
        if len(hits) < BATCH:
            return ids


def _from_database(index_name: str, search) -> list[int]:
    index = definition.get(index_name)
    where = fallback.conditions(index, search)
    statement = select(index.model.id).where(*where).order_by(index.model.id)
    return list(db.session.scalars(statement))


def matching_ids(index_name: str, search) -> list[int]:
    """Ids of every record matching `search`, in the search's order, each once."""
    ids = None
    try:
        ids = _from_index(index_name, search)
    except (engine.SearchUnavailable, MeilisearchError, requests.RequestException) as error:
        log.warning("export of %s read from the database: %s", index_name, error)
    if ids is None:
        ids = _from_database(index_name, search)
    return list(dict.fromkeys(ids))


def batches(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
