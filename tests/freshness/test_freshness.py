from datetime import date, timedelta

from sqlalchemy import func, select

from roster.database import utcnow
from roster.directory.models import FocalPoint
from roster.extensions import db
from roster.freshness.models import ConfirmationRequest, CorrectionProposal
from roster.mail.models import MailMessage
from tests.factories import AgencyFactory, FocalPointFactory, member
from tests.mail_links import link_path as mail_link_path


def overdue(focal_point, days=1):
    focal_point.review_due = date.today() - timedelta(days=days)
    db.session.commit()
    return focal_point


def link_path(message: MailMessage) -> str:
    return mail_link_path(message, "/confirm/")


def request_link(client, focal_point, headers) -> str:
    response = client.post(
        f"/api/v1/focal-points/{focal_point.id}/confirmation-requests", headers=headers
    )
    assert response.status_code == 202
    assert response.get_json() == {"sent_to": "siti.rahayu@example.go.id"}
    message = db.session.scalars(select(MailMessage).order_by(MailMessage.id.desc())).first()
    return link_path(message)


def test_new_record_is_due_a_review_period_after_creation(client, staff_headers):
    body = client.post(
        "/api/v1/focal-points",
        json={"member": "IDN", "agency": "BNP2TKI", "position": "NCP", "full_name": "Dewi"},
        headers=staff_headers,
    ).get_json()
    assert body["verified_at"] is None
    assert body["review_due"] == (date.today() + timedelta(days=365)).isoformat()


def test_still_correct_sets_verified_at_and_next_review(client, staff_headers):
    focal_point = overdue(FocalPointFactory())
    path = request_link(client, focal_point, staff_headers)

    page = client.get(path)
    answer = client.post(path)

    assert page.status_code == 200 and "Siti Rahayu" in page.get_data(as_text=True)
    assert answer.status_code == 200
    db.session.expire_all()
    confirmed = db.session.get(FocalPoint, focal_point.id)
    assert confirmed.verified_at is not None
    assert confirmed.review_due == date.today() + timedelta(days=365)


def test_link_works_only_once(client, staff_headers):
    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)
    assert client.post(path).status_code == 200
    assert client.get(path).status_code == 410
    assert client.post(path).status_code == 410


def test_tampered_link_is_refused(client, staff_headers):
    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)
    token = path.rsplit("/", 1)[1]
    tampered = path.replace(token, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))
    assert client.get(tampered).status_code == 404
    assert client.post(tampered).status_code == 404
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).verified_at is None


def test_expired_link_is_refused(client, staff_headers):
    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)
    confirmation = db.session.scalars(select(ConfirmationRequest)).one()
    confirmation.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert client.post(path).status_code == 410
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).verified_at is None


def test_correction_changes_nothing_until_accepted(client, make_user, sign_in, staff_headers):
    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)

    proposed = client.post(
        f"{path}/correct",
        data={
            "position": focal_point.position,
            "full_name": "Siti Rahayu",
            "email": "siti.new@example.go.id",
            "phone": "021 555 0123",
        },
    )

    assert proposed.status_code == 200
    db.session.expire_all()
    unchanged = db.session.get(FocalPoint, focal_point.id)
    assert unchanged.current_holder.email == "siti.rahayu@example.go.id"
    assert unchanged.version == 1
    proposal = db.session.scalars(select(CorrectionProposal)).one()
    assert proposal.changes == {"email": "siti.new@example.go.id", "phone": "+62215550123"}

    editor = sign_in(make_user("editor", "IDN"))
    assert "siti.new@example.go.id" in editor.get("/focal-points/due").get_data(as_text=True)
    assert editor.post(f"/proposals/{proposal.id}/accept").status_code == 302
    db.session.expire_all()
    accepted = db.session.get(FocalPoint, focal_point.id)
    assert accepted.current_holder.email == "siti.new@example.go.id"
    assert accepted.current_holder.phone == "+62215550123"
    assert accepted.verified_at is not None


def test_invalid_correction_is_shown_with_field_errors(client, staff_headers):
    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)
    response = client.post(
        f"{path}/correct",
        data={"position": focal_point.position, "full_name": "Siti", "email": "bad@"},
    )
    assert response.status_code == 422
    assert 'id="email-error"' in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(CorrectionProposal)) == 0
    # The link was not used up by the failed attempt.
    assert client.get(path).status_code == 200


def test_other_members_editor_cannot_decide_proposal(client, make_user, sign_in, staff_headers):
    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)
    client.post(
        f"{path}/correct",
        data={"position": "Changed function", "full_name": "Siti Rahayu"},
    )
    proposal = db.session.scalars(select(CorrectionProposal)).one()
    other = sign_in(make_user("editor", "THA"))
    assert other.post(f"/proposals/{proposal.id}/accept").status_code == 403
    db.session.expire_all()
    assert db.session.get(CorrectionProposal, proposal.id).status == "pending"


