"""Invitations: an emailed link to a page where the invitee chooses a password."""

from datetime import timedelta

from flask import current_app, render_template, url_for

from roster.audit import operations as audit
from roster.auth import links
from roster.auth.models import Invitation, User
from roster.auth.operations import check_account, create_user, find_user_by_email
from roster.database import utcnow
from roster.errors import Conflict, ValidationFailed
from roster.extensions import db
from roster.mail.links import placeholder
from roster.mail.operations import queue_mail

PURPOSE = "invitation"


def invitation_snapshot(invitation: Invitation) -> dict:
    return {
        "email": invitation.email,
        "role": invitation.role,
        "member": invitation.member.code if invitation.member else None,
    }


def to_api(invitation: Invitation) -> dict:
    return {
        "id": invitation.id,
        **invitation_snapshot(invitation),
        "expires_at": invitation.expires_at.isoformat(),
    }


def invite(actor: User, email, role, member_code) -> Invitation:
    """Invite someone; any earlier invitation of the same email stops working.

    Conflict when the email already has an account. Permission to invite this role is the
    caller's to check (`permissions.can_invite`).
    """
    if isinstance(email, str) and find_user_by_email(email) is not None:
        raise Conflict("An account with this email already exists.")
    for name, value in (("email", email), ("role", role), ("member", member_code)):
        if value is not None and not isinstance(value, str):
            raise ValidationFailed({name: ["Must be text."]})
    email, member = check_account(email or "", role or "", member_code)
    links.void_unused(Invitation, Invitation.email == email)
    secret, secret_hash = links.new_secret()
    days = current_app.config["INVITATION_DAYS"]
    now = utcnow()
    invitation = Invitation(
        email=email,
        role=role,
        member=member,
        invited_by_id=actor.id,
        secret_hash=secret_hash,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    db.session.add(invitation)
    db.session.flush()
    token = links.make_token(PURPOSE, invitation.id, secret)
    link = links.absolute_url(url_for("auth.accept_invitation", token=token))
    body = render_template(
        "auth/invitation_mail.txt", invitation=invitation, link=placeholder("link"), days=days
    )
    queue_mail(email, "You are invited to the RSO Roster", body, links={"link": link})
    audit.record_create(actor, "invitation", invitation.id, invitation_snapshot(invitation))
    return invitation


def open_invitation(token: str) -> Invitation:
    """The invitation behind a valid, unused, unexpired link."""
    max_age = current_app.config["INVITATION_DAYS"] * 86400
    invitation = links.open_row(PURPOSE, token, Invitation, max_age)
    if find_user_by_email(invitation.email) is not None:
        raise links.LinkExpired
    return invitation


def accept_invitation(invitation: Invitation, password: str) -> User:
    """Create the invitee's account with the password they chose; the link is spent."""
    member_code = invitation.member.code if invitation.member else None
    user = create_user(None, invitation.email, password, invitation.role, member_code)
    links.spend(invitation)
    return user
