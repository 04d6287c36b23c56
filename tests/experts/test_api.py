"""The experts API: create, read, change, delete, and the problems it answers with."""

from datetime import date

import pytest
from sqlalchemy import func, select

from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.extensions import db
from tests.factories import ExpertFactory

PROBLEM = "application/problem+json"


def count_experts() -> int:
    return db.session.scalar(select(func.count()).select_from(Expert))


def test_create_returns_expert_with_location(client, staff_headers, payload):
    response = client.post("/api/v1/experts", json=payload, headers=staff_headers)

    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/v1/experts/{body['id']}"
    assert body["version"] == 1
    assert body["full_name"] == "Somchai Prasert"
    assert body["name_local"] == "สมชาย ประเสริฐ"
    assert body["email"] == "Somchai.P@example.org"
    assert body["phone"] == "+66812345678"
    assert body["nationality"] == "THA"
    assert body["thematic_areas"] == ["trafficking-in-persons", "criminal-justice"]
    assert body["languages"] == [
        {"code": "th", "level": "native"},
        {"code": "en", "level": "fluent"},
    ]
    assert body["availability"] == [{"start": "2027-01-10", "end": "2027-03-31"}]
    assert body["created_at"] and body["updated_at"]
    assert set(body) == {
        "id", "version", "full_name", "name_local", "email", "phone", "nationality",
        "organisation", "position", "bio", "thematic_areas", "languages", "availability",
        "visibility", "created_at", "updated_at", "consent_at", "consent_purpose", "consent_source",
        "confirmed_at", "has_cv",
    }  # fmt: skip
    db.session.expire_all()
    expert = db.session.get(Expert, body["id"])
    assert {(row.code, row.level) for row in expert.languages} == {
        ("th", "native"),
        ("en", "fluent"),
    }


def test_create_with_only_a_name(client, staff_headers):
    response = client.post("/api/v1/experts", json={"full_name": "Ana"}, headers=staff_headers)

    assert response.status_code == 201
    body = response.get_json()
    assert body["email"] == "" and body["languages"] == [] and body["availability"] == []


def test_location_leads_to_the_expert(client, staff_headers, payload):
    created = client.post("/api/v1/experts", json=payload, headers=staff_headers)

    response = client.get(created.headers["Location"], headers=staff_headers)

    assert response.status_code == 200
    assert response.get_json() == created.get_json()


@pytest.mark.parametrize("role", ["viewer", "editor", "staff", "admin"])
def test_every_role_reads_an_expert(client, make_user, api_token, role):
    expert = ExpertFactory(languages=[("th", "native")])
    user = make_user(role, "THA" if role == "editor" else None)

    response = client.get(f"/api/v1/experts/{expert.id}", headers=api_token(user))

    assert response.status_code == 200
    assert response.get_json()["languages"] == [{"code": "th", "level": "native"}]


def test_reading_needs_a_token(client):
    expert = ExpertFactory()

    response = client.get(f"/api/v1/experts/{expert.id}")

    assert response.status_code == 401
    assert response.mimetype == PROBLEM


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_unknown_expert_is_404_problem(client, staff_headers, method):
    body = {"version": 1}

    response = client.open("/api/v1/experts/999", method=method, json=body, headers=staff_headers)

    assert response.status_code == 404
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == 404 and body["title"] and "999" in body["detail"]


def test_list_without_query_pages_by_name(client, make_user, api_token):
    for name in ("Zed", "Amy", "Mo"):
        ExpertFactory(full_name=name)
    headers = api_token(make_user("viewer"))

    first = client.get("/api/v1/experts?per_page=2", headers=headers).get_json()
    second = client.get("/api/v1/experts?per_page=2&page=2", headers=headers).get_json()

    assert [item["full_name"] for item in first["items"]] == ["Amy", "Mo"]
    assert [item["full_name"] for item in second["items"]] == ["Zed"]
    assert {key: first["_meta"][key] for key in ("page", "per_page", "total")} == {
        "page": 1,
        "per_page": 2,
        "total": 3,
    }
    assert "page=2" in first["_links"]["next"]
    assert first["_links"]["prev"] is None
    assert second["_links"]["next"] is None


def test_list_rejects_a_bad_per_page(client, staff_headers):
    response = client.get("/api/v1/experts?per_page=500", headers=staff_headers)

    assert response.status_code == 422
    assert "per_page" in response.get_json()["errors"]


