"""Filters on the real Meilisearch, checked against brute force over a generated roster."""

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roster.directory.index import FocalPointSearch
from roster.experts.availability import LAST_DAY
from roster.experts.index import ExpertSearch, expert_filter
from roster.reference.languages import LEVELS
from roster.search.filters import quote
from tests.factories import ExpertFactory
from tests.search import generated_roster as roster
from tests.search.searching import search_experts, search_focal_points

pytestmark = pytest.mark.usefixtures("meili")

PAYLOADS = [
    'THA" OR nationality = "AUS',
    'THA\\" OR nationality = "AUS',
    "THA' OR nationality = 'AUS",
    '") OR (nationality EXISTS',
    "THA OR nationality EXISTS",
    "x] OR avail_blocks IN [1",
]


def everything(run, search):
    """Ids, total and facets of a search, on one page."""
    result = run(search, 1, 1000)
    assert result.engine == "meilisearch"
    assert len(result.ids) == result.total
    return result


def random_expert_search(rng: random.Random) -> ExpertSearch:
    available_from = available_to = None
    if rng.random() < 0.5:
        available_from = roster.DAY_ZERO + timedelta(days=rng.randrange(-10, 340))
        available_to = available_from + timedelta(days=rng.choice([0, 1, 3, 10, 30]))
    languages = tuple(rng.sample(roster.LANGUAGES, rng.choice([0, 0, 1, 1, 2])))
    return ExpertSearch(
        thematic_areas=tuple(rng.sample(roster.AREAS, rng.choice([0, 0, 1, 1, 2]))),
        languages=languages,
        min_level=rng.choice([None, *LEVELS]) if languages else None,
        nationality=tuple(rng.sample(roster.NATIONALITIES[:-1], rng.choice([0, 0, 1, 2]))),
        available_from=available_from,
        available_to=available_to,
    )


def test_quote_escapes_backslashes_and_quotes():
    assert quote('a"b\\c') == '"a\\"b\\\\c"'
    assert expert_filter(ExpertSearch(nationality=("THA", "AUS"))) == [
        ['nationality = "THA"', 'nationality = "AUS"']
    ]


def test_expert_filters_and_facets_match_brute_force():
    experts = roster.make_experts()
    roster.push()
    rng = random.Random(3)
    searches = [ExpertSearch(), ExpertSearch(languages=("th",), min_level="native")]
    searches += [random_expert_search(rng) for _ in range(60)]
    nonempty = 0
    for search in searches:
        expected = [expert for expert in experts if roster.expert_matches(expert, search)]
        result = everything(search_experts, search)
        assert set(result.ids) == {expert.id for expert in expected}, search
        assert result.facets == roster.expert_facets(expected), search
        nonempty += bool(expected)
    assert nonempty > 30


def test_language_levels():
    experts = roster.make_experts()
    roster.push()
    for level in LEVELS:
        search = ExpertSearch(languages=("th", "en"), min_level=level)
        expected = {e.id for e in experts if roster.expert_matches(e, search)}
        assert set(everything(search_experts, search).ids) == expected


def test_focal_point_filters_and_facets_match_brute_force():
    focal_points = roster.make_focal_points()
    roster.push()
    rng = random.Random(5)
    searches = [FocalPointSearch()]
    for _ in range(40):
        languages = tuple(rng.sample(roster.LANGUAGES, rng.choice([0, 1, 2])))
        searches.append(
            FocalPointSearch(
                members=tuple(rng.sample(roster.MEMBERS, rng.choice([0, 1, 2, 3]))),
                thematic_areas=tuple(rng.sample(roster.AREAS, rng.choice([0, 1, 2]))),
                languages=languages,
                min_level=rng.choice([None, *LEVELS]) if languages else None,
            )
        )
    for search in searches:
        expected = [f for f in focal_points if roster.focal_point_matches(f, search)]
        result = everything(search_focal_points, search)
        assert set(result.ids) == {focal_point.id for focal_point in expected}, search
        assert result.facets == roster.focal_point_facets(expected), search


