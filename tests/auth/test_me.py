"""The caller's own account: GET /api/v1/me, POST /api/v1/me/password and the account page."""

from tests.factories import PASSWORD

NEW_PASSWORD = "a brand new password"


def basic(email, password):
    from base64 import b64encode

    return {"Authorization": "Basic " + b64encode(f"{email}:{password}".encode()).decode()}


def test_me_answers_email_role_and_member(client, make_user, api_token):
    editor = make_user("editor", "IDN")

    response = client.get("/api/v1/me", headers=api_token(editor))

    assert response.status_code == 200
    assert response.get_json() == {"email": editor.email, "role": "editor", "member": "IDN"}


def test_password_change_keeps_this_token_and_revokes_the_others(
    app, client, make_user, api_token, sign_in
):
    user = make_user("staff")
    current, other = api_token(user), api_token(user)
    browser = sign_in(user)
    assert browser.get("/members").status_code == 200
    body = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}

    response = app.test_client().post("/api/v1/me/password", json=body, headers=current)

    assert response.status_code == 204
    assert client.get("/api/v1/me", headers=current).status_code == 200
    assert client.get("/api/v1/me", headers=other).status_code == 401
    assert browser.get("/members").status_code == 302
    assert client.post("/api/v1/tokens", headers=basic(user.email, PASSWORD)).status_code == 401
    assert client.post("/api/v1/tokens", headers=basic(user.email, NEW_PASSWORD)).status_code == 201


def test_wrong_current_password_or_short_new_one_is_422(client, make_user, api_token):
    user = make_user("viewer")
    headers = api_token(user)

    wrong = client.post(
        "/api/v1/me/password",
        json={"current_password": "not it at all", "new_password": NEW_PASSWORD},
        headers=headers,
    )
    short = client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "short"},
        headers=headers,
    )
    missing = client.post("/api/v1/me/password", json={}, headers=headers)

    assert wrong.status_code == short.status_code == missing.status_code == 422
    assert "current_password" in wrong.get_json()["errors"]
    assert "new_password" in short.get_json()["errors"]
    assert client.get("/api/v1/me", headers=headers).status_code == 200


def test_account_page_changes_password_and_keeps_this_session(app, make_user, sign_in):
    from roster.auth.session import SESSION_KEY, create_session_record
    from roster.extensions import db

    user = make_user("viewer")
    client = sign_in(user)
    other = app.test_client()
    key = create_session_record(user)
    db.session.commit()
    with other.session_transaction() as session:
        session.update({"_user_id": user.get_id(), "_fresh": True, SESSION_KEY: key})
    assert other.get("/members").status_code == 200

    page = client.get("/account")
    wrong = client.post(
        "/account/password",
        data={
            "pw-current_password": "nope",
            "pw-password": NEW_PASSWORD,
            "pw-confirm": NEW_PASSWORD,
        },
    )
    changed = client.post(
        "/account/password",
        data={
            "pw-current_password": PASSWORD,
            "pw-password": NEW_PASSWORD,
            "pw-confirm": NEW_PASSWORD,
        },
    )

    assert page.status_code == 200 and user.email in page.get_data(as_text=True)
    assert wrong.status_code == 422
    assert changed.status_code == 302
    assert client.get("/members").status_code == 200
    assert other.get("/members").status_code == 302
