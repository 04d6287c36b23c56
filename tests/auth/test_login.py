import pytest
from sqlalchemy import func, select

from roster.auth.models import UserSession
from roster.extensions import db
from tests.factories import PASSWORD


@pytest.fixture
def throttled(app):
    names = ("LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS", "LOGIN_LIMITS_PER_ADDRESS")
    saved = {name: app.config[name] for name in names}
    app.config.update(
        LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS="3/minute", LOGIN_LIMITS_PER_ADDRESS="5/minute"
    )
    yield
    app.config.update(saved)


def login(client, email, password, next_url="", address="127.0.0.1"):
    return client.post(
        "/login",
        data={"email": email, "password": password, "next": next_url},
        environ_base={"REMOTE_ADDR": address},
    )


def test_sign_in_and_out(client, make_user):
    user = make_user("viewer")

    response = login(client, user.email.upper(), PASSWORD)

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.get("/members").status_code == 200
    client.post("/logout")
    assert client.get("/members").status_code == 302


def test_unknown_email_and_wrong_password_answer_the_same(client, make_user):
    user = make_user("viewer")

    unknown = login(client, "nobody@example.org", PASSWORD)
    wrong = login(client, user.email, "wrong password!")

    assert unknown.status_code == wrong.status_code == 401
    assert unknown.get_data(as_text=True) == wrong.get_data(as_text=True).replace(
        user.email, "nobody@example.org"
    )


def test_disabled_account_cannot_sign_in(client, make_user):
    user = make_user("viewer", is_enabled=False)
    assert login(client, user.email, PASSWORD).status_code == 401


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/experts", "/experts"),
        ("https://evil.example/", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_next_redirects_only_within_the_site(client, make_user, next_url, expected):
    user = make_user("viewer")
    response = login(client, user.email, PASSWORD, next_url)
    assert response.headers["Location"] == expected


def test_guessing_one_account_is_slowed_from_that_address_only(client, make_user, throttled):
    user = make_user("viewer")
    statuses = [login(client, user.email, "wrong password!").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    # The guesser waits, even with the right password...
    assert login(client, user.email, PASSWORD).status_code == 429
    # ...but the owner, from anywhere else, is not locked out.
    assert login(client, user.email, PASSWORD, address="198.51.100.7").status_code == 302


def test_failed_sign_ins_are_throttled_per_address(client, throttled):
    statuses = [
        login(client, f"someone{n}@example.org", "wrong password!").status_code for n in range(6)
    ]
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429
    assert login(client, "someone@example.org", "x", address="198.51.100.7").status_code == 401


def test_successful_sign_ins_are_not_counted(client, make_user, throttled):
    user = make_user("viewer")
    for _ in range(5):
        assert login(client, user.email, PASSWORD).status_code == 302
        client.post("/logout")


def test_role_change_ends_existing_sessions(client, make_user):
    from roster.auth.operations import update_user

    admin = make_user("admin")
    user = make_user("staff")
    login(client, user.email, PASSWORD)
    assert client.get("/experts/new").status_code == 200
    update_user(admin, user, "viewer", None, True, user.version)
    db.session.commit()
    assert client.get("/members").status_code == 302


def test_sign_out_ends_the_session_on_the_server(app, client, make_user):
    user = make_user("viewer")
    login(client, user.email, PASSWORD)
    copied = client.get_cookie("session").value

    client.post("/logout")
    thief = app.test_client()
    thief.set_cookie("session", copied)

    assert thief.get("/members").status_code == 302
    assert db.session.scalars(select(UserSession)).one().revoked_at is not None


def test_signing_in_again_starts_a_new_session(app, client, make_user):
    user = make_user("viewer")
    login(client, user.email, PASSWORD)
    first = client.get_cookie("session").value
    login(client, user.email, PASSWORD)
    old = app.test_client()
    old.set_cookie("session", first)

    assert client.get("/members").status_code == 200
    assert old.get("/members").status_code == 200
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 2


def test_sign_out_everywhere_ends_every_session_and_token(app, client, make_user, api_token):
    user = make_user("viewer")
    headers = api_token(user)
    login(client, user.email, PASSWORD)
    elsewhere = app.test_client()
    login(elsewhere, user.email, PASSWORD, address="198.51.100.7")

    response = client.post("/account/sign-out-everywhere")

    assert response.status_code == 302
    assert client.get("/members").status_code == 302
    assert elsewhere.get("/members").status_code == 302
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_disabling_an_account_ends_its_sessions(app, client, make_user, api_token):
    from roster.auth.operations import update_user

    admin = make_user("admin")
    user = make_user("viewer")
    headers = api_token(user)
    login(client, user.email, PASSWORD)

    update_user(admin, user, "viewer", None, False, user.version)
    update_user(admin, user, "viewer", None, True, user.version)
    db.session.commit()

    # Enabled again, the old session and token still do not come back.
    assert client.get("/members").status_code == 302
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_ended_sessions_are_purged_after_a_day(make_user):
    from datetime import timedelta

    from roster.auth.session import create_session_record, purge_ended_sessions
    from roster.database import utcnow

    user = make_user("viewer")
    for _ in range(3):
        create_session_record(user)
    db.session.commit()
    old, recent, live = db.session.scalars(select(UserSession).order_by(UserSession.id)).all()
    old.revoked_at = utcnow() - timedelta(days=2)
    recent.revoked_at = utcnow()
    db.session.commit()

    assert purge_ended_sessions() == 1
    assert purge_ended_sessions() == 0
    remaining = db.session.scalars(select(UserSession.id).order_by(UserSession.id)).all()
    assert remaining == [recent.id, live.id]
