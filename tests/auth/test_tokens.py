from datetime import timedelta

import pytest

from roster.auth.models import ApiToken
from roster.extensions import db
from tests.factories import PASSWORD


def basic(email, password):
    import base64

    raw = base64.b64encode(f"{email}:{password}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


def test_token_roundtrip_and_revoke(client, make_user):
    user = make_user("viewer")

    created = client.post("/api/v1/tokens", headers=basic(user.email, PASSWORD))

    assert created.status_code == 201
    body = created.get_json()
    assert set(body) == {"token", "expires_at"}
    bearer = {"Authorization": f"Bearer {body['token']}"}
    assert client.get("/api/v1/members", headers=bearer).status_code == 200
    assert client.delete("/api/v1/tokens/current", headers=bearer).status_code == 204
    assert client.get("/api/v1/members", headers=bearer).status_code == 401


def test_token_is_stored_hashed(client, make_user):
    user = make_user("viewer")
    token = client.post("/api/v1/tokens", headers=basic(user.email, PASSWORD)).get_json()["token"]
    stored = db.session.scalars(db.select(ApiToken)).one()
    assert token not in stored.token_hash
    assert len(stored.token_hash) == 64


def test_wrong_password_is_401_problem(client, make_user):
    user = make_user("viewer")
    response = client.post("/api/v1/tokens", headers=basic(user.email, "wrong password!"))
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 401


def test_repeated_failures_are_429(app, client, make_user):
    user = make_user("viewer")
    app.config["LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS"] = "3/minute"
    try:
        statuses = [
            client.post("/api/v1/tokens", headers=basic(user.email, "nope nope nope")).status_code
            for _ in range(4)
        ]
    finally:
        app.config["LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS"] = "5/minute;30/hour"
    assert statuses == [401, 401, 401, 429]


def test_expired_token_is_refused(client, make_user, api_token):
    headers = api_token(make_user("viewer"))
    record = db.session.scalars(db.select(ApiToken)).one()
    record.expires_at = record.created_at - timedelta(seconds=1)
    db.session.commit()
    assert client.get("/api/v1/members", headers=headers).status_code == 401


@pytest.mark.parametrize(
    "header", [None, "Bearer", "Bearer not-a-token", "Basic Zm9vOmJhcg==", "Token abc"]
)
def test_missing_or_bad_token_is_401(client, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/members", headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"


def test_session_cookie_does_not_authenticate_api(client, make_user, sign_in):
    sign_in(make_user("admin"))
    assert client.get("/api/v1/members").status_code == 401