def test_reminders_are_sent_once_per_review_period(app):
    due = overdue(FocalPointFactory())
    FocalPointFactory()  # not due for a year
    runner = app.test_cli_runner()

    first = runner.invoke(args=["roster", "send-reminders"])
    second = runner.invoke(args=["roster", "send-reminders"])

    assert "Sent 1 reminder." in first.output
    assert "Sent 0 reminders." in second.output
    messages = db.session.scalars(select(MailMessage)).all()
    assert [message.to for message in messages] == ["siti.rahayu@example.go.id"]
    assert "/confirm/" in mail_link_path(messages[0], "/confirm/")
    assert due.position in messages[0].body


def test_editor_sees_only_own_members_due_records(client, make_user, api_token):
    overdue(FocalPointFactory(position="Indonesian NCP"))
    overdue(FocalPointFactory(agency=AgencyFactory(member=member("THA")), position="Thai NCP"))

    editor = api_token(make_user("editor", "IDN"))
    staff = api_token(make_user("staff"))
    viewer = api_token(make_user("viewer"))

    editor_items = client.get("/api/v1/focal-points?review=due", headers=editor).get_json()
    staff_items = client.get("/api/v1/focal-points?review=due", headers=staff).get_json()

    assert [item["position"] for item in editor_items["items"]] == ["Indonesian NCP"]
    assert {item["position"] for item in staff_items["items"]} == {"Indonesian NCP", "Thai NCP"}
    assert client.get("/api/v1/focal-points?review=due", headers=viewer).status_code == 403
    assert client.get("/api/v1/focal-points?review=soon", headers=staff).status_code == 422


def test_handover_confirms_the_new_holder(client, staff_headers):
    focal_point = overdue(FocalPointFactory())
    response = client.patch(
        f"/api/v1/focal-points/{focal_point.id}",
        json={"version": focal_point.version, "full_name": "Budi Santoso", "handover": True},
        headers=staff_headers,
    )
    body = response.get_json()
    assert body["verified_at"] is not None
    assert body["review_due"] == (date.today() + timedelta(days=365)).isoformat()


def test_confirmation_request_needs_reviewer(client, make_user, api_token):
    focal_point = FocalPointFactory()
    url = f"/api/v1/focal-points/{focal_point.id}/confirmation-requests"
    assert client.post(url, headers=api_token(make_user("viewer"))).status_code == 403
    assert client.post(url, headers=api_token(make_user("editor", "THA"))).status_code == 403
    assert client.post(url, headers=api_token(make_user("editor", "IDN"))).status_code == 202


def test_confirmation_request_without_address_is_422(client, staff_headers):
    focal_point = FocalPointFactory(holder__email="")
    response = client.post(
        f"/api/v1/focal-points/{focal_point.id}/confirmation-requests", headers=staff_headers
    )
    assert response.status_code == 422
    assert "email" in response.get_json()["errors"]


def test_mail_outbox_api_for_admins_newest_first(client, make_user, api_token, staff_headers):
    first = FocalPointFactory(holder__email="first@example.go.id")
    second = FocalPointFactory(holder__email="second@example.go.id")
    for focal_point in (first, second):
        client.post(
            f"/api/v1/focal-points/{focal_point.id}/confirmation-requests", headers=staff_headers
        )

    admin = client.get("/api/v1/mail", headers=api_token(make_user("admin"))).get_json()
    refused = client.get("/api/v1/mail", headers=staff_headers)

    assert [item["to"] for item in admin["items"]] == [
        "second@example.go.id",
        "first@example.go.id",
    ]
    assert {"to", "subject", "body", "sent_at"} <= set(admin["items"][0])
    assert refused.status_code == 403


def test_link_dies_when_the_function_changes_hands(client, staff_headers):
    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)
    client.patch(
        f"/api/v1/focal-points/{focal_point.id}",
        json={"version": 1, "full_name": "New Holder", "handover": True},
        headers=staff_headers,
    )

    page = client.get(path)

    assert page.status_code == 410
    assert "New Holder" not in page.get_data(as_text=True)


def test_accepting_refuses_to_overwrite_a_later_edit(client, make_user, sign_in, staff_headers):
    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)
    client.post(
        f"{path}/correct",
        data={
            "position": focal_point.position,
            "full_name": "Siti Rahayu",
            "email": "x@evil.example",
        },
    )
    client.patch(
        f"/api/v1/focal-points/{focal_point.id}",
        json={"version": 1, "email": "correct.new@example.go.id"},
        headers=staff_headers,
    )
    proposal = db.session.scalars(select(CorrectionProposal)).one()

    response = sign_in(make_user("staff")).post(f"/proposals/{proposal.id}/accept")

    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).current_holder.email == (
        "correct.new@example.go.id"
    )
    assert db.session.get(CorrectionProposal, proposal.id).status == "pending"


def test_link_is_spent_once_even_at_the_same_moment(app, client, staff_headers):
    import threading

    focal_point = FocalPointFactory()
    path = request_link(client, focal_point, staff_headers)
    barrier = threading.Barrier(2)
    statuses = []

    def answer():
        barrier.wait()
        statuses.append(app.test_client().post(path).status_code)

    threads = [threading.Thread(target=answer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 410]
