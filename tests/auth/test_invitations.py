"""Invitations: who may invite whom, the mailed link, choosing a password through it."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from roster.auth.models import Invitation, User
from roster.database import utcnow
from roster.extensions import db
from roster.mail.models import MailMessage
from tests.mail_links import last_mail, link_path

NEW_PASSWORD = "my very own password"


def invite(client, headers, email="new.person@example.org", role="editor", member="THA"):
    body = {"email": email, "role": role}
    if member is not None:
        body["member"] = member
    return client.post("/api/v1/invitations", json=body, headers=headers)


def choose_password(client, path, password=NEW_PASSWORD, confirm=None):
    return client.post(path, data={"password": password, "confirm": confirm or password})


def test_invitation_mails_a_link_that_creates_the_account(app, client, make_user, api_token):
    response = invite(client, api_token(make_user("staff")))

    assert response.status_code == 201
    body = response.get_json()
    assert {key: body[key] for key in ("email", "role", "member")} == {
        "email": "new.person@example.org",
        "role": "editor",
        "member": "THA",
    }
    assert body["id"] and body["expires_at"]
    path = link_path(last_mail("new.person@example.org"), "/invitation/")
    assert db.session.scalar(select(User).where(User.email == "new.person@example.org")) is None

    page = client.get(path)
    short = choose_password(client, path, "short")
    differ = choose_password(client, path, NEW_PASSWORD, "another password!")
    done = choose_password(client, path)
    again = client.get(path)

    assert page.status_code == 200 and "choose your password" in page.get_data(as_text=True)
    assert short.status_code == differ.status_code == 422
    assert done.status_code == 302 and done.headers["Location"] == "/login"
    assert again.status_code == 410
    user = db.session.scalar(select(User).where(User.email == "new.person@example.org"))
    assert (user.role, user.member.code, user.is_enabled) == ("editor", "THA", True)
    signed_in = client.post("/login", data={"email": user.email, "password": NEW_PASSWORD})
    assert signed_in.status_code == 302


def test_stored_mail_holds_no_usable_link(client, make_user, api_token):
    admin = make_user("admin")
    invite(client, api_token(admin))
    message = last_mail()
    token = link_path(message, "/invitation/").removeprefix("/invitation/")

    stored = db.session.execute(select(MailMessage.body, MailMessage.sealed_links)).one()
    outbox = client.get("/api/v1/mail", headers=api_token(admin)).get_json()["items"][0]

    assert token not in stored.body and token not in stored.sealed_links
    assert "[[link:link]]" in stored.body
    # Without an SMTP server the outbox is the mailbox: its reader sees the link.
    assert token in outbox["body"]


@pytest.mark.parametrize(
    ("inviter", "role", "member", "expected"),
    [
        ("admin", "admin", None, 201),
        ("admin", "staff", None, 201),
        ("staff", "viewer", None, 201),
        ("staff", "editor", "IDN", 201),
        ("staff", "staff", None, 403),
        ("staff", "admin", None, 403),
        ("editor", "viewer", None, 403),
        ("viewer", "viewer", None, 403),
        ("staff", "editor", None, 422),
        ("staff", "boss", None, 422),
    ],
)
def test_who_may_invite_whom(client, make_user, api_token, inviter, role, member, expected):
    user = make_user(inviter, "IDN" if inviter == "editor" else None)
    assert invite(client, api_token(user), role=role, member=member).status_code == expected


def test_bad_invitation_bodies_are_422(client, make_user, api_token):
    headers = api_token(make_user("admin"))
    for body in ({"email": "not an email", "role": "viewer"}, {"email": ["x"], "role": "viewer"}):
        response = client.post("/api/v1/invitations", json=body, headers=headers)
        assert response.status_code == 422, body
        assert "email" in response.get_json()["errors"]


def test_inviting_an_existing_account_is_409(client, make_user, api_token):
    existing = make_user("viewer")
    response = invite(client, api_token(make_user("admin")), email=existing.email.upper())
    assert response.status_code == 409
    assert response.mimetype == "application/problem+json"


def test_a_new_invitation_voids_the_older_one(client, make_user, api_token):
    headers = api_token(make_user("admin"))
    invite(client, headers)
    first = link_path(last_mail(), "/invitation/")
    invite(client, headers, role="viewer", member=None)
    second = link_path(last_mail(), "/invitation/")

    assert client.get(first).status_code == 410
    assert choose_password(client, second).status_code == 302
    user = db.session.scalar(select(User).where(User.email == "new.person@example.org"))
    assert user.role == "viewer"


def test_expired_or_tampered_invitation_links_are_refused(client, make_user, api_token):
    invite(client, api_token(make_user("admin")))
    path = link_path(last_mail(), "/invitation/")
    # The signature's first character: unlike the last one, every one of its bits counts.
    head, signature = path.rsplit(".", 1)
    tampered = f"{head}.{'B' if signature[0] == 'A' else 'A'}{signature[1:]}"
    invitation = db.session.scalars(select(Invitation)).one()
    invitation.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()

    assert client.get(tampered).status_code == 404
    assert client.get(path).status_code == 410
    assert choose_password(client, path).status_code == 410
