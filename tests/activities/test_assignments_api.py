"""Staffing through the API: candidates, shortlisting, the status machine, ratings, conflicts."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from roster.activities.models import ASSIGNMENT_MOVES, ASSIGNMENT_STATUSES, Assignment
from roster.audit.models import AuditEntry
from roster.extensions import db
from tests.factories import ActivityFactory, AssignmentFactory, ExpertFactory, member

PROBLEM = "application/problem+json"


def patch(client, headers, assignment, **body):
    return client.patch(
        f"/api/v1/assignments/{assignment.id}",
        json={"version": assignment.version, **body},
        headers=headers,
    )


def stored(assignment_id: int) -> Assignment:
    db.session.expire_all()
    return db.session.get(Assignment, assignment_id)


def test_candidates_best_first_with_reasons(client, staff_headers, available_expert):
    activity = ActivityFactory(
        member=member("THA"), thematic_areas=["maritime"], languages=[("th", "fluent")]
    )
    weaker = available_expert(full_name="Weaker Fit", nationality="AUS")
    stronger = available_expert(
        full_name="Strong Fit", thematic_areas=["maritime"], languages=[("th", "native")]
    )
    ExpertFactory(full_name="Not Available")

    response = client.get(f"/api/v1/activities/{activity.id}/candidates", headers=staff_headers)

    assert response.status_code == 200
    body = response.get_json()
    assert [item["expert"]["id"] for item in body["items"]] == [stronger.id, weaker.id]
    first = body["items"][0]
    assert first["expert"] == {
        "id": stronger.id,
        "full_name": "Strong Fit",
        "nationality": "THA",
        "organisation": "Royal Thai Police",
        "position": "Inspector",
    }
    assert 0 < body["items"][1]["score"] < first["score"] <= 1
    assert "Thai: native (needs fluent)" in first["reasons"]
    assert "same member: THA" in first["reasons"]
    assert body["_meta"]["total"] == 2


def test_shortlisting_an_expert(client, staff_headers):
    activity = ActivityFactory()
    expert = ExpertFactory()

    response = client.post(
        f"/api/v1/activities/{activity.id}/assignments",
        json={"expert_id": expert.id},
        headers=staff_headers,
    )

    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/v1/assignments/{body['id']}"
    assert body["activity_id"] == activity.id and body["expert_id"] == expert.id
    assert body["status"] == "shortlisted" and body["version"] == 1
    assert body["allowed_moves"] == ["invited", "declined", "withdrawn"]
    listed = client.get(f"/api/v1/activities/{activity.id}/assignments", headers=staff_headers)
    assert [item["id"] for item in listed.get_json()["items"]] == [body["id"]]
    assert (
        db.session.scalar(
            select(AuditEntry.action).where(
                AuditEntry.record_type == "assignment", AuditEntry.record_id == body["id"]
            )
        )
        == "create"
    )


@pytest.mark.parametrize("expert_id", [999, "abc", None, True])
def test_unknown_or_missing_expert_is_422(client, staff_headers, expert_id):
    activity = ActivityFactory()

    response = client.post(
        f"/api/v1/activities/{activity.id}/assignments",
        json={"expert_id": expert_id},
        headers=staff_headers,
    )

    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert list(response.get_json()["errors"]) == ["expert_id"]


def test_the_same_expert_twice_is_422(client, staff_headers):
    assignment = AssignmentFactory(status="invited")

    response = client.post(
        f"/api/v1/activities/{assignment.activity_id}/assignments",
        json={"expert_id": assignment.expert_id},
        headers=staff_headers,
    )

    assert response.status_code == 422
    assert "already on this activity (invited)" in response.get_json()["errors"]["expert_id"][0]


PAIRS = [(current, wanted) for current in ASSIGNMENT_STATUSES for wanted in ASSIGNMENT_STATUSES]


@pytest.mark.parametrize(("current", "wanted"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_status_machine(client, staff_headers, current, wanted):
    assignment = AssignmentFactory(status=current)

    response = patch(client, staff_headers, assignment, status=wanted)

    if wanted == current or wanted in ASSIGNMENT_MOVES[current]:
        assert response.status_code == 200
        assert stored(assignment.id).status == wanted
        if wanted != current:
            assert getattr(stored(assignment.id), f"{wanted}_at") is not None
    else:
        assert response.status_code == 422
        message = response.get_json()["errors"]["status"][0]
        assert message.startswith(f"Cannot move from {current} to {wanted}: ")
        allowed = ASSIGNMENT_MOVES[current]
        assert message.endswith(
            f"allowed moves are {', '.join(allowed)}." if allowed else f"{current} is final."
        )
        assert stored(assignment.id).status == current


def test_unknown_status_is_422(client, staff_headers):
    assignment = AssignmentFactory()

    response = patch(client, staff_headers, assignment, status="hired")

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["status"]


def test_completing_with_a_rating_and_note(client, staff_headers):
    assignment = AssignmentFactory(status="confirmed")

    response = patch(
        client, staff_headers, assignment, status="completed", rating=4, note="Clear and practical."
    )

    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "completed" and body["rating"] == 4
    assert body["note"] == "Clear and practical."
    entry = db.session.scalar(
        select(AuditEntry).where(
            AuditEntry.record_type == "assignment", AuditEntry.action == "update"
        )
    )
    assert entry.changes["rating"] == {"old": None, "new": 4}
    assert entry.changes["status"] == {"old": "confirmed", "new": "completed"}


@pytest.mark.parametrize("status", ["shortlisted", "invited", "confirmed", "declined"])
def test_rating_before_completion_is_422(client, staff_headers, status):
    assignment = AssignmentFactory(status=status)

    response = patch(client, staff_headers, assignment, rating=5)

    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "rating": ["A rating is recorded once the assignment is completed."]
    }
    assert stored(assignment.id).rating is None


@pytest.mark.parametrize("rating", [0, 6, 4.5, "5", True])
def test_rating_outside_one_to_five_is_422(client, staff_headers, rating):
    assignment = AssignmentFactory(status="completed")

    response = patch(client, staff_headers, assignment, rating=rating)

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["rating"]


def test_a_rating_can_be_cleared(client, staff_headers):
    assignment = AssignmentFactory(status="completed", rating=2)

    response = patch(client, staff_headers, assignment, rating=None)

    assert response.status_code == 200
    assert stored(assignment.id).rating is None


def test_confirming_over_another_booking_is_409_naming_it(client, staff_headers):
    expert = ExpertFactory(full_name="Somchai Prasert")
    booked = ActivityFactory(
        title="Maritime course", start=date(2027, 3, 10), end=date(2027, 3, 14)
    )
    AssignmentFactory(activity=booked, expert=expert, status="confirmed")
    wanted = AssignmentFactory(
        activity=ActivityFactory(start=date(2027, 3, 8), end=date(2027, 3, 12)),
        expert=expert,
        status="invited",
    )

    response = patch(client, staff_headers, wanted, status="confirmed")

    assert response.status_code == 409
    assert response.mimetype == PROBLEM
    assert response.get_json()["detail"] == (
        f"Somchai Prasert is already confirmed for “Maritime course” (activity {booked.id}, "
        "10\u201314 Mar 2027), which overlaps 8\u201312 Mar 2027."
    )
    assert stored(wanted.id).status == "invited"


@pytest.mark.parametrize(
    ("other_status", "activity_status", "dates", "expected"),
    [
        ("completed", "completed", (date(2027, 3, 12), date(2027, 3, 12)), 409),
        ("confirmed", "cancelled", (date(2027, 3, 9), date(2027, 3, 10)), 200),
        ("invited", "planned", (date(2027, 3, 9), date(2027, 3, 10)), 200),
        ("withdrawn", "planned", (date(2027, 3, 9), date(2027, 3, 10)), 200),
        ("confirmed", "planned", (date(2027, 3, 13), date(2027, 3, 20)), 200),
        ("confirmed", "planned", (date(2027, 3, 1), date(2027, 3, 8)), 409),
    ],
)
def test_what_counts_as_a_clash(
    client, staff_headers, other_status, activity_status, dates, expected
):
    expert = ExpertFactory()
    other = ActivityFactory(start=dates[0], end=dates[1], status=activity_status)
    AssignmentFactory(activity=other, expert=expert, status=other_status)
    wanted = AssignmentFactory(
        activity=ActivityFactory(start=date(2027, 3, 8), end=date(2027, 3, 12)),
        expert=expert,
        status="invited",
    )

    assert patch(client, staff_headers, wanted, status="confirmed").status_code == expected


def test_confirming_on_a_cancelled_activity_is_422(client, staff_headers):
    assignment = AssignmentFactory(status="invited", activity=ActivityFactory(status="cancelled"))

    response = patch(client, staff_headers, assignment, status="confirmed")

    assert response.status_code == 422


def test_stale_assignment_version_is_409(client, staff_headers):
    assignment = AssignmentFactory(status="shortlisted")
    assert patch(client, staff_headers, assignment, status="invited").status_code == 200

    response = client.patch(
        f"/api/v1/assignments/{assignment.id}",
        json={"version": 1, "status": "declined"},
        headers=staff_headers,
    )

    assert response.status_code == 409
    assert stored(assignment.id).status == "invited"


def test_ratings_and_notes_are_shown_to_the_office_only(client, make_user, api_token):
    assignment = AssignmentFactory(status="completed", rating=3, note="Late reports.")
    url = f"/api/v1/assignments/{assignment.id}"

    viewer = client.get(url, headers=api_token(make_user("viewer"))).get_json()
    staff = client.get(url, headers=api_token(make_user("staff"))).get_json()

    assert "rating" not in viewer and "note" not in viewer
    assert staff["rating"] == 3 and staff["note"] == "Late reports."


def test_expert_profile_confirmation_counts_in_freshness(client, staff_headers, available_expert):
    activity = ActivityFactory()
    available_expert(confirmed_at=datetime(2020, 1, 1, tzinfo=UTC))

    items = client.get(
        f"/api/v1/activities/{activity.id}/candidates", headers=staff_headers
    ).get_json()["items"]

    assert items[0]["components"]["freshness"] == 0.0
    assert items[0]["reasons"][-1].startswith("profile confirmed ")


def test_deleting_an_expert_removes_their_assignments(client, staff_headers):
    assignment = AssignmentFactory(status="confirmed")
    expert_id, assignment_id = assignment.expert_id, assignment.id

    assert client.delete(f"/api/v1/experts/{expert_id}", headers=staff_headers).status_code == 204

    db.session.expire_all()
    assert db.session.get(Assignment, assignment_id) is None


def test_confirming_leaves_the_expert_and_activity_rows_as_they_were(client, staff_headers):
    long_ago = datetime(2026, 1, 1, tzinfo=UTC)
    assignment = AssignmentFactory(
        status="invited",
        expert=ExpertFactory(updated_at=long_ago),
        activity=ActivityFactory(updated_at=long_ago),
    )

    assert patch(client, staff_headers, assignment, status="confirmed").status_code == 200

    confirmed = stored(assignment.id)
    assert confirmed.status == "confirmed"
    assert (confirmed.expert.version, confirmed.expert.updated_at) == (1, long_ago)
    assert (confirmed.activity.version, confirmed.activity.updated_at) == (1, long_ago)
