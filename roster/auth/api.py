"""API tokens, the caller's own account, and invitations."""

from flask import abort, current_app, g, request

from roster.api.auth import api_user, json_body, require
from roster.auth import invitations, operations
from roster.auth.permissions import can_invite
from roster.auth.throttle import login_throttled
from roster.auth.two_factor.operations import token_refusal
from roster.extensions import db


@login_throttled
def create_token():
    credentials = request.authorization
    if credentials is None or credentials.type != "basic":
        abort(401, description="Send your email and password with HTTP Basic authentication.")
    user = operations.authenticate(credentials.username or "", credentials.password or "")
    if user is None:
        db.session.rollback()
        abort(401, description="Wrong email or password.")
    refusal = token_refusal(user, request.headers.get("X-TOTP"))
    if refusal is not None:
        db.session.rollback()
        abort(*refusal)
    token, record = operations.issue_token(user, current_app.config["API_TOKEN_LIFETIME"])
    db.session.commit()
    return {"token": token, "expires_at": record.expires_at.isoformat()}, 201


def revoke_current_token():
    api_user()
    operations.revoke_token(g.api_token)
    db.session.commit()
    return "", 204


def me():
    return operations.account_summary(api_user())


def change_my_password():
    user = api_user()
    body = json_body()
    operations.change_own_password(
        user,
        _text(body, "current_password"),
        _text(body, "new_password"),
        keep_token=g.api_token,
    )
    db.session.commit()
    return "", 204


def create_invitation():
    user = api_user()
    body = json_body()
    require(can_invite(user, body.get("role")))
    invitation = invitations.invite(user, body.get("email"), body.get("role"), body.get("member"))
    db.session.commit()
    return invitations.to_api(invitation), 201


def _text(body: dict, name: str) -> str:
    value = body.get(name)
    return value if isinstance(value, str) else ""
