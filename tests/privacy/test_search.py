"""Searching never finds a record by a contact detail the caller may not see, on Meilisearch
and on the database fallback; callers who may see it find the record by it."""

import pytest

from roster.search import sync
from tests.privacy.conftest import (
    EXPERT_EMAIL,
    FP_EMAIL,
    ROLES,
    SEES_EXPERT_STAFF_FIELDS,
    SEES_FOCAL_POINT_STAFF_FIELDS,
)

FP_PHONE_WRITTEN = ("+62 21 555 0177", "62215550177", "021-555-0177", "(021) 5550177")
EXPERT_PHONE_WRITTEN = ("+66 81 234 5678", "66812345678", "081 234 5678")


@pytest.fixture(params=["meilisearch", "database"])
def engine_name(request, people):
    """Searches answered by the real Meilisearch, or by the database while it is away."""
    if request.param == "meilisearch":
        request.getfixturevalue("meili")
        sync.drain()
    return request.param


def _found(client, path: str, q: str, headers) -> list[int]:
    answer = client.get(path, query_string={"q": q}, headers=headers)
    assert answer.status_code == 200
    return [item["id"] for item in answer.get_json()["items"]]


@pytest.mark.parametrize("role", ROLES)
def test_hidden_contact_details_find_nothing_for_who_may_not_see_them(
    client, people, accounts, api_token, engine_name, role
):
    headers = api_token(accounts[role])
    expected_fp = [people.focal_point.id] if role in SEES_FOCAL_POINT_STAFF_FIELDS else []
    expected_expert = [people.expert.id] if role in SEES_EXPERT_STAFF_FIELDS else []

    for q in (FP_EMAIL, FP_EMAIL.upper(), *FP_PHONE_WRITTEN):
        assert _found(client, "/api/v1/focal-points", q, headers) == expected_fp, q
    for q in (EXPERT_EMAIL, *EXPERT_PHONE_WRITTEN):
        assert _found(client, "/api/v1/experts", q, headers) == expected_expert, q
    # Part of a hidden email, as text: Meilisearch searches it for the office only; the
    # database fallback keeps staff-only text out of its text index altogether.
    by_text = expected_expert if engine_name == "meilisearch" else []
    assert _found(client, "/api/v1/experts", "example.org", headers) == by_text


def test_visible_contact_details_are_found_by_everyone(
    client, people, accounts, api_token, staff_headers, engine_name
):
    url = f"/api/v1/experts/{people.expert.id}"
    client.patch(url, json={"version": 1, "visibility": {"phone": "all"}}, headers=staff_headers)
    sync.drain()
    viewer = api_token(accounts["viewer"])

    for q in EXPERT_PHONE_WRITTEN:
        assert _found(client, "/api/v1/experts", q, viewer) == [people.expert.id]
    assert _found(client, "/api/v1/experts", EXPERT_EMAIL, viewer) == []


@pytest.mark.parametrize("role", ["viewer", "staff"])
def test_search_pages_and_highlights_never_show_a_contact_detail(
    client, people, accounts, sign_in, engine_name, role
):
    sign_in(accounts[role])
    for path, q in (("/experts", "Somchai example.org"), ("/focal-points", "Wayan")):
        html = client.get(path, query_string={"q": q}).get_data(as_text=True)
        assert EXPERT_EMAIL not in html and FP_EMAIL not in html
    hidden = client.get("/experts", query_string={"q": EXPERT_EMAIL}).get_data(as_text=True)
    assert ("Somchai Hidden" in hidden) == (role == "staff")
