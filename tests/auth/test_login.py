import pytest

from tests.factories import PASSWORD


@pytest.fixture
def throttled(app):
    limits = (app.config["LOGIN_LIMITS_PER_ACCOUNT"], app.config["LOGIN_LIMITS_PER_ADDRESS"])
    app.config["LOGIN_LIMITS_PER_ACCOUNT"] = "3/minute"
    app.config["LOGIN_LIMITS_PER_ADDRESS"] = "5/minute"
    yield
    app.config["LOGIN_LIMITS_PER_ACCOUNT"], app.config["LOGIN_LIMITS_PER_ADDRESS"] = limits


def login(client, email, password, next_url=""):
    return client.post("/login", data={"email": email, "password": password, "next": next_url})


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


def test_failed_sign_ins_are_throttled_per_account(client, make_user, throttled):
    user = make_user("viewer")
    statuses = [login(client, user.email, "wrong password!").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    # Even the right password waits until the window has passed.
    assert login(client, user.email, PASSWORD).status_code == 429


def test_failed_sign_ins_are_throttled_per_address(client, throttled):
    statuses = [
        login(client, f"someone{n}@example.org", "wrong password!").status_code for n in range(6)
    ]
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429


def test_successful_sign_ins_are_not_counted(client, make_user, throttled):
    user = make_user("viewer")
    for _ in range(5):
        assert login(client, user.email, PASSWORD).status_code == 302
        client.post("/logout")


def test_role_change_ends_existing_sessions(client, make_user):
    from roster.extensions import db

    user = make_user("staff")
    login(client, user.email, PASSWORD)
    user.role = "viewer"
    db.session.commit()
    assert client.get("/members").status_code == 302
