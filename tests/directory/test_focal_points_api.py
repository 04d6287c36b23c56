from datetime import date

import pytest
from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.directory.models import FocalPoint, FocalPointHolder
from roster.extensions import db
from tests.factories import AgencyFactory, FocalPointFactory, member

NEW_FOCAL_POINT = {
    "full_name": "Somchai Jaidee",
    "name_local": "สมชาย ใจดี",
    "member": "THA",
    "agency": "Royal Thai Police",
    "position": "National Contact Point, Trafficking in Persons",
    "email": "somchai@police.go.th",
    "phone": "02 205 1000",
    "thematic_areas": ["trafficking-in-persons"],
    "languages": [{"code": "th", "level": "native"}, {"code": "en", "level": "working"}],
}


def test_staff_creates_focal_point_with_new_agency(client, staff_headers):
    response = client.post("/api/v1/focal-points", json=NEW_FOCAL_POINT, headers=staff_headers)

    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/focal-points/{body['id']}")
    assert body["member"] == "THA"
    assert body["agency"] == "Royal Thai Police"
    assert body["phone"] == "+6622051000"
    assert body["name_local"] == "สมชาย ใจดี"
    assert body["languages"] == [
        {"code": "th", "level": "native"},
        {"code": "en", "level": "working"},
    ]
    assert body["version"] == 1
    assert body["verified_at"] is None


def test_editor_creates_only_in_own_member(client, make_user, api_token):
    headers = api_token(make_user("editor", "IDN"))

    other = client.post("/api/v1/focal-points", json=NEW_FOCAL_POINT, headers=headers)
    own = client.post(
        "/api/v1/focal-points",
        json={**NEW_FOCAL_POINT, "member": "IDN", "phone": "+62 21 555 0100"},
        headers=headers,
    )

    assert other.status_code == 403
    assert other.mimetype == "application/problem+json"
    assert own.status_code == 201
    assert db.session.scalar(select(db.func.count()).select_from(FocalPoint)) == 1


def test_editor_cannot_change_or_delete_other_members_record(client, make_user, api_token):
    thai = FocalPointFactory(agency=AgencyFactory(member=member("THA")))
    headers = api_token(make_user("editor", "IDN"))

    patch = client.patch(
        f"/api/v1/focal-points/{thai.id}",
        json={"version": thai.version, "phone": "+66 2 205 1001"},
        headers=headers,
    )
    delete = client.delete(f"/api/v1/focal-points/{thai.id}", headers=headers)

    assert (patch.status_code, delete.status_code) == (403, 403)
    db.session.expire_all()
    unchanged = db.session.get(FocalPoint, thai.id)
    assert unchanged.current_holder.phone == "+62215550100"
    assert unchanged.version == 1


def test_editor_updates_own_member_phone(client, make_user, api_token):
    focal_point = FocalPointFactory()
    headers = api_token(make_user("editor", "IDN"))

    response = client.patch(
        f"/api/v1/focal-points/{focal_point.id}",
        json={"version": 1, "phone": "021 555 0199"},
        headers=headers,
    )

    assert response.status_code == 200
    assert response.get_json()["phone"] == "+62215550199"
    assert response.get_json()["version"] == 2


def test_stale_version_is_409_and_keeps_first_write(client, staff_headers):
    focal_point = FocalPointFactory()
    url = f"/api/v1/focal-points/{focal_point.id}"

    first = client.patch(url, json={"version": 1, "position": "First"}, headers=staff_headers)
    second = client.patch(url, json={"version": 1, "position": "Second"}, headers=staff_headers)

    assert first.status_code == 200
    assert second.status_code == 409
    assert second.get_json()["status"] == 409
    assert client.get(url, headers=staff_headers).get_json()["position"] == "First"


def test_patch_without_version_is_422(client, staff_headers):
    focal_point = FocalPointFactory()
    response = client.patch(
        f"/api/v1/focal-points/{focal_point.id}", json={"position": "X"}, headers=staff_headers
    )
    assert response.status_code == 422
    assert "version" in response.get_json()["errors"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-email"),
        ("phone", "12345"),
        ("languages", [{"code": "xx", "level": "native"}]),
        ("languages", [{"code": "th", "level": "expert"}]),
        ("thematic_areas", ["no-such-theme"]),
        ("full_name", ""),
        ("position", ""),
        ("shared_mailbox", "mailbox@"),
    ],
)
def test_invalid_field_is_422_with_field_error(client, staff_headers, field, value):
    response = client.post(
        "/api/v1/focal-points", json={**NEW_FOCAL_POINT, field: value}, headers=staff_headers
    )
    assert response.status_code == 422
    body = response.get_json()
    assert response.mimetype == "application/problem+json"
    assert list(body["errors"]) == [field]
    assert db.session.scalar(select(db.func.count()).select_from(FocalPoint)) == 0


