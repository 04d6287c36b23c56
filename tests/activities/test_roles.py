"""Only the office (staff, admin) plans and staffs activities; everyone signed in reads them.
A refused write changes nothing."""

import pytest
from sqlalchemy import func, select

from roster.activities.models import Activity, Assignment, Participant
from roster.audit.models import AuditEntry
from roster.extensions import db
from tests.factories import AssignmentFactory, ExpertFactory, member

READERS = ["viewer", "editor"]


@pytest.fixture
def records():
    assignment = AssignmentFactory(status="confirmed")
    activity = assignment.activity
    participant = Participant(
        activity=activity,
        full_name="Dewi Lestari",
        member=member("IDN"),
        person_key="name:IDN:dewi lestari",
    )
    db.session.add(participant)
    db.session.commit()
    return {
        "activity": activity.id,
        "assignment": assignment.id,
        "participant": participant.id,
        "expert": ExpertFactory().id,
    }


def snapshot() -> tuple:
    """Everything a write could change."""
    return (
        tuple(db.session.execute(select(Activity.id, Activity.version, Activity.title)).all()),
        tuple(db.session.execute(select(Assignment.id, Assignment.version, Assignment.status))),
        tuple(db.session.scalars(select(Participant.id))),
        db.session.scalar(select(func.count()).select_from(AuditEntry)),
    )


WRITES = [
    (
        "POST",
        "/api/v1/activities",
        {"title": "T", "type": "other", "start": "2027-01-01", "end": "2027-01-02"},
    ),
    ("PATCH", "/api/v1/activities/{activity}", {"version": 1, "title": "Changed"}),
    ("DELETE", "/api/v1/activities/{activity}", None),
    ("POST", "/api/v1/activities/{activity}/assignments", {"expert_id": "{expert}"}),
    ("PATCH", "/api/v1/assignments/{assignment}", {"version": 1, "status": "completed"}),
    ("POST", "/api/v1/activities/{activity}/participants", {"full_name": "Ana", "member": "THA"}),
    ("DELETE", "/api/v1/participants/{participant}", None),
]


def fill(value, records):
    if isinstance(value, str):
        text = value.format(**records)
        return int(text) if text.isdigit() and value.startswith("{") else text
    if isinstance(value, dict):
        return {key: fill(item, records) for key, item in value.items()}
    return value


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize(("method", "path", "body"), WRITES, ids=[f"{m} {p}" for m, p, _ in WRITES])
def test_readers_cannot_write_through_the_api(
    client, make_user, api_token, records, role, method, path, body
):
    headers = api_token(make_user(role, "IDN" if role == "editor" else None))
    before = snapshot()

    response = client.open(
        fill(path, records), method=method, json=fill(body, records), headers=headers
    )

    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    db.session.expire_all()
    assert snapshot() == before


@pytest.mark.parametrize("role", ["staff", "admin"])
@pytest.mark.parametrize(("method", "path", "body"), WRITES, ids=[f"{m} {p}" for m, p, _ in WRITES])
def test_the_office_writes(client, make_user, api_token, records, role, method, path, body):
    headers = api_token(make_user(role))

    response = client.open(
        fill(path, records), method=method, json=fill(body, records), headers=headers
    )

    assert response.status_code in (200, 201, 204), response.get_json()


@pytest.mark.parametrize("role", READERS)
def test_candidates_are_for_the_office_only(client, make_user, api_token, records, role):
    headers = api_token(make_user(role, "IDN" if role == "editor" else None))

    response = client.get(f"/api/v1/activities/{records['activity']}/candidates", headers=headers)

    assert response.status_code == 403


@pytest.mark.parametrize("role", READERS)
def test_readers_see_lists_but_no_actions_on_pages(client, make_user, sign_in, records, role):
    sign_in(make_user(role, "IDN" if role == "editor" else None))

    page = client.get(f"/activities/{records['activity']}")

    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Dewi Lestari" in html
    for action in ("Edit", "Add to shortlist", "Mark completed", "Add a participant", "Remove"):
        assert action not in html
    assert "Candidates" not in html


PAGE_WRITES = [
    ("GET", "/activities/new"),
    ("POST", "/activities/new"),
    ("GET", "/activities/{activity}/edit"),
    ("POST", "/activities/{activity}/edit"),
    ("GET", "/activities/{activity}/delete"),
    ("POST", "/activities/{activity}/delete"),
    ("POST", "/activities/{activity}/assignments"),
    ("POST", "/assignments/{assignment}/move"),
    ("GET", "/assignments/{assignment}/assessment"),
    ("POST", "/assignments/{assignment}/assessment"),
    ("GET", "/activities/{activity}/participants/new"),
    ("POST", "/activities/{activity}/participants/new"),
    ("POST", "/participants/{participant}/delete"),
]


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize(("method", "path"), PAGE_WRITES, ids=[f"{m} {p}" for m, p in PAGE_WRITES])
def test_readers_cannot_write_through_pages(
    client, make_user, sign_in, records, role, method, path
):
    sign_in(make_user(role, "IDN" if role == "editor" else None))
    before = snapshot()

    response = client.open(
        path.format(**records),
        method=method,
        data={"status": "completed", "version": "1", "expert_id": str(records["expert"])},
    )

    assert response.status_code == 403
    db.session.expire_all()
    assert snapshot() == before


@pytest.mark.parametrize("path", ["/activities", "/activities/{activity}", "/alumni"])
def test_pages_need_signing_in(client, records, path):
    response = client.get(path.format(**records))

    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_activities_are_in_the_menu(client, make_user, sign_in):
    sign_in(make_user("viewer"))

    html = client.get("/activities").get_data(as_text=True)

    assert '<a href="/activities" aria-current="page">Activities</a>' in html
