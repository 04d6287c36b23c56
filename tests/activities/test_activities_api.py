"""The activities API: create, read, change, delete, who may, and the problems it answers with."""

from datetime import date

import pytest
from sqlalchemy import func, select

from roster.activities.models import Activity, ActivityLanguage
from roster.audit.models import AuditEntry
from roster.extensions import db
from tests.factories import ActivityFactory, AssignmentFactory, ExpertFactory

PROBLEM = "application/problem+json"


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def audit_actions(record_type: str, record_id: int) -> list[str]:
    return list(
        db.session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
            .order_by(AuditEntry.id)
        )
    )


def test_create_returns_the_activity_with_location(client, staff_headers, payload):
    response = client.post("/api/v1/activities", json=payload, headers=staff_headers)

    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/v1/activities/{body['id']}"
    assert {key: body[key] for key in payload} == {
        **payload,
        "languages": [{"code": "th", "level": "fluent"}, {"code": "en", "level": "working"}],
    }
    assert body["version"] == 1
    db.session.expire_all()
    activity = db.session.get(Activity, body["id"])
    assert activity.member.code == "THA"
    assert {(row.code, row.level) for row in activity.languages} == {
        ("th", "fluent"),
        ("en", "working"),
    }
    assert audit_actions("activity", activity.id) == ["create"]


def test_minimal_activity_takes_defaults(client, staff_headers):
    response = client.post(
        "/api/v1/activities",
        json={
            "title": "Roundtable",
            "type": "roundtable",
            "start": "2027-05-02",
            "end": "2027-05-02",
        },
        headers=staff_headers,
    )

    assert response.status_code == 201
    body = response.get_json()
    assert body["member"] is None and body["online"] is False
    assert body["status"] == "planned" and body["experts_wanted"] == 1
    assert body["thematic_areas"] == [] and body["languages"] == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"end": "2027-03-07"}, "end"),
        ({"type": "conference"}, "type"),
        ({"status": "postponed"}, "status"),
        ({"title": "  "}, "title"),
        ({"start": "8 March"}, "start"),
        ({"member": "XYZ"}, "member"),
        ({"online": "yes"}, "online"),
        ({"experts_wanted": -1}, "experts_wanted"),
        ({"thematic_areas": ["astrology"]}, "thematic_areas"),
        ({"languages": [{"code": "xx", "level": "fluent"}]}, "languages"),
        ({"languages": [{"code": "th", "level": "expert"}]}, "languages"),
    ],
)
def test_invalid_input_is_422_naming_the_field(client, staff_headers, payload, change, field):
    response = client.post("/api/v1/activities", json={**payload, **change}, headers=staff_headers)

    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == 422 and list(body["errors"]) == [field]
    assert count(Activity) == 0


def test_end_before_start_says_so(client, staff_headers, payload):
    response = client.post(
        "/api/v1/activities", json={**payload, "end": "2027-03-01"}, headers=staff_headers
    )

    assert response.get_json()["errors"] == {
        "end": ["The activity ends (2027-03-01) before it starts (2027-03-08)."]
    }


def test_malformed_json_is_400(client, staff_headers):
    response = client.post(
        "/api/v1/activities",
        data="{not json",
        headers={**staff_headers, "Content-Type": "application/json"},
    )

    assert response.status_code == 400
    assert response.mimetype == PROBLEM


def test_patch_changes_only_what_is_sent(client, staff_headers):
    activity = ActivityFactory(languages=[("th", "fluent")], thematic_areas=["maritime"])

    response = client.patch(
        f"/api/v1/activities/{activity.id}",
        json={"version": 1, "city": "Chiang Mai", "languages": [{"code": "th", "level": "native"}]},
        headers=staff_headers,
    )

    assert response.status_code == 200
    body = response.get_json()
    assert body["version"] == 2 and body["city"] == "Chiang Mai"
    assert body["languages"] == [{"code": "th", "level": "native"}]
    assert body["thematic_areas"] == ["maritime"] and body["title"] == activity.title
    db.session.expire_all()
    assert db.session.get(ActivityLanguage, (activity.id, "th")).level == "native"
    assert audit_actions("activity", activity.id) == ["update"]


def test_patch_end_before_the_stored_start_is_422(client, staff_headers):
    activity = ActivityFactory(start=date(2027, 3, 8), end=date(2027, 3, 12))

    response = client.patch(
        f"/api/v1/activities/{activity.id}",
        json={"version": 1, "end": "2027-03-01"},
        headers=staff_headers,
    )

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["end"]


def test_stale_version_is_409_and_changes_nothing(client, staff_headers):
    activity = ActivityFactory(city="Bangkok")
    client.patch(
        f"/api/v1/activities/{activity.id}",
        json={"version": 1, "city": "Jakarta"},
        headers=staff_headers,
    )

    response = client.patch(
        f"/api/v1/activities/{activity.id}",
        json={"version": 1, "city": "Manila"},
        headers=staff_headers,
    )

    assert response.status_code == 409
    assert response.mimetype == PROBLEM
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).city == "Jakarta"


