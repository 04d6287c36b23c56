"""Reads are audited and API reads are counted against the token."""

from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.extensions import db
from tests.factories import ExpertFactory


def _entries(action: str) -> list[AuditEntry]:
    statement = select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
    return list(db.session.scalars(statement))


def test_every_read_of_one_person_is_audited(client, people, accounts, api_token, sign_in):
    viewer = accounts["viewer"]
    headers = api_token(viewer)
    client.get(f"/api/v1/experts/{people.expert.id}", headers=headers)
    client.get(f"/api/v1/focal-points/{people.focal_point.id}", headers=headers)
    sign_in(viewer)
    client.get(f"/experts/{people.expert.id}")
    client.get(f"/focal-points/{people.focal_point.id}")

    reads = [(entry.record_type, entry.record_id, entry.actor) for entry in _entries("read")]
    assert (
        reads
        == [
            ("expert", people.expert.id, viewer.email),
            ("focal_point", people.focal_point.id, viewer.email),
        ]
        * 2
    )


def test_searches_are_audited_once_with_query_and_count(client, people, accounts, api_token):
    client.get("/api/v1/experts?q=Somchai&per_page=5", headers=api_token(accounts["viewer"]))

    [entry] = _entries("search")
    assert (entry.record_type, entry.record_id) == ("expert", None)
    assert entry.changes == {
        "query": {"q": ["Somchai"], "per_page": ["5"]},
        "count": 1,
        "total": 1,
    }


def test_staff_see_who_looked(client, people, accounts, api_token, sign_in):
    client.get(f"/api/v1/experts/{people.expert.id}", headers=api_token(accounts["viewer"]))

    answer = client.get(
        f"/api/v1/audit?record_type=expert&record_id={people.expert.id}",
        headers=api_token(accounts["staff"]),
    ).get_json()
    newest = answer["items"][0]
    assert (newest["action"], newest["actor"]) == ("read", accounts["viewer"].email)
    page = sign_in(accounts["staff"]).get(f"/audit/expert/{people.expert.id}")
    html = page.get_data(as_text=True)
    assert "Who looked at this record" in html and accounts["viewer"].email in html
    viewer_page = sign_in(accounts["viewer"]).get(f"/audit/expert/{people.expert.id}")
    assert viewer_page.status_code == 403


def test_a_token_reads_a_limited_number_of_records(app, client, accounts, api_token):
    for _ in range(10):
        ExpertFactory()
    app.config["API_READ_LIMIT"] = "12/minute"
    try:
        headers = api_token(accounts["viewer"])
        first = client.get("/api/v1/experts?per_page=5", headers=headers)
        second = client.get("/api/v1/experts?per_page=5&page=2", headers=headers)
        third = client.get("/api/v1/experts?per_page=5", headers=headers)
        other_token = client.get("/api/v1/experts?per_page=5", headers=api_token(accounts["staff"]))
    finally:
        app.config["API_READ_LIMIT"] = "600/minute"

    assert (first.status_code, second.status_code) == (200, 200)
    assert third.status_code == 429
    assert third.content_type.startswith("application/problem+json")
    assert int(third.headers["Retry-After"]) >= 1
    assert other_token.status_code == 200
