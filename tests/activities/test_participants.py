"""Participants of activities and the alumni network they make."""

from datetime import date

import pytest
from sqlalchemy import select

from roster.activities.models import Participant
from roster.audit.models import AuditEntry
from roster.extensions import db
from tests.factories import ActivityFactory, FocalPointFactory


def add(client, headers, activity, **body):
    return client.post(f"/api/v1/activities/{activity.id}/participants", json=body, headers=headers)


def test_a_focal_point_takes_part_as_its_current_holder(client, staff_headers):
    activity = ActivityFactory()
    focal_point = FocalPointFactory(
        holder__full_name="Siti Rahayu", holder__email="siti@bnp2tki.go.id"
    )

    response = add(client, staff_headers, activity, focal_point_id=focal_point.id, role="speaker")

    assert response.status_code == 201
    body = response.get_json()
    assert body["focal_point_id"] == focal_point.id
    assert body["full_name"] == "Siti Rahayu" and body["member"] == "IDN"
    assert body["email"] == "siti@bnp2tki.go.id" and body["role"] == "speaker"
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.record_type == "participant"))
    assert entry.action == "create" and entry.record_id == body["id"]


def test_anyone_named_takes_part(client, staff_headers):
    activity = ActivityFactory()

    response = add(
        client,
        staff_headers,
        activity,
        full_name="Nguyen Van An",
        member="VNM",
        email="An@Example.vn",
    )

    assert response.status_code == 201
    assert response.get_json()["email"] == "An@example.vn"
    listed = client.get(f"/api/v1/activities/{activity.id}/participants", headers=staff_headers)
    assert [item["full_name"] for item in listed.get_json()["items"]] == ["Nguyen Van An"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"focal_point_id": 999}, "focal_point_id"),
        ({"focal_point_id": "x"}, "focal_point_id"),
        ({"member": "THA"}, "full_name"),
        ({"full_name": "Ana"}, "member"),
        ({"full_name": "Ana", "member": "XYZ"}, "member"),
        ({"full_name": "Ana", "member": "THA", "email": "not-an-email"}, "email"),
    ],
)
def test_invalid_participants_are_422(client, staff_headers, body, field):
    activity = ActivityFactory()

    response = add(client, staff_headers, activity, **body)

    assert response.status_code == 422
    assert field in response.get_json()["errors"]
    assert db.session.scalar(select(Participant.id)) is None


def test_the_same_person_twice_is_422(client, staff_headers):
    activity = ActivityFactory()
    add(client, staff_headers, activity, full_name="Ana Lima", member="TLS", email="ana@gov.tl")

    again = add(
        client, staff_headers, activity, full_name="Ana  Lima", member="TLS", email="ANA@gov.tl"
    )

    assert again.status_code == 422


def test_a_vacant_focal_point_cannot_take_part(client, staff_headers):
    activity = ActivityFactory()
    focal_point = FocalPointFactory(holder=False)

    response = add(client, staff_headers, activity, focal_point_id=focal_point.id)

    assert response.status_code == 422


def test_deleting_a_focal_point_keeps_the_participation(client, staff_headers):
    activity = ActivityFactory()
    focal_point = FocalPointFactory(holder__full_name="Siti Rahayu")
    participant_id = add(client, staff_headers, activity, focal_point_id=focal_point.id).get_json()[
        "id"
    ]

    assert (
        client.delete(f"/api/v1/focal-points/{focal_point.id}", headers=staff_headers).status_code
        == 204
    )

    db.session.expire_all()
    participant = db.session.get(Participant, participant_id)
    assert participant.focal_point_id is None and participant.full_name == "Siti Rahayu"


def test_removing_a_participant(client, staff_headers):
    activity = ActivityFactory()
    participant_id = add(client, staff_headers, activity, full_name="Ana", member="THA").get_json()[
        "id"
    ]

    response = client.delete(f"/api/v1/participants/{participant_id}", headers=staff_headers)

    assert response.status_code == 204
    db.session.expire_all()
    assert db.session.get(Participant, participant_id) is None
    actions = db.session.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.record_type == "participant")
        .order_by(AuditEntry.id)
    )
    assert list(actions) == ["create", "delete"]