def test_patch_without_version_is_422(client, staff_headers):
    activity = ActivityFactory()

    response = client.patch(
        f"/api/v1/activities/{activity.id}", json={"city": "Jakarta"}, headers=staff_headers
    )

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["version"]


def test_moving_dates_onto_another_booking_is_409(client, staff_headers):
    expert = ExpertFactory(full_name="Somchai Prasert")
    other = ActivityFactory(title="Maritime course", start=date(2027, 4, 5), end=date(2027, 4, 9))
    moved = ActivityFactory(title="Workshop", start=date(2027, 3, 8), end=date(2027, 3, 12))
    AssignmentFactory(activity=other, expert=expert, status="confirmed")
    AssignmentFactory(activity=moved, expert=expert, status="confirmed")

    response = client.patch(
        f"/api/v1/activities/{moved.id}",
        json={"version": 1, "start": "2027-04-08", "end": "2027-04-10"},
        headers=staff_headers,
    )

    assert response.status_code == 409
    assert "“Maritime course”" in response.get_json()["detail"]
    db.session.expire_all()
    assert db.session.get(Activity, moved.id).start == date(2027, 3, 8)


def test_bringing_back_a_cancelled_activity_checks_its_bookings(client, staff_headers):
    expert = ExpertFactory()
    taken = ActivityFactory(title="Took the slot", start=date(2027, 3, 9), end=date(2027, 3, 9))
    cancelled = ActivityFactory(status="cancelled")
    AssignmentFactory(activity=cancelled, expert=expert, status="confirmed")
    AssignmentFactory(activity=taken, expert=expert, status="confirmed")

    response = client.patch(
        f"/api/v1/activities/{cancelled.id}",
        json={"version": 1, "status": "planned"},
        headers=staff_headers,
    )

    assert response.status_code == 409
    assert "“Took the slot”" in response.get_json()["detail"]


def test_delete_removes_the_activity_its_assignments_and_participants(client, staff_headers):
    assignment = AssignmentFactory()
    activity_id, assignment_id = assignment.activity_id, assignment.id
    created = client.post(
        f"/api/v1/activities/{activity_id}/participants",
        json={"full_name": "Dewi Lestari", "member": "IDN"},
        headers=staff_headers,
    ).get_json()

    response = client.delete(f"/api/v1/activities/{activity_id}", headers=staff_headers)

    assert response.status_code == 204
    db.session.expire_all()
    assert db.session.get(Activity, activity_id) is None
    assert audit_actions("activity", activity_id) == ["delete"]
    assert audit_actions("assignment", assignment_id) == ["delete"]
    assert audit_actions("participant", created["id"]) == ["create", "delete"]
    assert client.get(f"/api/v1/activities/{activity_id}", headers=staff_headers).status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/activities/999"),
        ("PATCH", "/api/v1/activities/999"),
        ("DELETE", "/api/v1/activities/999"),
        ("GET", "/api/v1/activities/999/candidates"),
        ("GET", "/api/v1/activities/999/assignments"),
        ("POST", "/api/v1/activities/999/assignments"),
        ("POST", "/api/v1/activities/999/participants"),
        ("GET", "/api/v1/assignments/999"),
        ("PATCH", "/api/v1/assignments/999"),
        ("DELETE", "/api/v1/participants/999"),
    ],
)
def test_unknown_ids_are_404(client, staff_headers, method, path):
    response = client.open(path, method=method, json={"version": 1}, headers=staff_headers)

    assert response.status_code == 404
    assert response.mimetype == PROBLEM


def test_list_latest_first_with_status_filter(client, make_user, api_token):
    headers = api_token(make_user("viewer"))
    old = ActivityFactory(start=date(2026, 1, 5), end=date(2026, 1, 6), status="completed")
    new = ActivityFactory(start=date(2027, 1, 5), end=date(2027, 1, 6))

    everything = client.get("/api/v1/activities", headers=headers).get_json()
    completed = client.get("/api/v1/activities?status=completed", headers=headers).get_json()
    wrong = client.get("/api/v1/activities?status=done", headers=headers)

    assert [item["id"] for item in everything["items"]] == [new.id, old.id]
    assert everything["_meta"] == {"page": 1, "per_page": 20, "total": 2, "engine": "database"}
    assert [item["id"] for item in completed["items"]] == [old.id]
    assert wrong.status_code == 422


@pytest.mark.parametrize("role", ["viewer", "editor", "staff", "admin"])
def test_every_signed_in_role_reads(client, make_user, api_token, role):
    activity = ActivityFactory()
    headers = api_token(make_user(role, "THA" if role == "editor" else None))

    assert client.get("/api/v1/activities", headers=headers).status_code == 200
    assert client.get(f"/api/v1/activities/{activity.id}", headers=headers).status_code == 200


def test_reading_needs_a_token(client):
    assert client.get("/api/v1/activities").status_code == 401
