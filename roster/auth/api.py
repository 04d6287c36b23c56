"""API token endpoints."""

from flask import abort, current_app, g, request

from roster.api.auth import api_user
from roster.auth import operations
from roster.auth.throttle import login_throttled
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
    token, record = operations.issue_token(user, current_app.config["API_TOKEN_LIFETIME"])
    db.session.commit()
    return {"token": token, "expires_at": record.expires_at.isoformat()}, 201


def revoke_current_token():
    api_user()
    operations.revoke_token(g.api_token)
    db.session.commit()
    return "", 204
