"""Invitation mails with accept/decline links, the expert's reply, confirmation mails, .ics."""

import threading

from icalendar import Calendar

from roster.activities.models import Assignment
from roster.audit.models import AuditEntry
from roster.extensions import db
from tests.factories import ActivityFactory, AssignmentFactory, ExpertFactory, member
from tests.links import days_later, last_mail, tampered
from tests.mail_links import assert_stored_sealed, link_paths


def stored(assignment_id: int) -> Assignment:
    db.session.expire_all()
    return db.session.get(Assignment, assignment_id)


def move(client, headers, assignment_id: int, status: str):
    current = stored(assignment_id)
    return client.patch(
        f"/api/v1/assignments/{assignment_id}",
        json={"version": current.version, "status": status},
        headers=headers,
    )


def invite(client, headers, **activity):
    activity.setdefault("member", member("THA"))
    activity.setdefault("city", "Bangkok")
    activity.setdefault("thematic_areas", ["maritime"])
    assignment = AssignmentFactory(
        activity=ActivityFactory(**activity),
        expert=ExpertFactory(full_name="Malee Srisuk", email="malee@example.org"),
    )
    assignment_id = assignment.id
    assert move(client, headers, assignment_id, "invited").status_code == 200
    message = last_mail("malee@example.org")
    accept, decline = link_paths(message, "/invitations/")
    return assignment_id, message, accept, decline


def test_invitation_mails_the_activity_with_links_and_calendar(client, staff_headers):
    assignment_id, message, accept, decline = invite(client, staff_headers, title="Sea patrols")

    assert message.subject == "Invitation: Sea patrols"
    assert "8\u201312 Mar 2027" in message.body
    assert "Bangkok, Thailand" in message.body
    assert "Irregular movement by sea" in message.body
    assert accept != decline
    (ics,) = message.attachments
    assert ics["filename"].endswith(".ics")
    event = Calendar.from_ical(ics["content"]).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Sea patrols"
    body = client.get(f"/api/v1/assignments/{assignment_id}", headers=staff_headers).get_json()
    assert body["response"] is None and body["responded_at"] is None


def test_accept_records_the_reply_and_staff_still_confirm(client, staff_headers, sign_in, staff):
    assignment_id, _, accept, _ = invite(client, staff_headers)

    page = client.get(accept)
    assert page.status_code == 200 and "Yes, I accept" in page.text
    assert stored(assignment_id).response is None  # opening the link answers nothing
    assert client.post(accept).status_code == 200

    body = client.get(f"/api/v1/assignments/{assignment_id}", headers=staff_headers).get_json()
    assert body["status"] == "invited"
    assert body["response"] == "accepted" and body["responded_at"]
    entry = (
        db.session.query(AuditEntry)
        .filter(AuditEntry.record_type == "assignment", AuditEntry.action != "read")
        .order_by(AuditEntry.id)
        .all()[-1]
    )
    assert entry.actor == "expert via link: malee@example.org"
    activity_page = sign_in(staff).get(f"/activities/{stored(assignment_id).activity_id}")
    assert "Accepted on" in activity_page.text

    assert move(client, staff_headers, assignment_id, "confirmed").status_code == 200
    confirmation = last_mail("malee@example.org")
    assert confirmation.subject.startswith("Confirmed: ")
    assert "2027-03-08 to 2027-03-12" in confirmation.body
    assert confirmation.attachments[0]["content_type"] == "text/calendar"


def test_decline_moves_the_assignment_to_declined(client, staff_headers):
    assignment_id, _, _, decline = invite(client, staff_headers)

    assert client.post(decline).status_code == 200

    assignment = stored(assignment_id)
    assert (assignment.status, assignment.response) == ("declined", "declined")
    assert assignment.declined_at is not None


def test_reused_tampered_and_expired_links_change_nothing(client, staff_headers, monkeypatch):
    assignment_id, _, accept, decline = invite(client, staff_headers)

    assert client.post(tampered(accept)).status_code == 404
    assert client.get(tampered(decline)).status_code == 404
    assert stored(assignment_id).response is None

    assert client.post(accept).status_code == 200
    version = stored(assignment_id).version
    assert client.post(accept).status_code == 410
    assert client.post(decline).status_code == 410
    assignment = stored(assignment_id)
    assert (assignment.status, assignment.response, assignment.version) == (
        "invited",
        "accepted",
        version,
    )

    other_id, _, other_accept, _ = invite(client, staff_headers, title="Later")
    days_later(monkeypatch, 31)
    assert client.post(other_accept).status_code == 410
    assert stored(other_id).response is None


def test_two_clicks_at_once_record_one_reply(app, client, staff_headers):
    assignment_id, _, accept, decline = invite(client, staff_headers)
    barrier = threading.Barrier(2)
    statuses = []

    def click(path):
        barrier.wait()
        statuses.append(app.test_client().post(path).status_code)

    threads = [threading.Thread(target=click, args=(path,)) for path in (accept, decline)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 410]
    assignment = stored(assignment_id)
    assert assignment.response in ("accepted", "declined")
    assert (assignment.status == "declined") == (assignment.response == "declined")


def test_click_after_withdrawal_changes_nothing(client, staff_headers):
    assignment_id, _, accept, _ = invite(client, staff_headers)
    assert move(client, staff_headers, assignment_id, "withdrawn").status_code == 200

    assert client.get(accept).status_code == 410
    assert client.post(accept).status_code == 410
    assignment = stored(assignment_id)
    assert (assignment.status, assignment.response) == ("withdrawn", None)


def test_activity_as_icalendar(client, staff_headers):
    activity = ActivityFactory(title="Workshop", city="Bangkok", member=member("THA"))

    response = client.get(f"/api/v1/activities/{activity.id}?format=ics", headers=staff_headers)

    assert response.status_code == 200
    assert response.content_type.startswith("text/calendar")
    text = response.get_data(as_text=True)
    assert "DTSTART;VALUE=DATE:20270308" in text
    assert "DTEND;VALUE=DATE:20270313" in text
    event = Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Bangkok, Thailand"
    assert event["UID"]
    bad = client.get(f"/api/v1/activities/{activity.id}?format=pdf", headers=staff_headers)
    assert bad.status_code == 422
    assert client.get(f"/api/v1/activities/{activity.id}?format=ics").status_code == 401


def test_stored_invitation_mail_holds_no_usable_reply_link(client, staff_headers):
    assignment_id, _, accept, decline = invite(client, staff_headers)
    tokens = [path.removeprefix("/invitations/") for path in (accept, decline)]

    assert_stored_sealed(tokens, ["accept", "decline"])
    assert client.get(accept).status_code == 200
    assert client.post(accept).status_code == 200
    assert stored(assignment_id).response == "accepted"