def test_patch_changes_only_the_fields_sent(client, staff_headers):
    expert = ExpertFactory(
        phone="+66812345678", languages=[("th", "native")], thematic_areas=["maritime"]
    )

    response = client.patch(
        f"/api/v1/experts/{expert.id}",
        json={
            "version": 1,
            "organisation": "UNODC",
            "languages": [{"code": "en", "level": "working"}],
        },
        headers=staff_headers,
    )

    assert response.status_code == 200
    body = response.get_json()
    assert body["version"] == 2
    assert body["organisation"] == "UNODC"
    assert body["languages"] == [{"code": "en", "level": "working"}]
    assert body["phone"] == "+66812345678"
    assert body["thematic_areas"] == ["maritime"]
    assert body["full_name"] == expert.full_name
    db.session.expire_all()
    assert db.session.scalars(select(ExpertLanguage.code)).all() == ["en"]


def test_patch_of_only_availability_bumps_the_version(client, staff_headers):
    expert = ExpertFactory()

    response = client.patch(
        f"/api/v1/experts/{expert.id}",
        json={"version": 1, "availability": [{"start": "2027-05-01", "end": "2027-05-31"}]},
        headers=staff_headers,
    )

    assert response.status_code == 200
    assert response.get_json()["version"] == 2
    stale = client.patch(
        f"/api/v1/experts/{expert.id}",
        json={"version": 1, "availability": []},
        headers=staff_headers,
    )
    assert stale.status_code == 409


@pytest.mark.parametrize("version", [None, "2", 1.5, True])
def test_patch_needs_an_integer_version(client, staff_headers, version):
    expert = ExpertFactory()
    body = {"organisation": "UNODC"} if version is None else {"version": version}

    response = client.patch(f"/api/v1/experts/{expert.id}", json=body, headers=staff_headers)

    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert list(response.get_json()["errors"]) == ["version"]


def test_stale_version_is_409_and_keeps_the_first_save(client, staff_headers):
    expert = ExpertFactory(organisation="Royal Thai Police")
    url = f"/api/v1/experts/{expert.id}"
    first = client.patch(url, json={"version": 1, "organisation": "First"}, headers=staff_headers)

    second = client.patch(url, json={"version": 1, "organisation": "Second"}, headers=staff_headers)

    assert first.status_code == 200
    assert second.status_code == 409
    assert second.mimetype == PROBLEM
    assert second.get_json()["status"] == 409
    db.session.expire_all()
    stored = db.session.get(Expert, expert.id)
    assert (stored.organisation, stored.version) == ("First", 2)


def test_delete_removes_the_expert_and_their_rows(client, staff_headers):
    expert = ExpertFactory(
        languages=[("th", "native")],
        availability=[(date(2027, 1, 1), date(2027, 1, 31))],
        thematic_areas=["maritime"],
    )

    response = client.delete(f"/api/v1/experts/{expert.id}", headers=staff_headers)

    assert response.status_code == 204
    assert response.data == b""
    assert count_experts() == 0
    assert db.session.scalar(select(func.count()).select_from(ExpertLanguage)) == 0
    assert db.session.scalar(select(func.count()).select_from(AvailabilityWindow)) == 0
    assert client.get(f"/api/v1/experts/{expert.id}", headers=staff_headers).status_code == 404


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_readers_may_not_write(client, make_user, api_token, payload, role):
    expert = ExpertFactory(organisation="Royal Thai Police")
    headers = api_token(make_user(role, "THA" if role == "editor" else None))
    url = f"/api/v1/experts/{expert.id}"

    created = client.post("/api/v1/experts", json=payload, headers=headers)
    patched = client.patch(url, json={"version": 1, "organisation": "X"}, headers=headers)
    deleted = client.delete(url, headers=headers)

    assert [created.status_code, patched.status_code, deleted.status_code] == [403, 403, 403]
    assert created.mimetype == PROBLEM
    db.session.expire_all()
    assert count_experts() == 1
    stored = db.session.get(Expert, expert.id)
    assert (stored.organisation, stored.version) == ("Royal Thai Police", 1)


def test_admin_may_write(client, make_user, api_token, payload):
    response = client.post("/api/v1/experts", json=payload, headers=api_token(make_user("admin")))

    assert response.status_code == 201


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2]", b'"text"'],
    ids=["malformed", "array", "string"],
)
def test_body_must_be_a_json_object(client, staff_headers, body):
    expert = ExpertFactory()
    headers = {**staff_headers, "Content-Type": "application/json"}

    created = client.post("/api/v1/experts", data=body, headers=headers)
    patched = client.patch(f"/api/v1/experts/{expert.id}", data=body, headers=headers)

    assert created.status_code == 400 and patched.status_code == 400
    assert created.mimetype == PROBLEM
    assert count_experts() == 1