def test_unknown_member_is_422(client, staff_headers):
    response = client.post(
        "/api/v1/focal-points", json={**NEW_FOCAL_POINT, "member": "XXX"}, headers=staff_headers
    )
    assert response.status_code == 422
    assert "member" in response.get_json()["errors"]


def test_malformed_json_is_400(client, staff_headers):
    response = client.post(
        "/api/v1/focal-points",
        data="{not json",
        headers={**staff_headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.get_json()["status"] == 400


def test_unknown_id_is_404(client, staff_headers):
    response = client.get("/api/v1/focal-points/999999", headers=staff_headers)
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_holder_change_keeps_history(client, staff_headers):
    focal_point = FocalPointFactory(holder__started_on=date(2023, 5, 1))
    url = f"/api/v1/focal-points/{focal_point.id}"

    response = client.patch(
        url,
        json={
            "version": 1,
            "full_name": "Budi Santoso",
            "email": "budi@example.go.id",
            "handover": True,
        },
        headers=staff_headers,
    )

    assert response.status_code == 200
    assert response.get_json()["full_name"] == "Budi Santoso"
    history = client.get(f"{url}/history", headers=staff_headers).get_json()["items"]
    assert [(h["full_name"], h["ended_on"]) for h in history] == [
        ("Budi Santoso", None),
        ("Siti Rahayu", date.today().isoformat()),
    ]
    assert history[1]["started_on"] == "2023-05-01"
    assert history[1]["email"] == "siti.rahayu@example.go.id"


def test_name_change_without_handover_is_a_correction(client, staff_headers):
    focal_point = FocalPointFactory()
    response = client.patch(
        f"/api/v1/focal-points/{focal_point.id}",
        json={"version": 1, "full_name": "Siti Rahayu Putri"},
        headers=staff_headers,
    )
    assert response.status_code == 200
    assert response.get_json()["email"] == "siti.rahayu@example.go.id"
    assert response.get_json()["verified_at"] is None
    assert db.session.scalar(select(db.func.count()).select_from(FocalPointHolder)) == 1


def test_audit_records_changed_fields(client, staff_headers):
    focal_point = FocalPointFactory()
    client.patch(
        f"/api/v1/focal-points/{focal_point.id}",
        json={"version": 1, "phone": "+62 21 555 0111", "thematic_areas": ["corruption"]},
        headers=staff_headers,
    )

    entry = db.session.scalars(
        select(AuditEntry).where(
            AuditEntry.action == "update", AuditEntry.record_id == focal_point.id
        )
    ).one()
    assert entry.record_type == "focal_point"
    assert entry.changes == {
        "phone": {"old": "+62215550100", "new": "+62215550111"},
        "thematic_areas": {"old": [], "new": ["corruption"]},
    }
    assert entry.actor.startswith("user")


def test_delete_is_204_then_404(client, staff_headers):
    focal_point = FocalPointFactory()
    url = f"/api/v1/focal-points/{focal_point.id}"
    assert client.delete(url, headers=staff_headers).status_code == 204
    assert client.get(url, headers=staff_headers).status_code == 404
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).one()
    # The deletion keeps what the function was, not who held it.
    assert entry.changes["position"] == {"old": focal_point.position, "new": None}
    assert "Siti Rahayu" not in str(entry.changes)


def test_list_pages_in_stable_order(client, staff_headers):
    for _ in range(3):
        FocalPointFactory()
    first = client.get("/api/v1/focal-points?per_page=2", headers=staff_headers).get_json()
    second = client.get(first["_links"]["next"], headers=staff_headers).get_json()

    assert first["_meta"]["page"] == 1 and first["_meta"]["total"] == 3
    assert first["_links"]["prev"] is None
    assert len(second["items"]) == 1
    ids = [item["id"] for item in first["items"] + second["items"]]
    assert len(set(ids)) == 3


def test_per_page_over_limit_is_422(client, staff_headers):
    response = client.get("/api/v1/focal-points?per_page=101", headers=staff_headers)
    assert response.status_code == 422