def test_availability_matches_brute_force_for_many_ranges():
    experts = roster.make_experts(count=150, seed=21)
    roster.push()
    windows = {expert.id: [(w.start, w.end) for w in expert.availability] for expert in experts}

    @settings(max_examples=120, deadline=None, database=None)
    @given(first=st.integers(-20, 380), length=st.integers(0, 70))
    def check(first, length):
        available_from = roster.DAY_ZERO + timedelta(days=first)
        available_to = available_from + timedelta(days=length)
        search = ExpertSearch(available_from=available_from, available_to=available_to)
        expected = {
            expert_id
            for expert_id, spans in windows.items()
            if any(start <= available_from and available_to <= end for start, end in spans)
        }
        assert set(everything(search_experts, search).ids) == expected

    check()


def test_availability_at_the_edges_of_the_horizon():
    expert = ExpertFactory(
        availability=[(date(1995, 1, 1), date(2000, 1, 5)), (date(2089, 9, 1), date(2095, 1, 1))]
    )
    roster.push()

    def found(first, last):
        search = ExpertSearch(available_from=first, available_to=last)
        return everything(search_experts, search).ids == [expert.id]

    assert found(date(2000, 1, 1), date(2000, 1, 5))
    assert not found(date(2000, 1, 1), date(2000, 1, 6))
    assert found(date(2089, 9, 1), LAST_DAY)
    assert not found(date(2089, 8, 31), LAST_DAY)


def test_two_windows_never_combine_into_one():
    """Parallel arrays of starts and ends would match 5 to 25 Jan: start 1 Jan, end 31 Jan."""
    expert = ExpertFactory(
        availability=[(date(2027, 1, 1), date(2027, 1, 10)), (date(2027, 1, 20), date(2027, 1, 31))]
    )
    roster.push()

    def found(first, last):
        search = ExpertSearch(available_from=first, available_to=last)
        return everything(search_experts, search).ids == [expert.id]

    assert not found(date(2027, 1, 5), date(2027, 1, 25))
    assert not found(date(2027, 1, 10), date(2027, 1, 20))
    assert found(date(2027, 1, 1), date(2027, 1, 10))
    assert found(date(2027, 1, 20), date(2027, 1, 31))
    assert not found(date(2027, 1, 11), date(2027, 1, 11))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_payloads_widen_nothing(payload):
    experts = roster.make_experts(count=40)
    roster.push()
    roster.make_focal_points(count=20)
    roster.push()
    all_experts = {expert.id for expert in experts}
    for search in (
        ExpertSearch(thematic_areas=(payload,)),
        ExpertSearch(languages=(payload,)),
        ExpertSearch(languages=("th",), min_level=payload),
        ExpertSearch(nationality=(payload,)),
    ):
        assert everything(search_experts, search).ids == []
    text = everything(search_experts, ExpertSearch(q=payload))
    assert set(text.ids) <= all_experts
    for search in (
        FocalPointSearch(members=(payload,)),
        FocalPointSearch(thematic_areas=(payload,)),
        FocalPointSearch(languages=(payload,)),
    ):
        assert everything(search_focal_points, search).ids == []


def test_injection_payloads_over_http(client, make_user, api_token):
    roster.make_experts(count=20)
    roster.make_focal_points(count=10)
    roster.push()
    headers = api_token(make_user("staff"))
    payload = PAYLOADS[0]
    cases = [
        ("/api/v1/experts", name)
        for name in (
            "thematic_area",
            "language",
            "min_level",
            "nationality",
            "available_from",
            "available_to",
            "sort",
        )
    ]
    cases += [
        ("/api/v1/focal-points", name)
        for name in ("member", "thematic_area", "language", "min_level", "sort")
    ]
    for path, name in cases:
        args = {name: payload, "language": "th"} if name == "min_level" else {name: payload}
        response = client.get(path, query_string=args, headers=headers)
        assert response.status_code == 422, (path, name)
        assert name in response.json["errors"]
    for path in ("/api/v1/experts", "/api/v1/focal-points"):
        response = client.get(path, query_string={"q": payload}, headers=headers)
        assert response.status_code == 200
        assert response.json["_meta"]["total"] == 0
        assert response.json["_meta"]["engine"] == "meilisearch"
