"""GET /api/v1/activities searches: every answer checked against a brute-force reading of the
same activities, from Meilisearch and from the database."""

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from roster.search import sync
from roster.search.text import words
from tests.factories import ActivityFactory, member
from tests.search.test_fallback import meilisearch_unreachable

TYPES = ("training", "workshop", "roundtable", "research")
STATUSES = ("planned", "confirmed", "completed", "cancelled")
AREAS = ("trafficking-in-persons", "people-smuggling", "maritime", "children")
MEMBERS = ("THA", "IDN", "AUS", "VNM")
# Words far apart, so that typo tolerance finds no other of them.
VOCABULARY = ("forensic", "passport", "harbour", "shelter", "interview", "database", "lagoon")
CITIES = ("Bangkok", "Jakarta", "Canberra", "Hanoi", "")


@pytest.fixture
def activities():
    rng = random.Random(5)
    made = []
    for number in range(48):
        start = date(2027, 1, 1) + timedelta(days=rng.randrange(300))
        made.append(
            ActivityFactory(
                title=f"{rng.choice(VOCABULARY).title()} course {number}",
                description=" ".join(rng.sample(VOCABULARY, 2)),
                type=rng.choice(TYPES),
                status=rng.choice(STATUSES),
                member=member(rng.choice(MEMBERS)),
                city=rng.choice(CITIES),
                start=start,
                end=start + timedelta(days=rng.randrange(5)),
                thematic_areas=rng.sample(AREAS, rng.choice([0, 1, 2])),
            )
        )
    return made


def _matches_text(activity, q: str) -> bool:
    found = words(f"{activity.title} {activity.description} {activity.city}")
    found += words(activity.member.name)
    typed = words(q)
    whole, last = typed[:-1], typed[-1]
    return all(word in found for word in whole) and any(w.startswith(last) for w in found)


def brute_force(activities, params: dict) -> tuple[set[int], dict]:
    chosen = [
        a
        for a in activities
        if (not params.get("q") or _matches_text(a, params["q"]))
        and (not params.get("type") or a.type in params["type"])
        and (not params.get("status") or a.status in params["status"])
        and (not params.get("member") or a.member.code in params["member"])
        and all(
            code in [area.code for area in a.thematic_areas]
            for code in params.get("thematic_area", [])
        )
    ]
    facets = {
        "type": dict(Counter(a.type for a in chosen)),
        "status": dict(Counter(a.status for a in chosen)),
        "thematic_areas": dict(Counter(area.code for a in chosen for area in a.thematic_areas)),
    }
    return {a.id for a in chosen}, facets


def searches() -> list[dict]:
    rng = random.Random(9)
    found = [{"q": word} for word in VOCABULARY] + [{"q": "bangkok"}, {"q": "thail"}, {}]
    for _ in range(20):
        params = {}
        if rng.random() < 0.5:
            params["q"] = " ".join(rng.sample(VOCABULARY, rng.choice([1, 2])))
        for name, choices in (("type", TYPES), ("status", STATUSES), ("member", MEMBERS)):
            if rng.random() < 0.4:
                params[name] = rng.sample(choices, rng.choice([1, 2]))
        if rng.random() < 0.4:
            params["thematic_area"] = rng.sample(AREAS, 1)
        found.append(params)
    return found


def _get(client, headers, params: dict) -> dict:
    response = client.get(
        "/api/v1/activities", query_string=params | {"per_page": 100}, headers=headers
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_activity_search_matches_brute_force(meili, activities, client, staff_headers):
    sync.drain()
    for params in searches():
        expected_ids, expected_facets = brute_force(activities, params)
        indexed = _get(client, staff_headers, params)
        with meilisearch_unreachable():
            stored = _get(client, staff_headers, params)
        assert indexed["_meta"]["engine"] == "meilisearch"
        assert stored["_meta"]["engine"] == "database"
        for body in (indexed, stored):
            assert {item["id"] for item in body["items"]} == expected_ids, params
            assert body["_meta"]["total"] == len(expected_ids), params
            assert body["facets"] == expected_facets, params


def test_without_words_latest_first(meili, activities, client, staff_headers):
    sync.drain()
    expected = [a.id for a in sorted(activities, key=lambda a: (a.start, a.id), reverse=True)]
    indexed = _get(client, staff_headers, {})
    with meilisearch_unreachable():
        stored = _get(client, staff_headers, {})
    assert [item["id"] for item in indexed["items"]] == expected
    assert [item["id"] for item in stored["items"]] == expected


def test_bad_parameters_are_422(client, staff_headers):
    for params in (
        {"type": "party"},
        {"status": "done"},
        {"member": "XXX"},
        {"thematic_area": "x"},
    ):
        response = client.get("/api/v1/activities", query_string=params, headers=staff_headers)
        assert response.status_code == 422
        assert list(response.get_json()["errors"]) == list(params)
