"""Mailings through the API and the worker: merge fields, deleted recipients, SMTP retries."""

import pytest
from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.extensions import db
from roster.mail.models import MailMessage
from roster.mailings.models import MailingRecipient
from roster.mailings.operations import send_mailings
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory, member

MESSAGE = {
    "subject": "For {full_name}: regional meeting",
    "body": "Dear {full_name},\n\nAs {position} at {agency} ({member}), you are invited.",
}


def thai_focal_points(count: int = 2):
    agency = AgencyFactory(member=member("THA"), name="Royal Thai Police")
    return [
        FocalPointFactory(
            agency=agency,
            position=f"Contact Point {index}",
            holder__full_name=f"Holder {index}",
            holder__email=f"holder{index}@example.go.th",
        )
        for index in range(count)
    ]


def create(client, headers, audience=None, **message):
    body = {"audience": audience or {"focal_points": {"member": ["THA"]}}, **MESSAGE, **message}
    return client.post("/api/v1/mailings", json=body, headers=headers)


def status(client, headers, mailing_id):
    return client.get(f"/api/v1/mailings/{mailing_id}", headers=headers).get_json()


def test_mailing_is_queued_then_sent_by_the_worker(app, client, staff_headers):
    thai_focal_points(2)
    FocalPointFactory(holder__email="someone@example.go.id")  # Indonesia: not in the audience

    response = create(client, staff_headers)
    assert response.status_code == 201
    body = response.get_json()
    assert body == {"id": body["id"], "recipients": 2, "status": "queued"}
    assert response.headers["Location"] == f"/api/v1/mailings/{body['id']}"
    assert db.session.scalar(select(MailMessage.id)) is None  # nothing sent in the request

    with app.test_request_context():
        assert send_mailings() == 2

    answer = status(client, staff_headers, body["id"])
    assert {key: answer[key] for key in ("recipients", "sent", "failed", "status")} == {
        "recipients": 2,
        "sent": 2,
        "failed": 0,
        "status": "done",
    }
    assert "@" not in str(answer)
    messages = {message.to: message for message in db.session.scalars(select(MailMessage))}
    assert set(messages) == {"holder0@example.go.th", "holder1@example.go.th"}
    first = messages["holder0@example.go.th"]
    assert first.subject == "For Holder 0: regional meeting"
    assert "As Contact Point 0 at Royal Thai Police (Thailand)" in first.body
    mail_api = client.get("/api/v1/mail", headers=staff_headers)
    assert mail_api.status_code == 403  # the outbox stays with admins
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.record_type == "mailing")).one()
    assert entry.changes["recipients"]["new"] == 2


def test_experts_audience_and_preview(client, staff_headers):
    ExpertFactory(
        full_name="Malee Srisuk", nationality="THA", organisation="DSI", email="m@example.org"
    )
    ExpertFactory(nationality="AUS")
    audience = {"experts": {"nationality": "THA"}}

    preview = client.post(
        "/api/v1/mailings/preview", json={"audience": audience, **MESSAGE}, headers=staff_headers
    ).get_json()
    assert preview["recipients"] == 1
    assert preview["first"]["subject"] == "For Malee Srisuk: regional meeting"
    assert "at DSI (Thailand)" in preview["first"]["body"]
    assert db.session.scalar(select(MailingRecipient.id)) is None


def test_a_recipient_deleted_since_is_skipped(app, client, staff_headers):
    _kept, deleted = thai_focal_points(2)
    mailing_id = create(client, staff_headers).get_json()["id"]
    db.session.delete(db.session.merge(deleted))
    db.session.commit()

    with app.test_request_context():
        send_mailings()

    answer = status(client, staff_headers, mailing_id)
    assert (answer["sent"], answer["failed"], answer["skipped"], answer["status"]) == (
        1,
        1,
        1,
        "done",
    )
    assert [message.to for message in db.session.scalars(select(MailMessage))] == [
        "holder0@example.go.th"
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"audience": {"focal_points": {"member": ["XXX"]}}, **MESSAGE}, "audience.member"),
        ({"audience": {"focal_points": {"colour": "red"}}, **MESSAGE}, "audience"),
        ({"audience": {"people": {}}, **MESSAGE}, "audience"),
        ({"audience": {"focal_points": {}}, **MESSAGE, "body": "Hello {name}"}, "body"),
        ({"audience": {"focal_points": {}}, **MESSAGE, "subject": "Two\nlines"}, "subject"),
        ({"audience": {"focal_points": {}}, "subject": "", "body": "x"}, "subject"),
        ({"audience": {"focal_points": {"member": ["IDN"]}}, **MESSAGE}, "audience"),
    ],
)
def test_invalid_mailings_are_refused(client, staff_headers, body, field):
    thai_focal_points(1)
    response = client.post("/api/v1/mailings", json=body, headers=staff_headers)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_mailings_are_for_the_office(client, make_user, api_token, staff_headers):
    thai_focal_points(1)
    for role in ("viewer", "editor"):
        headers = api_token(make_user(role, "THA" if role == "editor" else None))
        assert create(client, headers).status_code == 403
    mailing_id = create(client, staff_headers).get_json()["id"]
    viewer = api_token(make_user("viewer"))
    assert client.get(f"/api/v1/mailings/{mailing_id}", headers=viewer).status_code == 403
    assert client.get("/api/v1/mailings/99999", headers=staff_headers).status_code == 404
