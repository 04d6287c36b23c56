"""The database answers the same searches the same way while Meilisearch is unreachable."""

import random
from contextlib import contextmanager
from datetime import timedelta

import pytest
from flask import current_app

from roster.directory.index import FocalPointSearch
from roster.experts.index import ExpertSearch
from roster.reference.languages import LEVELS
from roster.search import engine
from roster.search.local import free_port
from roster.search.text import PREFIX, query_terms
from tests.search import generated_roster as roster
from tests.search.searching import search_experts, search_focal_points

pytestmark = pytest.mark.usefixtures("meili")

# Words present verbatim in the generated roster, and synonyms of its thematic areas.
QUERIES = [
    "Somchai",
    "rahayu",
    "coast guard",
    "prosecutors",
    "pros",
    "survivors shelters",
    "TIP",
    "human trafficking",
    "people smuggling",
    "SOM",
    "o'brien",
    "immigration",
    "",
]


@contextmanager
def meilisearch_unreachable():
    """Point the service at a port nothing listens on."""
    saved = current_app.config["MEILI_URL"]
    current_app.config["MEILI_URL"] = f"http://127.0.0.1:{free_port()}"
    try:
        yield
    finally:
        current_app.config["MEILI_URL"] = saved


def both(run, search, page=1, per_page=1000):
    indexed = run(search, page, per_page)
    with meilisearch_unreachable():
        stored = run(search, page, per_page)
    assert (indexed.engine, stored.engine) == ("meilisearch", "database")
    return indexed, stored


def assert_same(run, search):
    indexed, stored = both(run, search)
    assert stored.total == indexed.total, search
    assert stored.facets == indexed.facets, search
    if search.q and search.sort == "relevance":
        assert set(stored.ids) == set(indexed.ids), search
    else:
        assert stored.ids == indexed.ids, search
        for page in (1, 3):
            indexed_page, stored_page = both(run, search, page, 7)
            assert stored_page.ids == indexed_page.ids
    return indexed


def test_query_terms():
    assert query_terms("coast guard") == [[[("coast",)]], [[("guard" + PREFIX,)]]]
    tip, number = query_terms("TIP 100%")
    assert tip[0] == [("tip",)]
    assert [("trafficking", "in", "persons")] in tip
    assert number == [[("100" + PREFIX,)]]
    assert query_terms("a_b") == [[[("a",)]], [[("b" + PREFIX,)]]]
    assert query_terms(" !? ") == []


def test_expert_searches_agree():
    roster.make_experts(count=100)
    roster.push()
    rng = random.Random(13)
    searches = [ExpertSearch(q=q) for q in QUERIES]
    searches += [ExpertSearch(q=q, sort="name") for q in QUERIES[:4]]
    for _ in range(25):
        languages = tuple(rng.sample(roster.LANGUAGES, rng.choice([0, 1, 2])))
        available_from = roster.DAY_ZERO + timedelta(days=rng.randrange(300))
        dated = rng.random() < 0.5
        searches.append(
            ExpertSearch(
                q=rng.choice(QUERIES),
                thematic_areas=tuple(rng.sample(roster.AREAS, rng.choice([0, 1]))),
                languages=languages,
                min_level=rng.choice([None, *LEVELS]) if languages else None,
                nationality=tuple(rng.sample(roster.NATIONALITIES[:-1], rng.choice([0, 2]))),
                available_from=available_from if dated else None,
                available_to=available_from + timedelta(days=rng.randrange(20)) if dated else None,
                sort=rng.choice(["relevance", "name", "updated_at"]),
            )
        )
    totals = [assert_same(search_experts, search).total for search in searches]
    assert sum(1 for total in totals if total) > len(searches) // 2


def test_focal_point_searches_agree():
    roster.make_focal_points(count=50)
    roster.push()
    rng = random.Random(17)
    searches = [FocalPointSearch(q=q) for q in ("rahayu", "police", "NPIDN", "Indonesia", "")]
    for _ in range(20):
        searches.append(
            FocalPointSearch(
                q=rng.choice(["", "", "national", "Thailand police", "Santos"]),
                members=tuple(rng.sample(roster.MEMBERS, rng.choice([0, 1, 2]))),
                thematic_areas=tuple(rng.sample(roster.AREAS, rng.choice([0, 1]))),
                languages=tuple(rng.sample(roster.LANGUAGES, rng.choice([0, 1]))),
                sort=rng.choice(["relevance", "name", "updated_at"]),
            )
        )
    for search in searches:
        assert_same(search_focal_points, search)


def test_a_stopped_server_a_refusal_or_a_missing_index_falls_back(meili):
    experts = roster.make_experts(count=10)
    roster.push()
    expected = sorted(expert.id for expert in experts if expert.nationality == "THA")
    search = ExpertSearch(nationality=("THA",))

    meili.stop()
    try:
        result = search_experts(search, 1, 20)
    finally:
        meili.start()
    assert result.engine == "database"
    assert sorted(result.ids) == expected

    client = engine.master_client()
    index = client.index(engine.index_uid("experts"))
    engine.wait_for_task(client, index.update_filterable_attributes([]).task_uid)
    result = search_experts(search, 1, 20)
    assert result.engine == "database"
    assert sorted(result.ids) == expected

    engine.wait_for_task(client, client.delete_index(engine.index_uid("experts")).task_uid)
    result = search_experts(search, 1, 20)
    assert result.engine == "database"
    assert sorted(result.ids) == expected