@pytest.fixture
def network(client, staff_headers):
    """Three activities, one cancelled, and the people who took part in them."""
    maritime = ActivityFactory(
        title="Maritime course",
        start=date(2026, 5, 4),
        end=date(2026, 5, 8),
        thematic_areas=["maritime"],
        status="completed",
    )
    trafficking = ActivityFactory(
        title="Trafficking workshop",
        start=date(2026, 9, 1),
        end=date(2026, 9, 3),
        thematic_areas=["trafficking-in-persons", "victim-protection"],
        status="completed",
    )
    cancelled = ActivityFactory(
        title="Cancelled dialogue", thematic_areas=["maritime"], status="completed"
    )
    for activity, person in [
        (maritime, {"full_name": "Siti Rahayu", "member": "IDN", "email": "siti@example.id"}),
        (trafficking, {"full_name": "Siti R.", "member": "IDN", "email": "SITI@example.id"}),
        (maritime, {"full_name": "Anan Boonmee", "member": "THA"}),
        (trafficking, {"full_name": "Maria Santos", "member": "PHL"}),
        (cancelled, {"full_name": "Kept Out", "member": "THA"}),
    ]:
        assert add(client, staff_headers, activity, **person).status_code == 201
    client.patch(
        f"/api/v1/activities/{cancelled.id}",
        json={"version": cancelled.version, "status": "cancelled"},
        headers=staff_headers,
    )
    return {"maritime": maritime, "trafficking": trafficking}


def alumni(client, headers, query=""):
    response = client.get(f"/api/v1/alumni{query}", headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_alumni_lists_each_person_once_with_their_activities(client, make_user, api_token, network):
    body = alumni(client, api_token(make_user("viewer")))

    assert [person["full_name"] for person in body["items"]] == [
        "Anan Boonmee",
        "Maria Santos",
        "Siti R.",
    ]
    siti = body["items"][2]
    assert siti["member"] == "IDN" and siti["email"] == "SITI@example.id"
    assert siti["activities"] == [
        {
            "id": network["maritime"].id,
            "title": "Maritime course",
            "type": "workshop",
            "start": "2026-05-04",
            "end": "2026-05-08",
            "thematic_areas": ["maritime"],
            "role": "",
        },
        {
            "id": network["trafficking"].id,
            "title": "Trafficking workshop",
            "type": "workshop",
            "start": "2026-09-01",
            "end": "2026-09-03",
            "thematic_areas": ["trafficking-in-persons", "victim-protection"],
            "role": "",
        },
    ]
    assert body["_meta"] == {"page": 1, "per_page": 20, "total": 3}


def test_alumni_by_member_and_thematic_area(client, staff_headers, network):
    by_member = alumni(client, staff_headers, "?member=idn")
    by_area = alumni(client, staff_headers, "?thematic_area=maritime")
    both = alumni(client, staff_headers, "?member=THA&thematic_area=trafficking-in-persons")

    assert [person["full_name"] for person in by_member["items"]] == ["Siti R."]
    assert [person["full_name"] for person in by_area["items"]] == ["Anan Boonmee", "Siti Rahayu"]
    siti = by_area["items"][1]
    assert [activity["title"] for activity in siti["activities"]] == ["Maritime course"]
    assert both["items"] == [] and both["_meta"]["total"] == 0


def test_alumni_pages(client, staff_headers, network):
    first = alumni(client, staff_headers, "?per_page=2")
    second = alumni(client, staff_headers, "?per_page=2&page=2")

    assert [person["full_name"] for person in first["items"]] == ["Anan Boonmee", "Maria Santos"]
    assert [person["full_name"] for person in second["items"]] == ["Siti R."]
    assert first["_links"]["next"] is not None and second["_links"]["next"] is None


@pytest.mark.parametrize("query", ["?member=XYZ", "?thematic_area=astrology"])
def test_alumni_unknown_filter_is_422(client, staff_headers, query):
    response = client.get(f"/api/v1/alumni{query}", headers=staff_headers)

    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"


def test_alumni_needs_a_token(client):
    assert client.get("/api/v1/alumni").status_code == 401
