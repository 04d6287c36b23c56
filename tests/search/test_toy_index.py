"""An index the core has never heard of, declared in the test alone: synced, reindexed,
drift-checked and answered from the database like the service's own."""

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from roster.directory.models import Agency
from roster.extensions import db
from roster.search import definition, engine, queries
from roster.search.check import compare, index_versions
from roster.search.definition import Fallback, IndexDefinition
from roster.search.params import parse_common
from roster.search.reindex import reindex
from roster.search.sync import drain
from roster.validation import FieldErrors
from tests.factories import AgencyFactory
from tests.search.test_fallback import meilisearch_unreachable


class ToySearch:
    def __init__(self, q: str = "", sort: str = "relevance"):
        self.q, self.sort = q, sort


def _parse(args) -> ToySearch:
    errors = FieldErrors()
    common = parse_common(args, errors)
    errors.raise_if_any()
    return ToySearch(**common)


def _read(condition, limit):
    return list(
        db.session.scalars(select(Agency).where(condition).order_by(Agency.id).limit(limit))
    )


TOY = IndexDefinition(
    name="toy_agencies",
    model=Agency,
    read=_read,
    document=lambda agency: {
        "id": agency.id,
        "version": agency.version,
        "name": agency.name,
        "name_sort": agency.name.lower(),
        "acronym": agency.acronym,
        "updated_at": 0,
    },
    parse=_parse,
    filter=lambda search: [],
    fallback=Fallback(
        conditions=lambda search: [], facets=lambda search, matches: {}, name=Agency.name
    ),
    searchable=("name", "acronym"),
    filterable=(),
    facets=(),
    sources={Agency: "id"},
)


@pytest.fixture
def toy_index(app):
    definition.register(app, TOY)
    yield TOY
    definition.definitions(app).pop(TOY.name)


def test_a_registered_index_is_synced_reindexed_checked_and_searched(toy_index, meili):
    coast = AgencyFactory(name="Maritime Coast Guard", acronym="MCG")
    police = AgencyFactory(name="National Police", acronym="NP")
    uid = engine.index_uid("toy_agencies")

    drain()
    assert index_versions(engine.write_client(), uid) == {coast.id: 1, police.id: 1}
    assert not compare("toy_agencies").has_drift

    police.name = "National Police Service"
    db.session.commit()
    drift = compare("toy_agencies")
    assert drift.stale == [police.id]

    stats = reindex("toy_agencies")
    assert stats.documents == 2
    assert not compare("toy_agencies").has_drift

    found = queries.search(
        "toy_agencies", queries.parse("toy_agencies", MultiDict({"q": "coast"})), 1, 10
    )
    assert (found.engine, found.ids) == ("meilisearch", [coast.id])
    with meilisearch_unreachable():
        again = queries.search("toy_agencies", ToySearch(q="servce"), 1, 10)
    assert (again.engine, again.ids) == ("database", [police.id])
