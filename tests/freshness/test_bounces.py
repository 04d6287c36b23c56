"""Bounced addresses: flagged focal points fall due at once; vacant functions say since when."""

from datetime import date, timedelta

from sqlalchemy import select

from roster.directory.models import FocalPoint
from roster.extensions import db
from roster.freshness.bounces import failed_recipients
from tests.factories import AgencyFactory, FocalPointFactory

REPORT = b"""From: MAILER-DAEMON@example.org
To: roster@example.org
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

Your message could not be delivered.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.org

Final-Recipient: rfc822; Siti.Rahayu@example.go.id
Action: failed
Status: 5.1.1

Final-Recipient: rfc822; later@example.go.id
Action: delayed
Status: 4.4.1

--b1--
"""


def stored(focal_point_id: int) -> FocalPoint:
    db.session.expire_all()
    return db.session.get(FocalPoint, focal_point_id)


def test_bounce_flags_the_record_and_puts_it_on_the_due_list(client, make_user, api_token):
    focal_point = FocalPointFactory()
    other = FocalPointFactory(holder__email="fine@example.go.id")
    admin = api_token(make_user("admin"))

    response = client.post(
        "/api/v1/mail/bounces", json={"email": "SITI.rahayu@example.go.id"}, headers=admin
    )

    assert response.status_code == 202
    assert response.get_json()["focal_points"] == [focal_point.id]
    body = client.get(f"/api/v1/focal-points/{focal_point.id}", headers=admin).get_json()
    assert body["contact_failed"] is True
    assert body["review_due"] <= date.today().isoformat()
    due = client.get("/api/v1/focal-points?review=due", headers=admin).get_json()
    assert focal_point.id in [item["id"] for item in due["items"]]
    assert stored(other.id).contact_failed_at is None


def test_bounces_are_for_admins_and_need_an_address(client, make_user, api_token, staff_headers):
    assert (
        client.post(
            "/api/v1/mail/bounces", json={"email": "a@example.org"}, headers=staff_headers
        ).status_code
        == 403
    )
    admin = api_token(make_user("admin"))
    response = client.post("/api/v1/mail/bounces", json={"email": "not an address"}, headers=admin)
    assert response.status_code == 422


def test_record_bounce_command(app):
    focal_point = FocalPointFactory(shared_mailbox="ncp@example.go.id")

    result = app.test_cli_runner().invoke(args=["roster", "record-bounce", "ncp@example.go.id"])

    assert "Flagged 1 focal point." in result.output
    assert stored(focal_point.id).contact_failed_at is not None


def test_a_new_address_clears_the_flag(client, staff_headers):
    focal_point = FocalPointFactory()
    from roster.audit.operations import NamedActor
    from roster.freshness.bounces import record_bounce

    record_bounce(NamedActor("test"), "siti.rahayu@example.go.id")
    db.session.commit()
    current = stored(focal_point.id)
    response = client.patch(
        f"/api/v1/focal-points/{focal_point.id}",
        json={"version": current.version, "email": "siti.new@example.go.id"},
        headers=staff_headers,
    )
    assert response.status_code == 200
    assert response.get_json()["contact_failed"] is False


def test_delivery_status_reports_name_the_failed_recipients():
    assert failed_recipients(REPORT) == ["siti.rahayu@example.go.id"]
    assert failed_recipients(b"Subject: hello\n\nplain message") == []


def test_vacant_functions_say_since_when(client, staff_headers):
    agency = AgencyFactory()
    held = FocalPointFactory(agency=agency)
    vacant = FocalPointFactory(agency=agency, holder=False)
    left = FocalPointFactory(agency=agency, holder__started_on=date(2024, 1, 1))
    holder = stored(left.id).current_holder
    holder.ended_on = date.today() - timedelta(days=40)
    db.session.commit()

    def since(focal_point_id):
        return client.get(
            f"/api/v1/focal-points/{focal_point_id}", headers=staff_headers
        ).get_json()["vacant_since"]

    assert since(held.id) is None
    assert since(vacant.id) == stored(vacant.id).created_at.date().isoformat()
    assert since(left.id) == (date.today() - timedelta(days=40)).isoformat()
    listed = client.get("/api/v1/focal-points?per_page=100", headers=staff_headers).get_json()
    by_id = {item["id"]: item["vacant_since"] for item in listed["items"]}
    assert by_id[left.id] == since(left.id) and by_id[held.id] is None
    assert db.session.scalar(select(FocalPoint.id).where(FocalPoint.id == vacant.id))
