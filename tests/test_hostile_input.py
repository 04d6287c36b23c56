"""Odd and hostile input gets a clear 4xx, never a 500."""

import pytest

from tests.factories import ExpertFactory, FocalPointFactory


@pytest.fixture
def headers(make_user, api_token):
    return api_token(make_user("staff"))


@pytest.mark.parametrize(
    "query", ["endpoint=x", "_anchor=x", "_method=POST", "_external=1", "_scheme=javascript"]
)
def test_reserved_names_in_query_strings(client, headers, make_user, sign_in, query):
    ExpertFactory()
    api = client.get(f"/api/v1/members?per_page=2&{query}", headers=headers)
    page = sign_in(make_user("viewer")).get(f"/experts?{query}")

    assert api.status_code == 200
    assert api.get_json()["_links"]["next"].startswith("/api/v1/members?")
    assert page.status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/api/v1/experts/2147483648", "/api/v1/focal-points/99999999999999999999999"],
)
def test_ids_beyond_the_integer_range_are_not_found(client, headers, path):
    assert client.get(path, headers=headers).status_code == 404


def test_huge_page_numbers(client, headers, make_user, sign_in):
    assert client.get("/api/v1/members?page=99999999999999999999", headers=headers).status_code in (
        404,
        422,
    )
    assert sign_in(make_user("admin")).get("/admin/mail?page=99999999999999").status_code == 404


def test_nul_characters_are_refused(client, headers):
    assert client.post("/login", data={"email": "a\x00@x.org", "password": "x"}).status_code == 400
    assert client.get("/api/v1/focal-points?member=I%00", headers=headers).status_code == 400
    response = client.post("/api/v1/experts", json={"full_name": "a\x00b"}, headers=headers)
    assert response.status_code == 400


def test_deeply_nested_json_is_400(client, headers):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post(
        "/api/v1/experts", data=body, headers={**headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 400


def test_wrong_json_types_are_422(client, headers):
    cases = [
        ("/api/v1/experts", {"full_name": ["list"]}),
        ("/api/v1/experts", {"full_name": "A", "languages": "en"}),
        ("/api/v1/experts", {"full_name": "A", "availability": [1, 2]}),
        ("/api/v1/experts", {"full_name": "A", "thematic_areas": [{"code": 1}]}),
        (
            "/api/v1/activities",
            {"title": "T", "type": [], "start": "2027-01-01", "end": "2027-01-02"},
        ),
        (
            "/api/v1/focal-points",
            {"member": "IDN", "agency_id": "²", "position": "P", "full_name": "N"},
        ),
    ]
    for url, body in cases:
        assert client.post(url, json=body, headers=headers).status_code == 422, body


def test_unicode_digits_in_a_hidden_version_are_a_conflict(make_user, sign_in):
    focal_point = FocalPointFactory()
    client = sign_in(make_user("staff"))
    response = client.post(
        f"/focal-points/{focal_point.id}/edit",
        data={"position": "X", "full_name": "Y", "version": "²"},
    )
    assert response.status_code == 409


def test_boolean_version_is_422(client, headers):
    expert = ExpertFactory()
    response = client.patch(
        f"/api/v1/experts/{expert.id}", json={"version": True, "bio": "x"}, headers=headers
    )
    assert response.status_code == 422


def test_too_many_items_are_refused(client, headers):
    response = client.post(
        "/api/v1/experts",
        json={"full_name": "A", "thematic_areas": ["maritime"] * 101},
        headers=headers,
    )
    assert response.status_code == 422
    many = "&".join(["member=IDN"] * 101)
    assert client.get(f"/api/v1/focal-points?{many}", headers=headers).status_code == 400
